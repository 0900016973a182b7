import Foundation
import Testing
@testable import Console
@testable import KriyaCore
@testable import KriyaStore
import TextUI

/// The form engine driven by keys (state in, keys, state out), and the artisan form on screen.
@Suite struct FormTests {
    func keys(_ text: String) -> [Key] { text.map { .char($0) } }

    @Test func readlineKeysWorkOnCharactersNotBytes() {
        var f = TextField("Keramik Sekar")
        for k: Key in [.ctrl("w")] { f.handle(k) }
        #expect(f.text == "Keramik " && f.cursor == 8)
        for k in keys("Dinoyö") { f.handle(k) }
        f.handle(.left); f.handle(.backspace)
        #expect(f.text == "Keramik Dinoö" && f.cursor == 12)
        f.handle(.ctrl("a")); f.handle(.delete)
        #expect(f.text == "eramik Dinoö" && f.cursor == 0)
        f.handle(.ctrl("e")); f.handle(.char("漢"))
        #expect(f.text == "eramik Dinoö漢" && f.visible(width: 40).cursorColumn == 14)
        f.handle(.home); f.handle(.right); f.handle(.ctrl("k"))
        #expect(f.text == "e")
        f.handle(.end); for k in keys("xyz") { f.handle(k) }; f.handle(.left); f.handle(.ctrl("u"))
        #expect(f.text == "z" && f.cursor == 0)
        // A long text scrolls so the cursor stays in view.
        var long = TextField(String(repeating: "a", count: 50))
        #expect(long.visible(width: 20).cursorColumn == 19)
        long.handle(.home)
        #expect(long.visible(width: 20).cursorColumn == 0)
    }

    @Test func fieldsFilterWhatIsTypedAndTheFormMovesAndReports() {
        var form = Form(title: "T", fields: [FormField(key: "a", label: "A", required: true),
                                             FormField(key: "phone", label: "Phone", filter: .phone),
                                             FormField(key: "nib", label: "NIB", filter: .digits, maxLength: 3)])
        #expect(form.handle(.tab) == .left(0) && form.focus == 1)
        for k in keys("0812-abc 99") { _ = form.handle(k) }
        #expect(form.fields[1].value == "0812- 99")
        _ = form.handle(.tab)
        for k in keys("12a345") { _ = form.handle(k) }
        #expect(form.fields[2].value == "123")
        #expect(form.handle(.tab) == .left(2) && form.focus == 0)
        #expect(form.handle(.backTab) == .left(0) && form.focus == 2)
        #expect(form.handle(.ctrl("s")) == .save && form.handle(.f(2)) == .save && form.handle(.escape) == .cancel)
        #expect(form.isDirty)
        form.show(errors: ["nib": "x", "phone": "y"])
        #expect(form.focus == 1 && form.fields[2].error == "x" && form.fields[0].error == nil)
    }

    @Test func newArtisanWithTheKeyboardAlone() {
        var state = makeState()
        _ = state.update(.char("a"))
        #expect(state.topKind == .form)
        var effect: Effect?
        // The kecamatan is skipped: choosing the kelurahan fills it in; "din" and "kera" pick from the lists.
        for part in ["Siti Rahayu", "\t", "0812-0000-1234", "\t", "\t", "din", "\t", "Keramik Sekar Dinoyo", "\t", "kera", "\t"] {
            for k in part == "\t" ? [Key.tab] : keys(part) { effect = state.update(k) }
        }
        #expect(state.form?.value("kelurahan") == "Dinoyo" && state.form?.value("kecamatan") == "Lowokwaru")
        #expect(state.form?.value("category") == CraftCategory.keramikGerabah.label(.en))
        effect = state.update(.ctrl("s"))
        guard case .save(.addArtisan(let a, _)) = effect else { Issue.record("no save: \(effect)"); return }
        #expect(a.name == "Siti Rahayu" && a.kelurahan == "35.73.05.1004" && a.category == .keramikGerabah && a.phone == "+6281200001234")
    }

