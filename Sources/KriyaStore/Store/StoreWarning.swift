import KriyaCore

/// Something a person should know that did not stop the work: the data on a network disk, or
/// trouble after a change was already saved. Said in the user's language (`message`); the
/// detail is the system's own error text.
public enum StoreWarning: Equatable, Sendable, CustomStringConvertible {
    case networkFileSystem(path: String, type: String)
    case auditNotWritten(String)
    case compactionFailed(String)
    case importUndoNotNoted(String)
    case folderNotSynced(String)
    case converted(version: Int, copy: String)
    case auditCaughtUp(Int)

    public func message(_ lang: Lang) -> String {
        switch self {
        case .networkFileSystem(let path, let type): return L10n.text(.wNetworkFileSystem, lang, path, type)
        case .auditNotWritten(let detail): return L10n.text(.wAuditNotWritten, lang, detail)
        case .compactionFailed(let detail): return L10n.text(.wCompactionFailed, lang, detail)
        case .importUndoNotNoted(let detail): return L10n.text(.wImportUndoNotNoted, lang, detail)
        case .folderNotSynced(let detail): return L10n.text(.wFolderNotSynced, lang, detail)
        case .converted(let version, let copy): return L10n.text(.wConverted, lang, version, copy)
        case .auditCaughtUp(let count): return L10n.text(.wAuditCaughtUp, lang, count)
        }
    }

    public var description: String { message(.en) }
}
