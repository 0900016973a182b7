import Foundation
import KriyaCore
import KriyaStore
import TextUI

/// A form with unsaved changes, kept in `<data>/drafts/<user>.<pid>.json` after every key, so
/// that a dropped connection (SIGHUP), a closed terminal or a kill loses nothing: the next time
/// that user opens the console the form comes back. Removed once saved or discarded.
/// One file per console: the same person may have two consoles open, and one must neither
/// overwrite the other's draft nor take over a form the other is still filling in.
/// Created 0600 (0660 in a staff group's shared folder): a draft can hold a NIK.
/// Whether the console that wrote a draft still runs is told by a lock it holds for its whole
/// life on `<user>.<pid>.alive` beside it: the kernel drops it the moment the process dies
/// (`kill(pid, 0)` still calls a killed console that is not yet reaped alive).
struct FormDraft: Codable, Equatable {
    var values: [String: String]
    /// The artisan being changed and the revision the form was opened at; nil for a new one.
    var editing: String?
    var rev: Int?
    var focus: Int
    var saved: String
    /// What the form is for, when new: "session", "exhibition"; nil for an artisan.
    var subject: String? = nil

    private static func safe(_ user: String) -> String {
        let safeUser = user.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return safeUser.isEmpty ? "user" : safeUser
    }

    /// Where drafts of the data at `address` (a database) are kept: a folder of this user's
    /// own, one per database, since there is no shared data folder to keep them in.
    static func home(for address: String) -> String {
        let state = SystemInfo.environment("XDG_STATE_HOME").flatMap { $0.isEmpty ? nil : $0 }
            ?? (SystemInfo.environment("HOME") ?? ".") + "/.local/state"
        let name = address.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" }
        let folder = state + "/kriya/" + String(name)
        // Private: a draft can hold a NIK. `~/.local` may not exist yet on a new account.
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        return folder
    }

    /// This console's draft file.
    static func path(data: String, user: String, pid: Int32 = getpid()) -> String {
        data + "/drafts/" + safe(user) + ".\(pid).json"
    }

    /// The newest draft this user left in a console that is no longer running, and its file;
    /// `waiting` counts drafts of this user's other consoles that still run.
    static func load(data: String, user: String) -> (draft: FormDraft, file: String)? {
        find(data: data, user: user).left
    }