    /// Issue 32, finding 4: a field of the artisan table (`ArtisanTextField`) is in the form
    /// after the one it follows, with its hint, typed as people write it and saved as stored.
    @Test func aTableFieldIsTypedInTheFormAndSavedInItsShape() {
        var state = makeState()
        _ = state.update(.char("a"))
        let keys = state.form?.fields.map(\.key) ?? []
        #expect(keys.firstIndex(of: "instagram") == keys.firstIndex(of: "brand").map { $0 + 1 })
        for part in ["Siti Rahayu", "\t", "0812-0000-1234", "\t", "\t", "din", "\t", "Keramik Sekar Dinoyo", "\t", "kera", "\t"] {
            for k in part == "\t" ? [Key.tab] : self.keys(part) { _ = state.update(k) }
        }
        while state.form?.fields[state.form!.focus].key != "instagram" { _ = state.update(.tab) }
        for k in self.keys("instagram.com/Sekar.Dinoyo") { _ = state.update(k) }
        guard case .save(.addArtisan(let a, _)) = state.update(.f(2)) else { Issue.record("not saved"); return }
        #expect(a[text: .instagram] == "@sekar.dinoyo")
        // Changing it: the form shows it as stored; a bad one is named at the field.
        var edit = ArtisanForm.make(.en, editing: a)
        #expect(edit.value("instagram") == "@sekar.dinoyo")
        #expect(edit.fields.first { $0.key == "instagram" }?.hint.contains("@") == true)
        edit.fields[edit.fields.firstIndex { $0.key == "instagram" }!].set("sekar dinoyo")
        let problems = ArtisanForm.text(edit).checked().problems
        #expect(problems.map(\.field) == ["instagram"])
    }

    /// Issue 32, finding 1: F1 lists the keys that act where the form is: ↑↓ and Tab move through
    /// and take an open choice list's options (not "previous/next field"), and inside a table
    /// its keys, F2 among them; each listed key does what its line says.
    @Test func theHelpListsTheKeysThatActWhileChoosingAndInATable() throws {
        var state = makeState()
        _ = state.update(.f(7))
        while state.form?.fields[state.form!.focus].key != "kelurahan" { _ = state.update(.tab) }
        for k in keys("ma") { _ = state.update(k) }
        let choosing = state.bindings
        let up = try #require(choosing.first { $0.keys.contains { $0.key == .up } })
        #expect(up.help == .uiHelpChoiceMove)
        #expect(choosing.first { $0.keys.contains { $0.key == .tab } }?.help == .uiHelpChoiceTake)
        let options = try #require(state.form?.offered?.options)
        _ = state.update(.down)
        _ = state.update(.tab)
        #expect(state.form?.value("kelurahan") == options[1].label)

        while state.form?.fields[state.form!.focus].key != "products" { _ = state.update(.tab) }
        _ = state.update(.enter)
        #expect(state.form?.list != nil)
        let table = state.bindings
        #expect(table.contains { $0.help == .uiHelpListSave && $0.keys.contains { $0.key == .f(2) } })
        #expect(table.contains { $0.help == .uiHelpListRows && $0.keys.contains { $0.key == .down } })
        // F2 in the table: the table is done and the form is saved (checked: the name is missing).
        _ = state.update(.f(2))
        #expect(state.form?.list == nil && state.form?.fields[0].error != nil)
        let help = UIText.text(.uiHelpListSave, .en)
        #expect(!help.isEmpty)
    }

    @Test func aBadPhoneIsShownAndNothingSaved() throws {
        var state = makeState()
        _ = state.update(.f(7))
        try assertSnapshot(state.render(width: 80, height: 24), "form-new-artisan-80x24")
        for k in keys("Siti") { _ = state.update(k) }
        _ = state.update(.tab)
        for k in keys("0341 551234") { _ = state.update(k) }
        _ = state.update(.tab)
        #expect(state.form?.fields[1].error?.contains("mobile") == true)   // checked on leaving
        #expect(state.form?.fields[3].error == nil)                          // empty: only on saving
        #expect(state.update(.f(2)) == .none)
        #expect(state.form?.focus == 1)
        try assertSnapshot(state.render(width: 80, height: 24), "form-new-artisan-errors-80x24")
        // The kelurahan list as "ma" is typed: names that start with it first.
        _ = state.update(.tab); _ = state.update(.tab)
        for k in keys("ma") { _ = state.update(k) }
        try assertSnapshot(state.render(width: 80, height: 24), "form-kelurahan-choice-80x24")
    }

    @Test func escOnAChangedFormAsksFirst() {
        var state = makeState()
        _ = state.update(.char("a"))
        _ = state.update(.escape)
        #expect(state.topKind == .list)                       // nothing typed: closes at once
        _ = state.update(.char("a"))
        _ = state.update(.char("S"))
        _ = state.update(.escape)
        #expect(state.topKind == .confirm)  // "discard?" is a dialog over the form
        _ = state.update(.char("x"))      // not an answer: the question stays
        #expect(state.topKind == .confirm)
        _ = state.update(.char("n"))      // no: back to editing
        #expect(state.topKind == .form && state.form?.fields[0].value == "S")
        _ = state.update(.escape)
        _ = state.update(.char("y"))
        #expect(state.topKind == .list && state.form == nil)
    }
}

