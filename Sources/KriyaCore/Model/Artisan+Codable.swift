/// An artisan as scripts (`--json`) and the audit see it: every field by name in the files'
/// order (`ArtisanField.allCases`), packed or not. Written out because half the fields are not
/// stored properties; the text details come from their table.
extension Artisan: Codable, CustomReflectable {
    /// A member name: the fields' own (`ArtisanField.rawValue`) and the few that are not fields.
    struct Key: CodingKey {
        let stringValue: String
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
        static let rev = Key("rev"), phoneTyped = Key("phoneTyped"), archived = Key("archived"), mergedInto = Key("mergedInto")
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        func key(_ f: ArtisanField) -> Key { Key(f.rawValue) }
        self.init(id: try c.decode(EntityID.self, forKey: key(.id)), name: try c.decode(String.self, forKey: key(.name)),
                  phone: try c.decode(String.self, forKey: key(.phone)), kelurahan: try c.decode(String.self, forKey: key(.kelurahan)),
                  business: try c.decode(String.self, forKey: key(.business)), category: try c.decode(CraftCategory.self, forKey: key(.category)))
        rev = try c.decode(Int.self, forKey: .rev)
        gender = try c.decodeIfPresent(Gender.self, forKey: key(.gender))
        scale = try c.decodeIfPresent(BusinessScale.self, forKey: key(.scale))
        archived = try c.decode(Bool.self, forKey: .archived)
        mergedInto = try c.decodeIfPresent(EntityID.self, forKey: .mergedInto)
        nib = try c.decodeIfPresent(String.self, forKey: key(.nib))
        var d = ArtisanDetails()
        d.phoneTyped = try c.decodeIfPresent(String.self, forKey: .phoneTyped)
        d.email = try c.decodeIfPresent(String.self, forKey: key(.email))
        for field in ArtisanTextField.ordered {
            d[field] = try c.decodeIfPresent(String.self, forKey: key(.text(field)))
        }
        d.kbli = try c.decodeIfPresent(String.self, forKey: key(.kbli))
        d.workers = try c.decodeIfPresent(Int.self, forKey: key(.workers))
        d.products = try c.decode([Product].self, forKey: key(.products))
        d.certifications = try c.decode([Certification].self, forKey: key(.certifications))
        d.memberSince = try c.decodeIfPresent(CivilDate.self, forKey: key(.memberSince))
        d.notes = try c.decodeIfPresent(String.self, forKey: key(.notes))
        d.nik = try c.decodeIfPresent(String.self, forKey: key(.nik))
        details = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for (name, value) in members() where name != "unknownMembers" {
            guard let value = value as? any Encodable else { continue }
            try c.encode(value, forKey: Key(name))
        }
    }

    /// The fields by name in the files' order, as if all were stored: the audit's field diff
    /// walks a record's `Mirror`.
    public var customMirror: Mirror {
        Mirror(self, children: members().map { (label: Optional($0.name), value: $0.value ?? (Optional<Any>.none as Any)) }, displayStyle: .struct)
    }

    /// Every member in the files' order, absent optionals as nil; `unknownMembers` last (the
    /// diff skips it, `--json` has no place for it).
    private func members() -> [(name: String, value: Any?)] {
        let d = details
        var out: [(name: String, value: Any?)] = []
        for field in ArtisanField.allCases {
            let value: Any?
            switch field {
            case .id: value = id
            case .name: value = name
            case .gender: value = gender
            case .phone: value = phone
            case .email: value = d.email
            case .kelurahan: value = kelurahan
            case .kecamatan: continue
            case .business: value = business
            case .nib: value = nib
            case .category: value = category
            case .kbli: value = d.kbli
            case .scale: value = scale
            case .workers: value = d.workers
            case .products: value = d.products
            case .certifications: value = d.certifications
            case .memberSince: value = d.memberSince
            case .notes: value = d.notes
            case .nik: value = d.nik
            case .text(let t): value = d[t]
            }
            out.append((field.rawValue, value))
            if field == .id { out.append(("rev", rev)) }
            if field == .phone { out.append(("phoneTyped", d.phoneTyped)) }
        }
        out += [("archived", archived), ("mergedInto", mergedInto), ("unknownMembers", d.unknownMembers)]
        return out
    }
}
