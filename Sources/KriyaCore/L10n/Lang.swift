import KriyaText

/// The interface language. Indonesian for `id_*` locales, English otherwise; `--lang` and the
/// config override.
public enum Lang: String, Sendable, CaseIterable {
    case id, en

    /// From the POSIX locale variables, in their order of precedence.
    public static func fromEnvironment(_ env: [String: String]) -> Lang {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = env[name], !value.isEmpty {
                return value.lowercased().hasPrefix("id") ? .id : .en
            }
        }
        return .en
    }
}

/// Looks up user-visible text in the table of a language. Placeholders are `{0}`, `{1}`….
public enum L10n {
    public static func table(_ lang: Lang) -> [TextKey: String] {
        lang == .id ? StringsID.table : StringsEN.table
    }

    public static func text(_ key: TextKey, _ lang: Lang, _ args: CustomStringConvertible...) -> String {
        text(key, lang, arguments: args)
    }

    public static func text(_ key: TextKey, _ lang: Lang, arguments args: [CustomStringConvertible]) -> String {
        Template.fill(table(lang)[key] ?? StringsEN.table[key] ?? key.rawValue, args)
    }

    /// How an enum value reads in the interface (`accepted` → `diterima`); the stored value
    /// itself stays the same in both languages.
    public static func value<E: RawRepresentable>(_ value: E, _ lang: Lang) -> String where E.RawValue == String {
        let key = "\(E.self).\(value.rawValue)"
        return (lang == .id ? StringsID.values : StringsEN.values)[key] ?? value.rawValue
    }

    /// The message for one validation problem.
    public static func problem(_ p: FieldError.Problem, _ lang: Lang) -> String {
        switch p {
        case .required: return text(.pRequired, lang)
        case .tooLong(let max): return text(.pTooLong, lang, max)
        case .phone(.notAPhoneNumber): return text(.pPhoneNotNumber, lang)
        case .phone(.notMobile): return text(.pPhoneNotMobile, lang)
        case .phone(.wrongLength(let n)): return text(.pPhoneLength, lang, n)
        case .digits(let count): return text(.pDigits, lang, count)
        case .unknownKelurahan(let v):
            if let near = Wilayah.nearestKelurahan(v) {
                return text(.pUnknownKelurahanNear, lang, v, near.name, Wilayah.kecamatan(code: near.kecamatanCode)?.name ?? "")
            }
            return text(.pUnknownKelurahan, lang, v)
        case .unknownKecamatan(let v): return text(.pUnknownKecamatan, lang, v)
        case .unknownCategory(let v): return text(.pUnknownCategory, lang, v, CraftCategory.allCases.map { $0.shortLabel(lang) }.joined(separator: ", "))
        case .invalidDate(let v): return text(.pInvalidDate, lang, v)
        case .invalidTime(let v): return text(.pInvalidTime, lang, v)
        case .invalidMoney(let v): return text(.pInvalidMoney, lang, v)
        case .invalidNumber(let v): return text(.pInvalidNumber, lang, v)
        case .invalidEmail(let v): return text(.pInvalidEmail, lang, v)
        case .invalidHandle(let v): return text(.pInvalidHandle, lang, v)
        case .invalidLink(let v): return text(.pInvalidLink, lang, v)
        case .invalidChoice(let v, let allowed): return text(.pInvalidChoice, lang, v, allowed.joined(separator: ", "))
        case .endBeforeStart: return text(.pEndBeforeStart, lang)
        case .controlCharacters: return text(.pControl, lang)
        case .dayOutsideRange(let d): return text(.pDayOutsideRange, lang, d.numeric)
        case .notPositive: return text(.pNotPositive, lang)
        case .outOfRange(let min, let max): return text(.pOutOfRange, lang, min, max)
        case .negative: return text(.pNegative, lang)
        case .unknownReference(let id): return text(.pUnknownReference, lang, id)
        case .duplicate(let v): return text(.pDuplicate, lang, v)
        case .kelurahanElsewhere(let kel, let kec): return text(.pKelurahanElsewhere, lang, kel, kec)
        case .roundedNumber(let v): return text(.pRoundedNumber, lang, v)
        }
    }
}