/// Changing a stored artisan: what the form does not show is kept; a stale save is refused.
@Suite struct EditFormTests {
    @Test func editKeepsWhatTheFormDoesNotShow() throws {
        var state = makeState()
        let id = try #require(state.selectedID(.artisans))
        var stored = try #require(state.data.artisans[id])
        stored.nik = "3573010101010001"
        stored.certifications = [Certification(kind: .halal, number: "ID1")]
        stored.rev += 1
        state.data.artisans.merge(stored)
        _ = state.update(.char("e"))
        #expect(state.topKind == .form && state.form?.value("name") == stored.name)
        #expect(state.form?.value("nik") == "3573**********01")
        // Go to the brand field and type a new one.
        while state.form?.fields[state.form!.focus].key != "brand" { _ = state.update(.tab) }
        _ = state.update(.ctrl("u"))
        for c in "Sekar Baru" { _ = state.update(.char(c)) }
        guard case .save(.updateArtisan(let changed, let base)) = state.update(.f(2)) else {
            Issue.record("no update"); return
        }
        #expect(base == stored.rev && changed.id == id && changed.brand == "Sekar Baru")
        #expect(changed.nik == stored.nik && changed.certifications == stored.certifications)
        #expect(changed.products == stored.products && changed.phone == stored.phone)
    }

    @Test func aSaveAfterSomeoneElseChangedTheRecordShowsTheirsAndMineFieldByField() throws {
        let dir = NSTemporaryDirectory() + "kriya-edit-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Store(path: dir)
        var siti = Artisan(id: EntityID(.artisan, 1), name: "Siti Rahayu", phone: "0812-0000-1234",
                           kelurahan: "35.73.05.1004", business: "Keramik Sekar Dinoyo", category: .keramikGerabah)
        siti.brand = "Sekar"
        try store.apply(.addArtisan(siti))
        // Open the form; we change the name and the brand. Meanwhile a colleague changes the
        // brand and the notes. Then we save.
        let toBrand: [Key] = Array(repeating: .tab, count: 11)
        let device = ScriptedDevice([.char("e"), .ctrl("e"), .char("!")] + toBrand + [.ctrl("u")] + "Sekar Baru".map { .char($0) })
        let app = ConsoleApp(store: store, device: device, lang: .en, today: today)
        let colleague = try Store(path: dir)
        var theirs = try #require(colleague.data.artisans.items.first)
        device.onRead = {
            guard device.keys.first == .f(2), theirs.brand != "Sekar Jaya" else { return }
            theirs.brand = "Sekar Jaya"
            theirs.notes = "Called on Monday"
            _ = try? colleague.apply(.updateArtisan(theirs, baseRev: theirs.rev))
        }
        var shots: [Grid] = []
        device.onDraw = { _ in
            guard shots.isEmpty, app.state.topKind == .conflict else { return }
            shots.append(snapshotScreen(app.state))
        }
        // F2: the conflict view. ← keeps their brand; F2 saves on top of their version.
        device.keys += [.f(2), .left, .f(2)]
        app.run()
        let view = try #require(shots.first)
        try assertSnapshot(view, "conflict-80x24")
        let text = view.lines.joined(separator: "\n")
        #expect(text.contains("Sekar Jaya") && text.contains("Sekar Baru") && text.contains("Notes"))
        #expect(!text.contains("Siti Rahayu!  "))                 // only we changed the name: not asked
        let saved = try #require(try Store(path: dir).data.artisans.items.first)
        #expect(saved.name == "Siti Rahayu!" && saved.brand == "Sekar Jaya" && saved.notes == "Called on Monday" && saved.rev == 3)
    }

    @Test func withoutTheStartingVersionEveryDifferenceIsAskedAndMineIsTheDefault() throws {
        var state = makeState()
        let id = try #require(state.selectedID(.artisans))
        _ = state.update(.char("e"))
        _ = state.update(.ctrl("e"))
        _ = state.update(.char("!"))
        var form = try #require(state.top as? FormScreen)
        form.editingBase = nil
        state.stack[state.stack.count - 1] = form
        var theirs = try #require(state.data.artisans[id])
        theirs.business = "Usaha Baru"
        theirs.rev += 1
        var data = state.data
        data.artisans.merge(theirs)
        state.replaceData(data)
        _ = state.deliver(.refused(.conflict(id, base: theirs.rev - 1, current: theirs.rev)))
        #expect(state.topKind == .conflict && state.conflict?.merge.conflicts.map(\.field) == ["name", "business"])
        guard case .save(.updateArtisan(let merged, let base)) = state.update(.f(2)) else {
            Issue.record("no save"); return
        }
        #expect(base == theirs.rev && merged.name.hasSuffix("!") && merged.business != "Usaha Baru")
    }
}

