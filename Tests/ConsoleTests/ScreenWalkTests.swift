import Testing
@testable import Console
@testable import KriyaCore
import TextUI

/// Walks every screen of the console and every key it lists: each binding has help in both
/// languages, each of its keys reaches it (no other binding takes the key first), each does
/// something (the screen, the stack or the effect changes, at once or after one other key of
/// the screen), and F1 opens the help everywhere.
@Suite struct ScreenWalkTests {
    /// Every screen, reached as a user reaches it, with a name for the messages.
    /// `start`: the console to walk (the demo in English unless given).
    static func screens(_ start: ConsoleState = makeState()) throws -> [(name: String, state: ConsoleState)] {
        var out: [(String, ConsoleState)] = []
        func at(_ name: String, _ keys: [Key], from first: ConsoleState? = nil, then: (inout ConsoleState) throws -> Void = { _ in }) throws {
            var state = first ?? start
            for k in keys { _ = state.update(k) }
            try then(&state)
            out.append((name, state))
        }
        let base = start
        // A two-day session with people, and a fair with an accepted delegation.
        let session = try #require(base.data.sessions.items.first { $0.days.count > 1 && $0.participants.count > 3 })
        let fair = try #require(base.data.exhibitions.items.first { e in e.participants.filter { $0.curation == .accepted }.count > 1 })
        var onSession = base
        _ = onSession.update(.char("2"))
        onSession.selected[.sessions] = try #require(onSession.rows[.sessions]?.firstIndex { onSession.data.sessions.items[$0].id == session.id })
        var onFair = base
        _ = onFair.update(.char("3"))
        onFair.selected[.exhibitions] = try #require(onFair.rows[.exhibitions]?.firstIndex { onFair.data.exhibitions.items[$0].id == fair.id })

        try at("artisans", [])
        try at("sessions", [], from: onSession)
        try at("exhibitions", [], from: onFair)
        try at("reports", [.char("4")])
        try at("search", [.char("/"), .char("s")])
        try at("detail", [.enter])
        try at("report detail", [.char("4"), .enter])
        try at("help", [.f(1)])
        try at("bar menu", [.f(9)])
        try at("filter menu", [.char("f")])
        try at("kecamatan menu", [.char("f"), .enter])
        try at("form", [.char("a")])
        try at("form list", [.char("a")]) { state in
            while state.form?.fields[state.form!.focus].key != "products" { _ = state.update(.tab) }
            _ = state.update(.enter)
        }
        try at("discard dialog", [.char("a"), .char("S"), .escape])
        try at("delete dialog", [.char("d")])
        try at("conflict", [.char("e"), .ctrl("e"), .char("!")]) { state in
            let id = try #require(state.selectedID(.artisans))
            var theirs = try #require(state.data.artisans[id])
            (theirs.name, theirs.business, theirs.rev) = (theirs.name + "?", "Usaha Baru", theirs.rev + 1)
            var data = state.data
            data.artisans.merge(theirs)
            state.replaceData(data)
            _ = state.deliver(.refused(.conflict(id, base: theirs.rev - 1, current: theirs.rev)))
        }
        try at("history", []) { state in
            _ = state.deliver(.history([AuditEntry(when: "29/11/2026 10:00", user: "ratna", command: "add-artisan",
                                                   targets: [state.selectedID(.artisans)!], detail: nil, changes: [])], of: state.selectedID(.artisans)!))
        }
        try at("picker", [.char("+")], from: onSession)
        try at("participants", [.char("p")], from: onSession)
        try at("delegation", [.char("p")], from: onFair)
        try at("booth prompt", [.char("p"), .char("b")], from: onFair)
        try at("sales grid", [.char("p"), .char("t")], from: onFair)
        try at("check-in", [.char("c")], from: onSession)
        try at("check-in typing", [.char("c"), .char("a")], from: onSession)
        try at("month view", [.char("m")])
        try at("code", [.char("Q")])
        try at("today", [.char("t")])
        try at("trainer picker", [.char("a")], from: onSession) { state in
            while state.form?.fields[state.form!.focus].key != "trainers" { _ = state.update(.tab) }
            _ = state.update(.f(5))
        }
        try at("import path", [.char("I"), .char("x")])
        try at("import preview", [.char("I"), .char("x"), .enter]) { state in
            _ = state.deliver(.importPreview(ImportPreview(file: "x", lines: ["Read x.csv", "", "Would add 1."], ready: 1, existing: 1, updates: false)))
        }
        return out
    }

    /// What a key leaves behind: the screen drawn, the stack, whether it quit, the effect.
    static func look(_ state: ConsoleState, _ effect: Effect?) -> String {
        let grid = state.render(width: 80, height: 24)
        return (grid.lines + grid.roleLines).joined(separator: "\n") + "|\(state.stack.count)|\(state.quit)|\(String(describing: effect))"
    }

