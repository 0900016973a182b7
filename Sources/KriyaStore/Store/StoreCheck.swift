import KriyaCore

/// What `kriya check` finds: damaged lines, records that break a rule, references to records
/// that do not exist. Each problem names the file and line.
public struct CheckReport: Sendable {
    public var problems: [String] = []
    /// Not problems, but worth knowing (lines set aside earlier, no lookup index).
    public var notes: [CheckNote] = []
    /// Said in the user's language by whoever shows the report.
    public var warnings: [StoreWarning] = []
    public var artisans = 0
    public var sessions = 0
    public var exhibitions = 0
    /// The council's records: board terms, board members, partners.
    public var terms = 0
    public var members = 0
    public var partners = 0
    /// Artisans stored twice, by all appearances: the same phone, NIB or NIK (a finding to
    /// look at, not damage: the store itself is sound).
    public var likelyDuplicates: [(field: String, ids: [EntityID])] = []
    public var isSound: Bool { problems.isEmpty }
}

/// Something `kriya check` found that is no problem but worth knowing, said in the user's language.
public enum CheckNote: Equatable, Sendable {
    /// Damaged lines put aside at an earlier compaction, in `file`.
    case setAside(file: String, lines: Int)
    /// The current generation has no usable artisans' index: lookups read everything.
    case noLookupIndex(file: String)
    /// The journal's last `count` changes have no audit line: a save cut off between its
    /// two writes (or an audit line that failed and was warned of).
    case unaudited(file: String, count: Int)
    /// A save reported failed whose line is still in the journal (its take-back failed too):
    /// read as not saved, and the next save cuts it out.
    case failedSave(file: String, line: Int, at: String, user: String, command: String)

    public func message(_ lang: Lang) -> String {
        switch self {
        case .setAside(let file, let lines): return L10n.text(.chkSetAside, lang, file, lines)
        case .noLookupIndex(let file): return L10n.text(.chkNoLookupIndex, lang, file)
        case .unaudited(let file, let count): return L10n.text(.chkUnaudited, lang, file, count)
        case .failedSave(let file, let line, let at, let user, let command):
            return L10n.text(.chkFailedSave, lang, file, line, at, user, ChangeWords.command(command, lang))
        }
    }
}

extension Store {
    /// Verifies the store in `path` without changing anything. The files are read under the
    /// shared lock, so a save in progress is never taken for damage; a missing or swapped
    /// file of the generation in force, or an unsafe folder, is a problem, not a crash.
    public static func check(path: String, io: FileIO? = nil) throws(StoreError) -> CheckReport {
        let store: Store
        do {
            store = try Store(path: path, create: false, io: io, trackOrigins: true)
        } catch {
            switch error {
            case .damaged, .unsafe, .badManifest:
                var report = CheckReport()
                report.problems = ["\(error)"]
                return report
            default: throw error
            }
        }
        var report = CheckReport()
        let data = store.data
        report.artisans = data.artisans.count
        report.sessions = data.sessions.count
        report.exhibitions = data.exhibitions.count
        report.terms = data.terms.count
        report.members = data.members.count
        report.partners = data.partners.count
        report.likelyDuplicates = data.likelyDuplicates()
        report.problems = store.issues.map(\.description)
        let origin = { (id: EntityID) -> String in
            store.origins?[id].map { "\($0.file):\($0.line)" } ?? "?"
        }
        for a in data.artisans.items {
            for e in Validation.check(a) { report.problems.append("\(origin(a.id)): \(a.id) \(e)") }
        }
        for s in data.sessions.items {
            for e in Validation.check(s) { report.problems.append("\(origin(s.id)): \(s.id) \(e)") }
            for p in s.participants where data.artisans[p.artisan] == nil {
                report.problems.append("\(origin(s.id)): \(s.id) participants: \(p.artisan) does not exist")
            }
        }
        for x in data.exhibitions.items {
            for e in Validation.check(x) { report.problems.append("\(origin(x.id)): \(x.id) \(e)") }
            for p in x.participants where data.artisans[p.artisan] == nil {
                report.problems.append("\(origin(x.id)): \(x.id) participants: \(p.artisan) does not exist")
            }
        }
        report.problems += councilProblems(data, origin)
        for name in store.io.listDirectory(store.path) where name.hasSuffix(".rejected") {
            let lines = (try? store.durable.read(store.file(name)))??.filter { $0 == 0x0A }.count ?? 0
            report.notes.append(.setAside(file: name, lines: lines))
        }
        if let (last, _) = store.lastAuditedChange(), last.journal == store.journalID, store.journalLines - 1 > last.seq {
            report.notes.append(.unaudited(file: store.journalName, count: store.journalLines - 1 - last.seq))
        }
        if let (line, f) = store.failedSaveStillThere() {
            report.notes.append(.failedSave(file: store.journalName, line: line, at: f.at, user: f.user, command: f.command))
        }
        if store.formatOnDisk >= 3 && !store.artisanIndexUsable {
            report.notes.append(.noLookupIndex(file: ArtisanIndexFile.name(store.generation)))
        }
        report.warnings = store.warnings
        return report
    }

    /// References to the council's records that lead nowhere (a partner deleted by hand, a
    /// member whose term is gone).
    private static func councilProblems(_ data: Dataset, _ origin: (EntityID) -> String) -> [String] {
        var problems: [String] = []
        func missing(_ owner: EntityID, _ field: String, _ id: EntityID) {
            problems.append("\(origin(owner)): \(owner) \(field): \(id) does not exist")
        }
        for s in data.sessions.items {
            for id in s.partners where data.partners[id] == nil { missing(s.id, "partners", id) }
            for id in s.trainerRefs where data.title(of: id) == nil { missing(s.id, "trainerRefs", id) }
        }
        for x in data.exhibitions.items {
            for id in x.partners where data.partners[id] == nil { missing(x.id, "partners", id) }
        }
        for m in data.members.items {
            if data.terms[m.term] == nil { missing(m.id, "term", m.term) }
            if let a = m.artisan, data.artisans[a] == nil { missing(m.id, "artisan", a) }
        }
        return problems
    }
}