/// No lost work: the open form is kept as a draft after every key and comes back next time.
@Suite struct DraftTests {
    @Test func anUnsavedFormComesBackAndGoesOnceDiscarded() throws {
        let dir = NSTemporaryDirectory() + "kriya-draft-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Store(path: dir, user: "ratna")
        // Typing, then the connection drops: the device simply stops in the middle of the form.
        let device = ScriptedDevice([.char("a")] + "Budi".map { .char($0) } + [.tab] + "0813".map { .char($0) })
        let app = ConsoleApp(store: store, device: device, lang: .en, today: today)
        // Out of keys: the line goes dead (the loop stops on a key that does nothing).
        device.onRead = { if device.keys.isEmpty { app.state.quit = true; device.keys = [.resize] } }
        app.run()
        let draft = try #require(FormDraft.load(data: dir, user: "ratna")?.draft)
        #expect(draft.values["name"] == "Budi" && draft.values["phone"] == "0813" && draft.focus == 1)
        let mode = try FileManager.default.attributesOfItem(atPath: FormDraft.path(data: dir, user: "ratna"))[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // Next time: the form is back as it was left; Esc, y discards it and the draft.
        let again = ScriptedDevice([.escape, .char("y")])
        let second = ConsoleApp(store: store, device: again, lang: .en, today: today)
        #expect(second.state.topKind == .form && second.state.form?.value("name") == "Budi")
        #expect(second.state.message?.contains("unsaved form") == true)
        second.run()
        #expect(FormDraft.load(data: dir, user: "ratna") == nil)
        #expect(try Store(path: dir).data.artisans.count == 0)
    }

    /// Issue 31, finding 4: anyone in a shared folder's group can write `drafts/`. A draft under
    /// another person's name (written by someone else), a symlink to someone's file, or a second
    /// name of a file is not that person's draft: never offered back, never saved as theirs.
    @Test func aPlantedDraftIsNotOffered() throws {
        let dir = NSTemporaryDirectory() + "kriya-draft-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try Store(path: dir, user: "ratna")
        let planted = FormDraft(values: ["name": "Budi", "notes": "tanam"], editing: "A-000001", rev: 1, focus: 0, saved: "")
        planted.write(data: dir, user: "ratna")
        let file = FormDraft.path(data: dir, user: "ratna")
        let left = FormDraft.path(data: dir, user: "ratna", pid: 999_999)
        #expect(rename(file, left) == 0)
        #expect(FormDraft.load(data: dir, user: "ratna")?.draft == planted, "this user's own draft is offered")
        // Written by another account: passed over.
        #expect(chown(left, 60_042, getgid()) == 0)
        #expect(FormDraft.load(data: dir, user: "ratna") == nil)
        #expect(chown(left, geteuid(), getgid()) == 0)
        // A symlink to a file, and a hard link (a second name): passed over too.
        let elsewhere = dir + "-private.json"
        defer { unlink(elsewhere) }
        #expect(rename(left, elsewhere) == 0 && symlink(elsewhere, left) == 0)
        #expect(FormDraft.load(data: dir, user: "ratna") == nil)
        #expect(unlink(left) == 0 && link(elsewhere, left) == 0)
        #expect(FormDraft.load(data: dir, user: "ratna") == nil)
    }

    /// The same person in two consoles: one does not take over the form the other is still
    /// filling in (its draft file belongs to a running process).
    @Test func aDraftOfAConsoleStillRunningIsLeftToIt() throws {
        let dir = NSTemporaryDirectory() + "kriya-draft-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Store(path: dir, user: "ratna")
        let other = FormDraft(values: ["name": "Budi"], editing: nil, rev: nil, focus: 0, saved: "")
        other.write(data: dir, user: "ratna")
        let mine = FormDraft.path(data: dir, user: "ratna")
        let running = FormDraft.path(data: dir, user: "ratna", pid: 1)
        #expect(rename(mine, running) == 0)
        // Console 1 is alive: it holds the lock on its `.alive` file.
        let alive = open(dir + "/drafts/ratna.1.alive", O_RDWR | O_CREAT, 0o600)
        defer { close(alive) }
        #expect(flock(alive, LOCK_EX) == 0)
        #expect(FormDraft.load(data: dir, user: "ratna") == nil)
        let app = ConsoleApp(store: store, device: ScriptedDevice([.char("q")]), lang: .en, today: today)
        #expect(app.state.topKind == .list && FileManager.default.fileExists(atPath: running))
        #expect(app.state.message?.contains("another console of yours that is still open") == true)
        // It dies: the kernel drops its lock, and the draft is offered at once.
        flock(alive, LOCK_UN)
        #expect(FormDraft.load(data: dir, user: "ratna")?.draft.values["name"] == "Budi")
    }

    /// Someone in the staff group plants a symlink where this console writes its draft: the
    /// draft replaces the link, and the file it pointed at is untouched (issue 12, finding 4).
    @Test func aDraftIsNeverWrittenThroughAPlantedLink() throws {
        let dir = NSTemporaryDirectory() + "kriya-draft-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: dir + "-victim") }
        _ = try Store(path: dir, user: "ratna")
        try FileManager.default.createDirectory(atPath: dir + "/drafts", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "-victim", contents: Data("secret\n".utf8))
        let target = FormDraft.path(data: dir, user: "ratna")
        try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: dir + "-victim")
        try FileManager.default.createSymbolicLink(atPath: target + ".\(getpid()).tmp", withDestinationPath: dir + "-victim")
        FormDraft(values: ["name": "Budi"], editing: nil, rev: nil, focus: 0, saved: "").write(data: dir, user: "ratna")
        #expect(try String(contentsOfFile: dir + "-victim", encoding: .utf8) == "secret\n")
        #expect(FormDraft.load(data: dir, user: "ratna")?.draft.values["name"] == "Budi")
    }