    /// Every kind of screen there is: the switch does not compile when a kind is added until
    /// it is named here, and the walk must then reach it.
    static func named(_ kind: ScreenKind) -> String {
        switch kind {
        case .list: "list"
        case .search: "search"
        case .detail: "detail"
        case .help: "help"
        case .menu: "menu"
        case .importPath: "importPath"
        case .importPreview: "importPreview"
        case .form: "form"
        case .picker: "picker"
        case .confirm: "confirm"
        case .prompt: "prompt"
        case .code: "code"
        case .conflict: "conflict"
        case .history: "history"
        case .participants: "participants"
        case .checkIn: "checkIn"
        case .schedule: "schedule"
        case .salesGrid: "salesGrid"
        case .trainerPicker: "trainerPicker"
        case .today: "today"
        }
    }
    static let everyKind: [ScreenKind] = [.list, .search, .detail, .help, .menu(.main), .importPath, .importPreview, .form, .picker,
                                          .confirm, .prompt, .code, .conflict, .history, .participants, .checkIn, .schedule,
                                          .salesGrid, .trainerPicker, .today]

    @Test func everyScreenIsReachedOnTheStack() throws {
        let kinds = Set(try Self.screens().map { Self.named($0.state.topKind) })
        #expect(Set(Self.everyKind.map(Self.named)).count == Self.everyKind.count)
        for kind in Self.everyKind.map(Self.named) {
            #expect(kinds.contains(kind), "no screen \(kind) in the walk")
        }
    }

    @Test func everyBindingIsShownReachableAndDoesSomething() throws {
        for (name, state) in try Self.screens() {
            let bindings = state.bindings
            let others = bindings.filter(\.enabled).compactMap { $0.keys.first?.key }
            // The states one key away, where a key that does nothing at first may act (↑ after ↓).
            let probes = ([state] + others.map { key -> ConsoleState in var s = state; _ = s.update(key); return s }).map { ($0, Self.look($0, nil)) }
            for b in bindings {
                for lang in Lang.allCases {
                    #expect(UIText.table(lang)[b.help] != nil, "\(name): \(b.keyLabels) has no help in \(lang)")
                }
                // Typed characters: one of a few acts (a letter that begins no option may not).
                if b.anyCharacter != nil || b.anyKey != nil {
                    let tries: [Key] = b.anyCharacter != nil ? ["a", "s", "1", "0", " "].map { Key.char($0) } : [.f(12), .char("x"), .ctrl("g")]
                    let acts = tries.filter { bindings.match($0)?.binding.help == b.help }.contains { key in
                        probes.contains { before, seen in
                            var after = before
                            let effect = after.update(key)
                            return Self.look(after, effect) != seen
                        }
                    }
                    #expect(acts, "\(name): \(b.keyText(.en)) does nothing")
                }
                for (key, action) in b.keys {
                    #expect(bindings.match(key)?.action == action, "\(name): \(key.label) is taken by another binding")
                    guard b.enabled else { continue }
                    let acts = probes.contains { before, seen in
                        var after = before
                        let effect = after.update(key)
                        return Self.look(after, effect) != seen
                    }
                    #expect(acts, "\(name): \(key.label) (\(action)) does nothing")
                }
            }
        }
    }

    @Test func f1OpensTheHelpOfEveryScreenListingItsKeys() throws {
        for (name, state) in try Self.screens() where state.topKind != .help {
            var s = state
            _ = s.update(.f(1))
            #expect(s.topKind == .help, "\(name): F1")
            let help = s.render(width: 120, height: 60).lines.joined(separator: "\n")
            for b in state.bindings { #expect(help.contains(b.keyText(.en)), "\(name): \(b.keyText(.en)) not in its help") }
            _ = s.update(.escape)
            #expect(s.topKind == state.topKind, "\(name): Esc closes the help")
        }
    }

    @Test func everyMenuItemIsAKeyOfTheLists() {
        let state = makeState()
        let actions = Set((state.browse.bindings(state.shared) + Binding.common).flatMap(\.keys).map { "\($0.action)" })
        for item in MenuBar.groups.flatMap(\.items) { #expect(actions.contains("\(item.action)"), "\(item.action) is in a menu but has no key") }
    }
}

/// Every item of the menu bar does what its key does, the shell's own ones (help, redraw,
/// quit) included; one the lists cannot do now says so.
@Suite struct MenuBarTests {
    @Test func everyItemDoesWhatItsKeyDoes() throws {
        for (g, group) in MenuBar.groups.enumerated() {
            for (i, item) in group.items.enumerated() {
                let start = makeState()
                let binding = try #require(start.bindings.first { $0.keys.contains { $0.action == item.action } })
                let key = try #require(binding.keys.first { $0.action == item.action }).key
                var direct = start
                let keyEffect = direct.update(key)
                var viaMenu = start
                _ = viaMenu.update(.f(9))
                for _ in 0..<g { _ = viaMenu.update(.right) }
                for _ in 0..<i { _ = viaMenu.update(.down) }
                let menuEffect = viaMenu.update(.enter)
                if binding.enabled {
                    #expect(ScreenWalkTests.look(direct, keyEffect) == ScreenWalkTests.look(viaMenu, menuEffect),
                            "menu \(g) item \(i) (\(item.action)) differs from its key \(key.label)")
                } else {
                    #expect(viaMenu.topKind == .menu(.main) && viaMenu.message?.contains("cannot be done here") == true, "\(item.action)")
                }
            }
        }
    }
}

/// Issue 14, finding 12: no label is cut. The help lists a key's text beside a 21-column key
/// column, so at 80 columns each text has 59 cells, in both languages.
@Suite struct HelpTextWidthTests {
    @Test func everyKeysHelpFitsBesideItsKeysAt80Columns() {
        for key in UIKey.allCases where key.rawValue.hasPrefix("uiHelp") && ![.uiHelpTitle, .uiHelpClose, .uiHelpMore].contains(key) {
            for lang in Lang.allCases {
                let text = UIText.text(key, lang)
                #expect(text.count <= 59, "\(lang) \(key): \(text.count) characters: \(text)")
            }
        }
    }

