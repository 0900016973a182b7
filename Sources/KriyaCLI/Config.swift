import Foundation
import KriyaCore
import KriyaStore
import KriyaViews
import KriyaText
import TOMLKit

/// `$XDG_CONFIG_HOME/kriya/config.toml` (`~/.config/kriya/config.toml`):
///
///     data = "postgres://kriya@db.dekranasda.local/kriya"   # or a folder; --data and $KRIYA_DATA win
///     office = "3573"     # new ids carry this office's code: A-3573-000123 (a shared registry)
///     theme = "batik"     # a built-in theme or one in ~/.config/kriya/themes/
///     lang = "id"         # id or en; otherwise the locale decides
///     certificate_pattern = "DKM/BT/{year}/{n:03}"   # Bimtek certificate numbers
///     scanner_beep = false   # no bell when the door takes a scanned card
///     allow_suspend = false  # Ctrl-Z does not suspend (a door laptop's restricted account)
///     today_screen = false   # open on the lists, not on what is on today
///
///     [documents]            # what printed documents say (defaults: Dekranasda Kota Malang)
///     council = "Dewan Kerajinan Nasional Daerah (Dekranasda) Kota Malang"
///     address = "Balai Kota Malang, Jl. Tugu No. 1, Kota Malang 65119"
///     city = "Malang"
///     signatory_name = "…"
///     signatory_position = "Ketua Dekranasda Kota Malang"
///     logo = "~/logo.png"    # .png/.jpg/.svg, kept inside each document
///     certificate_text = "telah mengikuti {kegiatan} … {penyelenggara} … {tanggal} … {tempat}."
///
/// Flags win over the file. A file that cannot be read is reported, never fatal.
public struct Config: Equatable, Sendable {
    /// Where the data lives: a folder or a database address (issue 19).
    public var data: String?
    /// The office whose code new ids carry (a regency's or city's four digits).
    public var office: Int?
    public var theme: String?
    public var lang: Lang?
    public var certificatePattern: CertificatePattern?
    /// The door's bell when a scanned card is taken.
    public var scannerBeep: Bool?
    /// Whether Ctrl-Z suspends the console (false for a door laptop's restricted account).
    public var allowSuspend: Bool?
    /// Whether the console opens on what is on today when anything happens within a week.
    public var todayScreen: Bool?
    /// The letterhead and signatory of printed documents.
    public var documents = DocumentSettings.standard
    public var warning: String?

    public static var directory: String {
        if let xdg = SystemInfo.environment("XDG_CONFIG_HOME"), !xdg.isEmpty { return xdg + "/kriya" }
        return (SystemInfo.environment("HOME") ?? ".") + "/.config/kriya"
    }

    public static func load(from path: String = directory + "/config.toml") -> Config {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return Config() }
        return parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) -> Config {
        var config = Config()
        let table: TOMLTable
        // Before the parser, which aborts the process on some control characters.
        if let problem = TOMLGuard.problem(in: text) {
            config.warning = "\(file): \(problem); settings ignored"
            return config
        }
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            config.warning = "\(file): line \(error.source.begin.line): \(error.description); settings ignored"
            return config
        } catch {
            config.warning = "\(file): \(error); settings ignored"
            return config
        }
        var problems: [String] = []
        for (key, value) in table {
            switch key {
            case "theme":
                if let s = value.string { config.theme = s } else { problems.append("theme must be text") }
            case "lang":
                if let s = value.string, let lang = Lang(rawValue: s.lowercased()) { config.lang = lang }
                else { problems.append("lang must be \"id\" or \"en\"") }
            case "certificate_pattern":
                if let s = value.string, CertificatePattern(s).isValid { config.certificatePattern = CertificatePattern(s) }
                else { problems.append("certificate_pattern must be text with {n} (or {n:03}) and may have {year}") }
            case "documents":
                guard let docs = value.table else { problems.append("documents must be a table ([documents])"); continue }
                for (k, v) in docs {
                    guard let text = v.string else { problems.append("documents.\(k) must be text"); continue }
                    switch k {
                    case "council": config.documents.council = text
                    case "address": config.documents.address = text
                    case "city": config.documents.city = text
                    case "signatory_name": config.documents.signatoryName = text
                    case "signatory_position": config.documents.signatoryPosition = text
                    case "certificate_text": config.documents.certificateText = text
                    case "logo":
                        // Kept inside the documents (a data: URI), so each stays one file.
                        let path = (text as NSString).expandingTildeInPath
                        let types = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "svg": "image/svg+xml"]
                        guard let type = types[(path as NSString).pathExtension.lowercased()] else {
                            problems.append("documents.logo must be a .png, .jpg or .svg file"); continue
                        }
                        guard let bytes = FileManager.default.contents(atPath: path), bytes.count <= 2_000_000 else {
                            problems.append("documents.logo: cannot read \(path) (or it is over 2 MB)"); continue
                        }
                        config.documents.logoDataURI = "data:\(type);base64," + bytes.base64EncodedString()
                    default: problems.append("documents.\(k) is not a setting (council, address, city, signatory_name, signatory_position, logo, certificate_text)")
                    }
                }
            case "data":
                if let s = value.string, !s.isEmpty { config.data = s.hasPrefix("~/") ? (s as NSString).expandingTildeInPath : s }
                else { problems.append("data must be a folder or a postgres:// address") }
            case "office":
                let text = value.string ?? value.int.map(String.init) ?? ""
                if let code = EntityID.office(text) { config.office = code }
                else { problems.append("office must be a regency's or city's four-digit code, e.g. \"3573\" for Kota Malang") }
            case "allow_suspend":
                if let b = value.bool { config.allowSuspend = b } else { problems.append("allow_suspend must be true or false") }
            case "scanner_beep":
                if let b = value.bool { config.scannerBeep = b } else { problems.append("scanner_beep must be true or false") }
            case "today_screen":
                if let b = value.bool { config.todayScreen = b } else { problems.append("today_screen must be true or false") }
            default:
                problems.append("\(key) is not a setting (data, office, theme, lang, certificate_pattern, scanner_beep, allow_suspend, today_screen, [documents])")
            }
        }
        if !problems.isEmpty { config.warning = "\(file): " + problems.joined(separator: "; ") }
        return config
    }
}