    /// A console killed a moment ago is a zombie until its parent reaps it, and `kill(pid, 0)`
    /// still calls it alive; its lock is gone already, so its draft is offered (issue 12).
    @Test func aKilledConsoleNotYetReapedGivesItsDraftBack() throws {
        let dir = NSTemporaryDirectory() + "kriya-draft-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try Store(path: dir, user: "ratna")
        FormDraft(values: ["name": "Budi"], editing: nil, rev: nil, focus: 0, saved: "").write(data: dir, user: "ratna")
        // A child that holds the lock, as a console does, then is killed and left unreaped.
        var pid: pid_t = 0
        // The lock file is named after the child's pid, known only once it runs: the child
        // is a shell that names it, then becomes `flock` holding it.
        let script = "exec /usr/bin/flock -o -x \"\(dir)/drafts/ratna.$$.alive\" /bin/sleep 30"
        var argv: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", script].map { (s: String) in strdup(s) } + [nil]
        defer { argv.forEach { free($0) } }
        #expect(posix_spawn(&pid, "/bin/sh", nil, nil, &argv, environ) == 0)
        let lockFile = dir + "/drafts/ratna.\(pid).alive"
        // Held once flock has it: a try of our own is refused (waited for, not slept on).
        func held() -> Bool {
            let fd = open(lockFile, O_RDONLY)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            return flock(fd, LOCK_EX | LOCK_NB) != 0
        }
        for _ in 0..<250 where !held() { usleep(20_000) }
        #expect(held())
        #expect(rename(FormDraft.path(data: dir, user: "ratna"), FormDraft.path(data: dir, user: "ratna", pid: pid)) == 0)
        #expect(FormDraft.load(data: dir, user: "ratna") == nil)   // alive
        kill(pid, SIGKILL)
        // Dead and unreaped: a zombie, still "there" for kill(pid, 0).
        func zombie() -> Bool { (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.contains(") Z ") == true }
        for _ in 0..<250 where !zombie() { usleep(20_000) }
        #expect(zombie() && kill(pid, 0) == 0)
        #expect(FormDraft.load(data: dir, user: "ratna")?.draft.values["name"] == "Budi")
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}

/// Enrolling from the Bimtek pane: + opens the picker, typing narrows, Enter enrols.
@Suite struct EnrolPickerTests {
    @Test func enrolByTypingAFewLetters() throws {
        var state = makeState()
        _ = state.update(.char("2"))
        let session = try #require(state.selectedID(.sessions))
        _ = state.update(.char("+"))
        #expect(state.topKind == .picker)
        // A few letters of someone's name, as staff type at the door.
        let wanted = "siti"
        for c in wanted { _ = state.update(.char(c)) }
        let p = try #require(state.picker)
        try #require(!p.results.isEmpty, "the demo data has nobody called Siti")
        let first = try #require(state.data.artisans[p.results[0]])
        #expect(first.name.lowercased().hasPrefix(wanted))
        try assertSnapshot(state.render(width: 80, height: 24), "picker-enrol-80x24")
        guard case .save(.enrol(let s, let a, .peserta)) = state.update(.enter) else {
            Issue.record("no enrol"); return
        }
        #expect(s == session && a == first.id)
        _ = state.update(.escape)
        #expect(state.topKind == .list && state.picker == nil)
    }
}
