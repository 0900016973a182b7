/// Two people changed the same record: field by field, what the version both started from
/// (`base`), the one saved meanwhile (`theirs`) and the one being saved (`mine`) say.
/// A field only one side changed takes that side without asking; a field both changed, to
/// different values, is a conflict for the user to settle (mine unless they choose theirs).
/// Values are the fields as text, keyed by field name.
public struct ThreeWayMerge: Sendable, Equatable {
    public struct Conflict: Sendable, Equatable {
        public let field: String
        public let base: String?
        public let theirs: String
        public let mine: String
        public var keepMine = true
    }

    public private(set) var resolved: [String: String] = [:]
    public var conflicts: [Conflict] = []
    /// Fields taken from theirs without asking (only they changed them).
    public private(set) var takenFromTheirs: [String] = []
    /// Fields kept from mine without asking (only I changed them).
    public private(set) var keptMine: [String] = []

    /// `fields` in the order to list them. Without a base (it was not kept), every field
    /// where the two differ is asked about.
    public init(fields: [String], base: [String: String]?, theirs: [String: String], mine: [String: String]) {
        for f in fields {
            let t = theirs[f] ?? "", m = mine[f] ?? ""
            guard t != m else { resolved[f] = m; continue }
            guard let base else {
                conflicts.append(Conflict(field: f, base: nil, theirs: t, mine: m))
                continue
            }
            let b = base[f] ?? ""
            if m == b {
                resolved[f] = t
                takenFromTheirs.append(f)
            } else if t == b {
                resolved[f] = m
                keptMine.append(f)
            } else {
                conflicts.append(Conflict(field: f, base: b, theirs: t, mine: m))
            }
        }
    }

    /// Every field's value, with each conflict settled as chosen.
    public var result: [String: String] {
        var out = resolved
        for c in conflicts { out[c.field] = c.keepMine ? c.mine : c.theirs }
        return out
    }
}
