import Foundation
import KriyaCore
import KriyaStore
import TextUI

/// A form with unsaved changes, kept in `<data>/drafts/<user>.json` after every key, so that
/// a dropped connection (SIGHUP), a closed terminal or a kill loses nothing: the next time
/// that user opens the console the form comes back. Removed once saved or discarded.
/// Created 0600: a draft can hold a NIK.
struct FormDraft: Codable, Equatable {
    var values: [String: String]
    /// The artisan being changed and the revision the form was opened at; nil for a new one.
    var editing: String?
    var rev: Int?
    var focus: Int
    var saved: String

    static func path(data: String, user: String) -> String {
        let safeUser = user.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
        return data + "/drafts/" + (safeUser.isEmpty ? "user" : safeUser) + ".json"
    }

    static func load(data: String, user: String) -> FormDraft? {
        guard let bytes = FileManager.default.contents(atPath: path(data: data, user: user)) else { return nil }
        return try? JSONDecoder().decode(FormDraft.self, from: bytes)
    }

    /// Temp file (0600) then rename: a crash mid-write leaves the previous draft.
    func write(data: String, user: String) {
        let target = Self.path(data: data, user: user)
        let folder = (target as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: folder) {
            // In a shared (setgid) data folder every staff member writes a draft here.
            var info = stat()
            let shared = stat(data, &info) == 0 && (info.st_mode & S_ISGID) != 0
            mkdir(folder, shared ? 0o770 : 0o700)
            if shared { chmod(folder, 0o2770) }
        }
        guard let bytes = try? JSONEncoder().encode(self) else { return }
        let temp = target + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temp, contents: bytes, attributes: [.posixPermissions: 0o600]) else { return }
        if rename(temp, target) != 0 { unlink(temp) }
    }

    static func remove(data: String, user: String) {
        unlink(path(data: data, user: user))
    }
}

extension ConsoleState {
    /// The open form as a draft, when it holds unsaved changes.
    var draft: FormDraft? {
        guard mode == .form, let form, form.isDirty else { return nil }
        var values: [String: String] = [:]
        for f in form.fields { values[f.key] = f.value }
        return FormDraft(values: values, editing: editing?.id.description, rev: editing?.rev, focus: form.focus,
                         saved: { let now = SystemInfo.now(); return "\(now.today.numeric) \(now.time)" }())
    }

    /// Opens the form a draft was kept from, as it was left.
    mutating func restore(_ draft: FormDraft) {
        if let text = draft.editing, let id = EntityID(text), let a = data.artisans[id] {
            form = ArtisanForm.make(lang, editing: a)
            editing = (id, draft.rev ?? a.rev)
        } else {
            form = ArtisanForm.make(lang)
            editing = nil
        }
        for i in form!.fields.indices {
            if let value = draft.values[form!.fields[i].key] { form!.fields[i].input = TextField(value, maxLength: form!.fields[i].input.maxLength) }
        }
        form!.focus(on: draft.focus)
        discardPending = false
        mode = .form
        message = L10n.text(.uiDraftRestored, lang, draft.saved)
    }
}