    static func find(data: String, user: String) -> (left: (draft: FormDraft, file: String)?, waiting: Int) {
        let folder = data + "/drafts"
        let prefix = safe(user) + "."
        var found: [(draft: FormDraft, file: String, time: Int)] = []
        var waiting = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) && name.hasSuffix(".json") {
            guard let pid = Int32(name.dropFirst(prefix.count).dropLast(5)) else { continue }
            if running(pid, folder: folder, prefix: prefix) { waiting += 1; continue }
            let file = folder + "/" + name
            guard let (bytes, time) = ownFile(file), let draft = try? JSONDecoder().decode(FormDraft.self, from: bytes) else { continue }
            found.append((draft, file, time))
        }
        // Lock files of consoles that ended without a draft (a hang-up): nothing to wait for.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) && name.hasSuffix(".alive") {
            guard let pid = Int32(name.dropFirst(prefix.count).dropLast(6)), pid != getpid(),
                  !running(pid, folder: folder, prefix: prefix), !FileManager.default.fileExists(atPath: folder + "/" + prefix + "\(pid).json") else { continue }
            unlink(folder + "/" + name)
        }
        return (found.max { $0.time < $1.time }.map { ($0.draft, $0.file) }, waiting)
    }

    /// A draft's bytes and time, only when this user wrote it: a plain file (never followed
    /// through a symlink), owned by this account, with no other name. Anyone in a shared
    /// folder's group can write `drafts/`: a draft planted under another person's name (their
    /// form offered back, saved and audited as theirs) or a link to someone's private file is
    /// not theirs, and is passed over.
    private static func ownFile(_ file: String) -> (Data, Int)? {
        let fd = open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(), info.st_nlink == 1,
              info.st_size < 4 << 20 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n == bytes.count else { return nil }
        return (Data(bytes), info.st_mtim.tv_sec)
    }

    /// Another console still running: its lock on `<user>.<pid>.alive` is held (this
    /// process's own drafts count as left behind; no lock file means no console).
    private static func running(_ pid: Int32, folder: String, prefix: String) -> Bool {
        guard pid != getpid() else { return false }
        let fd = open(folder + "/" + prefix + "\(pid).alive", O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard flock(fd, LOCK_SH | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
        flock(fd, LOCK_UN)
        return false
    }

    /// Held for the life of the process (the kernel releases it at death).
    nonisolated(unsafe) private static var aliveFD: Int32 = -1

    /// Says "this console runs" to the others of the same person: called once at start.
    static func markAlive(data: String, user: String) {
        guard aliveFD < 0 else { return }
        makeFolder(data: data)
        let file = data + "/drafts/" + safe(user) + ".\(getpid()).alive"
        let fd = open(file, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { aliveFD = fd } else { close(fd) }
    }

    /// A clean exit: nothing of this console is left to wait for.
    static func markGone(data: String, user: String) {
        guard aliveFD >= 0 else { return }
        unlink(data + "/drafts/" + safe(user) + ".\(getpid()).alive")
        close(aliveFD)
        aliveFD = -1
    }

    /// The drafts folder; in a shared (setgid) data folder every staff member writes here.
    private static func makeFolder(data: String) {
        let folder = data + "/drafts"
        guard !FileManager.default.fileExists(atPath: folder) else { return }
        var info = stat()
        let shared = stat(data, &info) == 0 && (info.st_mode & S_ISGID) != 0
        mkdir(folder, shared ? 0o770 : 0o700)
        chmod(folder, shared ? 0o2770 : 0o700)
    }

    /// Temp file (0600; 0660 in a staff group's folder) then rename: a crash mid-write leaves
    /// the previous draft.
    func write(data: String, user: String) {
        let target = Self.path(data: data, user: user)
        Self.makeFolder(data: data)
        guard let bytes = try? JSONEncoder().encode(self) else { return }
        // Under a random temp name, never through a symlink: anyone in a shared folder's
        // group could plant one at a name they can guess. Best effort: a draft is a safety net.
        try? PrivateFile.write(Array(bytes), to: target)
    }

    static func remove(data: String, user: String) {
        unlink(path(data: data, user: user))
    }

    /// Removes a draft left by an earlier console, once this one has taken it over, and the
    /// lock file that console left.
    static func remove(file: String) {
        unlink(file)
        if file.hasSuffix(".json") { unlink(String(file.dropLast(5)) + ".alive") }
    }
}

extension ConsoleState {
    /// The open form as a draft, when it holds unsaved changes (also under its conflict view
    /// or its "discard?" question).
    var draft: FormDraft? {
        guard let screen = screen(FormScreen.self), screen.form.isDirty else { return nil }
        switch screen.subject {
        case .sales, .walkIn: return nil   // a few values typed with the person in front: nothing to keep
        default: break
        }
        var values: [String: String] = [:]
        for f in screen.form.fields { values[f.key] = f.value }
        // Trainers picked from the records stay linked when the draft comes back.
        if !screen.picked.isEmpty {
            values[Self.pickedKey] = screen.picked.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
        }
        let subject = Self.draftSubjects.first { $0.value == screen.subject }?.key
        return FormDraft(values: values, editing: screen.editing?.id.description, rev: screen.editing?.rev, focus: screen.form.focus,
                         saved: { let now = SystemInfo.now(); return "\(now.today.numeric) \(now.time)" }(), subject: subject)
    }

    /// Opens the form a draft was kept from, as it was left: the record it names (whatever
    /// the lists show), or a new one of its kind when that record is gone.
    mutating func restore(_ draft: FormDraft) {
        let id = draft.editing.flatMap(EntityID.init)
        let subject = id.map { Self.subject(of: $0.kind) } ?? draft.subject.flatMap { Self.draftSubjects[$0] } ?? .artisan
        let pane: Pane = subject == .artisan ? .artisans : subject == .session ? .sessions : subject == .exhibition ? .exhibitions : .organisation
        browse.pane = pane
        var screen: FormScreen
        if let id, let current = shared.stored(id), let edit = FormScreen.edit(id, shared) {
            browse.show(id, shared)
            screen = edit
            screen.editing = (id, draft.rev ?? current.rev)
            // The version the draft started from is known only if nobody changed it since.
            if draft.rev != current.rev { screen.editingBase = nil }
            shared.message = shared.t(.uiDraftRestored, draft.saved)
        } else if pane == .organisation {
            let choice = subject == .member ? 0 : subject == .partner ? 1 : 2
            screen = FormScreen.newCouncil(choice, term: browse.shownTerm(shared), shared)
            shared.message = id.map { shared.t(.uiDraftRecordGone, draft.saved, $0) } ?? shared.t(.uiDraftRestored, draft.saved)
        } else {
            screen = FormScreen.new(for: pane, shared)
            shared.message = id.map { shared.t(.uiDraftRecordGone, draft.saved, $0) } ?? shared.t(.uiDraftRestored, draft.saved)
        }
        for i in screen.form.fields.indices {
            if let value = draft.values[screen.form.fields[i].key] {
                screen.form.fields[i].input = TextField(value, maxLength: max(screen.form.fields[i].input.maxLength, value.count))
            }
        }
        for line in (draft.values[Self.pickedKey] ?? "").split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let ref = EntityID(String(parts[1])) { screen.picked[String(parts[0])] = ref }
        }
        screen.form.focus(on: draft.focus)
        stack = [screen]
    }

    /// The kinds of form a draft names (absent: an artisan, as drafts were first written).
    static let draftSubjects: [String: FormSubject] = ["session": .session, "exhibition": .exhibition, "term": .term,
                                                       "member": .member, "partner": .partner]
    static let pickedKey = "_pickedTrainers"

    static func subject(of kind: EntityID.Kind) -> FormSubject {
        switch kind {
        case .artisan: return .artisan
        case .session: return .session
        case .exhibition: return .exhibition
        case .term: return .term
        case .member: return .member
        case .partner: return .partner
        }
    }
}