    /// Issue 30, finding 9: in both languages at 80×24, with long real-looking names, no screen
    /// reached from the walk (and no dialog) loses meaning: the title keeps its words (only the
    /// data folder's path may start with "…/"), a message shows whole (on two rows if it must),
    /// a dialog shows every word of its text, and no amount of money is cut.
    @Test func nothingIsCutMidWordAt80Columns() throws {
        for lang in Lang.allCases {
            var data = DemoData.make(artisans: 300, today: today)
            // The longest names a Malang registry holds, on the records the walk opens first.
            for a in data.artisans.items.prefix(40) {
                var long = a
                (long.name, long.business) = ("Hj. Sri Wahyuningsih Kusumawardhani", "Sanggar Batik Tulis Celaket Permata Rampalcelaket")
                long.rev += 1   // a table takes a newer revision only
                data.artisans.merge(long)
            }
            for s in data.sessions.items {
                var long = s
                long.title = "Bimtek Pewarnaan Alam Batik Tulis bagi Sanggar Rampalcelaket " + s.id.description
                long.rev += 1
                data.sessions.merge(long)
            }
            #expect(data.artisans.items.first?.name == "Hj. Sri Wahyuningsih Kusumawardhani", "the long names are in")
            let start = ConsoleState(data: data, lang: lang, today: today, dataPath: "/srv/kriya", user: "ratna")
            for (name, state) in try ScreenWalkTests.screens(start) {
                // What a key there says, too (Enter, F3, F7: the door's refusals are the longest).
                var states = [state]
                for key in [Key.enter, .f(3), .f(7), .f(6)] { var s = state; _ = s.update(key); states.append(s) }
                for s in states {
                    let grid = s.render(width: 80, height: 24)
                    let lines = grid.lines
                    let title = lines[0]
                    #expect(!title.replacingAll("…/", with: "").contains("…"), "\(lang) \(name): the title is cut: \(title)")
                    // A screen with a status line of its own (a prompt, a counter) shows that instead.
                    var scratch = Grid(width: 80, height: 24), own = false
                    for screen in ([s.browse as any Screen] + s.stack).reversed() {
                        if screen.renderStatus(s.shared, into: &scratch, row: 22) { own = true; break }
                        if !screen.passesStatusThrough { break }
                    }
                    if let message = s.shared.message, s.shared.busy == nil, !own {
                        let words = message.split(separator: " ").map(String.init)
                        let bottom = lines[max(0, lines.count - 4)..<(lines.count - 1)].joined(separator: " ")
                        let missing = words.filter { !bottom.contains($0) }
                        #expect(missing.isEmpty, "\(lang) \(name): the message lost \(missing): \(message)\n\(bottom)")
                    }
                    if let confirm = s.top as? ConfirmScreen {
                        let shown = lines.joined(separator: " ")
                        let words: [String] = confirm.dialog.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { String($0) }
                        let missing = words.filter { !shown.contains($0) }
                        #expect(missing.isEmpty, "\(lang) \(name): the dialog lost \(missing)")
                    }
                    #expect(!lines.contains(where: Self.cutsAnAmount), "\(lang) \(name): an amount is cut: \(lines.filter(Self.cutsAnAmount))")
                }
            }
        }
    }

    /// "Rp4.750." and the like: Rupiah followed by digits and then "…".
    static func cutsAnAmount(_ line: String) -> Bool {
        var rest = Substring(line)
        while let at = rest.range(of: "Rp") {
            let after = rest[at.upperBound...].drop { $0.isNumber || $0 == "." || $0 == "," }
            if after.first == "…" { return true }
            rest = rest[at.upperBound...]
        }
        return false
    }
}
