import Foundation
import Testing
@testable import Console
@testable import KriyaCore
import TextUI

let today = CivilDate(year: 2026, month: 11, day: 29)!

func makeState(_ lang: Lang = .en) -> ConsoleState {
    ConsoleState(data: DemoData.make(artisans: 300, today: today), lang: lang, today: today,
                 dataPath: "/srv/kriya", user: "ratna")
}

/// The 80x24 screen of a console on a real (temporary) store, as a snapshot shows it: with the
/// data folder and user of `makeState`, so the text does not change from run to run.
func snapshotScreen(_ state: ConsoleState) -> Grid {
    var fixed = state
    (fixed.dataPath, fixed.user) = ("/srv/kriya", "ratna")
    return fixed.render(width: 80, height: 24)
}

/// Compares a grid with a committed text snapshot: the characters, then the roles.
/// `KRIYA_RECORD_SNAPSHOTS=1 swift test` writes them anew (only on purpose).
func assertSnapshot(_ grid: Grid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = dir.appendingPathComponent(name + ".txt")
    let text = (grid.lines + ["---- roles ----"] + grid.roleLines).joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["KRIYA_RECORD_SNAPSHOTS"] == "1" {
        try text.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    let expected = try? String(contentsOf: file, encoding: .utf8)
    #expect(expected != nil, "no snapshot \(name).txt; record with KRIYA_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
    guard let expected, expected != text else { return }
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = text.split(separator: "\n", omittingEmptySubsequences: false)
    let firstDiff = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
    Issue.record("snapshot \(name) differs at line \((firstDiff?.offset ?? 0) + 1):\nwant: \(firstDiff?.element.0 ?? "")\ngot:  \(firstDiff?.element.1 ?? "")",
                 sourceLocation: sourceLocation)
}

@Suite struct ScreenSnapshotTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func eachPane(width: Int, height: Int) throws {
        var state = makeState()
        for pane in ConsoleState.Pane.allCases {
            state.pane = pane
            try assertSnapshot(state.render(width: width, height: height), "\(pane)-\(width)x\(height)")
        }
    }

    @Test func detailSearchAndHelpAt80x24() throws {
        var state = makeState(.id)
        for key: Key in [.char("/"), .char("d"), .char("i"), .char("n"), .char("o"), .char("y"), .char("o")] { _ = state.update(key) }
        try assertSnapshot(state.render(width: 80, height: 24), "search-id-80x24")
        _ = state.update(.enter)
        _ = state.update(.enter)
        try assertSnapshot(state.render(width: 80, height: 24), "detail-id-80x24")
        _ = state.update(.escape)
        _ = state.update(.f(1))
        try assertSnapshot(state.render(width: 80, height: 24), "help-id-80x24")
    }
}

@Suite struct ReportPaneTests {
    /// Each report opened from the reports pane (4, the report, Enter), at 80x24, in Indonesian;
    /// the coverage report also a page further down, where its bar chart is.
    @Test func eachReportAt80x24() throws {
        var state = makeState(.id)
        _ = state.update(.char("4"))
        #expect(state.pane == .reports)
        for (i, name) in ReportName.allCases.enumerated() {
            state.selected[.reports] = i
            _ = state.update(.enter)
            #expect(state.topKind == .detail && state.selectedReport == name)
            try assertSnapshot(state.render(width: 80, height: 24), "report-\(name)-80x24")
            if name == .coverage {
                _ = state.update(.pageDown)
                try assertSnapshot(state.render(width: 80, height: 24), "report-coverage-page2-80x24")
            }
            _ = state.update(.escape)
        }
    }

    @Test func newDataRebuildsTheReports() {
        var state = makeState()
        _ = state.update(.char("4"))
        _ = state.update(.enter)
        #expect(state.render(width: 100, height: 40).lines.joined().contains("300"))
        var more = state.data
        for n in 0..<5 {
            var a = more.artisans.items[n]
            a.id = EntityID(.artisan, 1000 + n)
            more.artisans.merge(a)
        }
        state.replaceData(more)
        #expect(state.render(width: 100, height: 40).lines.joined().contains("305"))
    }
}

/// A colleague's save reaches every console: the search follows a renamed artisan, and a
/// change to a field that is not searched (a note) keeps the results as they were.
@Suite struct ColleagueChangeTests {
    @Test func searchFollowsRenamesAndIgnoresNotes() {
        var state = makeState()
        let first = state.data.artisans.items[0]
        func found(_ q: String) -> [EntityID] {
            var s = state
            _ = s.update(.char("/"))
            for c in q { _ = s.update(.char(c)) }
            return (s.rows[.artisans] ?? []).map { s.data.artisans.items[$0].id }
        }
        let before = found("keramik")
        var data = state.data
        var noted = first
        noted.notes = "ditelepon 29/11"
        noted.rev += 1
        data.artisans.merge(noted)
        state.replaceData(data)
        #expect(found("keramik") == before)

        var renamed = noted
        renamed.name = "Zulaikha Prameswari"
        renamed.rev += 1
        data.artisans.merge(renamed)
        state.replaceData(data)
        #expect(found("zulaikha") == [first.id])
        #expect(found("keramik") == before)

        // Archived by a colleague: off every search (the console keeps who is archived beside
        // the index); back when taken out of the archive.
        var archived = renamed
        archived.archived = true
        archived.rev += 1
        data.artisans.merge(archived)
        state.replaceData(data)
        #expect(found("zulaikha").isEmpty && !found("").contains(first.id))
        archived.archived = false
        archived.rev += 1
        data.artisans.merge(archived)
        state.replaceData(data)
        #expect(found("zulaikha") == [first.id] && found("").contains(first.id))
    }
}

/// The detail pane's history comes from `Participation`, kept for the data shown: a
/// colleague's enrolment must show at once, as the walk of every session showed it.
@Suite struct DetailHistoryTests {
    @Test func theDetailFollowsANewEnrolment() throws {
        var state = makeState()
        let id = try #require(state.data.artisans.items.first { state.data.sessions(of: $0.id).isEmpty }).id
        let before = DetailScreen.recordLines(id, state.shared, width: 100).joined(separator: "\n")
        var data = state.data
        var session = data.sessions.items[0]
        session.participants.append(SessionParticipant(artisan: id))
        session.rev += 1
        data.sessions.merge(session)
        state.replaceData(data)
        let after = DetailScreen.recordLines(id, state.shared, width: 100).joined(separator: "\n")
        #expect(!before.contains(session.id.description) && after.contains(session.id.description))
        // A change made to the data in place (not through `replaceData`) is followed too.
        session.participants.removeLast()
        session.rev += 1
        state.shared.data.sessions.merge(session)
        #expect(!DetailScreen.recordLines(id, state.shared, width: 100).joined(separator: "\n").contains(session.id.description))
    }
}

@Suite struct ConsoleBehaviourTests {
    @Test func tooSmallShowsANoticeNotACrash() {
        let state = makeState()
        for (w, h) in [(79, 24), (80, 23), (20, 5), (1, 1), (0, 0)] {
            let grid = state.render(width: w, height: h)
            #expect(grid.width == w && grid.height == h)
            if w >= 20 { #expect(grid.lines.joined().contains("80×24")) }
        }
    }

    @Test func searchNarrowsAndEscClears() {
        var state = makeState()
        let all = state.rows[.artisans]!.count
        for c in "zyx" { _ = state.update(.char(c)) }   // not searching yet: letters are keys
        #expect(state.rows[.artisans]!.count == all && state.topKind == .list)
        _ = state.update(.char("/"))
        for c in "dinoyo" { _ = state.update(.char(c)) }
        #expect(state.topKind == .search)
        let found = state.rows[.artisans]!.count
        #expect(found > 0 && found < all)
        _ = state.update(.enter)
        #expect(state.topKind == .list && state.query[.artisans] == "dinoyo")
        _ = state.update(.escape)
        #expect(state.query[.artisans] == "" && state.rows[.artisans]!.count == all)
    }

    @Test func typingAMoreLetterNarrowsToTheSameResultAsAFreshSearch() {
        var typed = makeState()
        _ = typed.update(.char("/"))
        for c in "sri w" { _ = typed.update(.char(c)) }
        var fresh = makeState()
        fresh.query[.artisans] = "sri w"
        fresh.refilter(.artisans)
        #expect(typed.rows[.artisans] == fresh.rows[.artisans])
        #expect(!(typed.rows[.artisans] ?? []).isEmpty)
        _ = typed.update(.backspace)   // shorter: a fresh search again
        fresh.query[.artisans] = "sri "
        fresh.refilter(.artisans)
        #expect(typed.rows[.artisans] == fresh.rows[.artisans])
    }

    @Test func filtersFromTheFilterMenu() throws {
        var state = makeState()
        _ = state.update(.char("f"))
        #expect(state.topKind == .menu(.filter))
        _ = state.update(.enter)                 // Kecamatan…
        #expect(state.topKind == .menu(.kecamatan))
        for _ in 0..<5 { _ = state.update(.down) } // All, Blimbing … Lowokwaru
        _ = state.update(.enter)
        #expect(state.filter.kecamatan == "35.73.05")
        let rows = state.rows[.artisans]!
        #expect(!rows.isEmpty && rows.allSatisfy { state.data.artisans.items[$0].kecamatanCode == "35.73.05" })
        try assertSnapshot(state.render(width: 80, height: 24), "filtered-80x24")
        // Category on top of it, then clear both from the F9 menu.
        _ = state.update(.char("f"))
        _ = state.update(.down)
        _ = state.update(.enter)
        _ = state.update(.down)                  // Batik
        _ = state.update(.enter)
        #expect(state.rows[.artisans]!.allSatisfy { state.data.artisans.items[$0].category == .batik })
        // F9 opens the bar's first menu; → goes to the next (View), where the filters are;
        // Alt + a title's underlined letter opens that menu directly.
        _ = state.update(.f(9))
        #expect(state.topKind == .menu(.main) && state.menuGroup == 0)
        _ = state.update(.right)
        #expect(state.menuGroup == 1)
        try assertSnapshot(state.render(width: 80, height: 24), "menu-80x24")
        _ = state.update(.alt("h"))
        #expect(state.menuGroup == 3 && state.menu?.title == "Help")
        _ = state.update(.escape)
        _ = state.update(.alt("v"))
        #expect(state.topKind == .menu(.main) && state.menuGroup == 1)
        let clear = MenuBar.groups[1].items.firstIndex { $0.action == .clearFilters }!
        for _ in 0..<clear { _ = state.update(.down) }
        _ = state.update(.enter)
        #expect(state.filter.isEmpty && state.rows[.artisans]!.count == 300)
    }

    @Test func aLongDataPathKeepsItsEndOnTheTitleLine() {
        var state = makeState()
        state.dataPath = "/home/ratna/.local/share/kriya-demo"
        let title = state.render(width: 80, height: 24).lines[0]
        #expect(title.contains("…") && title.contains("share/kriya-demo · ratna"))
        #expect(title.hasPrefix(" Kriya · Dekranasda Kota Malang · Artisans"))
    }

    @Test func ctrlCAsksFirst() {
        var state = makeState()
        _ = state.update(.ctrl("c"))
        #expect(!state.quit && state.quitPending)
        #expect(state.render(width: 80, height: 24).lines[22].contains("Ctrl-C again"))
        _ = state.update(.down)           // any other key: stay
        #expect(!state.quit && !state.quitPending)
        _ = state.update(.ctrl("c"))
        _ = state.update(.ctrl("c"))
        #expect(state.quit)
        var searching = makeState()                          // also from the search box
        _ = searching.update(.char("/"))
        _ = searching.update(.ctrl("c"))
        _ = searching.update(.ctrl("c"))
        #expect(searching.quit)
    }

    @Test func sortingByColumns() {
        var state = makeState()
        _ = state.update(.char("s"))   // name
        _ = state.update(.char("s"))   // business
        let names = state.rows[.artisans]!.map { state.data.artisans.items[$0].business.lowercased() }
        #expect(names == names.sorted())
        _ = state.update(.char("S"))
        let reversed = state.rows[.artisans]!.map { state.data.artisans.items[$0].business.lowercased() }
        #expect(reversed == names.sorted().reversed())
        #expect(state.render(width: 80, height: 24).lines[2].contains("▼"))
    }

    @Test func everyActionIsInTheMenu() {
        let inMenu = Set(MenuBar.groups.flatMap(\.items).map { "\($0.action)" })
        let state = makeState()
        for binding in state.browse.bindings(state.shared) {
            for (_, action) in binding.keys where ![.up, .down, .pageUp, .pageDown, .first, .last, .back, .suspend, .menu, .confirmQuit,
                                                     .nextPane, .previousPane, .type].contains(action) {
                #expect(inMenu.contains("\(action)"), "\(action) has a key but no menu entry")
            }
        }
    }

    @Test func movingPagingAndSwitchingPanes() {
        var state = makeState()
        _ = state.update(.down)
        _ = state.update(.char("j"))
        #expect(state.selected[.artisans] == 2)
        // A page is the 19 rows an 80x24 screen shows of the list (not one less, not one more).
        _ = state.update(.pageDown)
        #expect(state.selected[.artisans] == 21)
        #expect(state.offset[.artisans] == 21 - 18)
        _ = state.update(.char("G"))
        #expect(state.selected[.artisans] == 299)
        #expect(state.offset[.artisans] == 300 - 19)
        _ = state.update(.char("2"))
        #expect(state.pane == .sessions)
        _ = state.update(.tab)
        #expect(state.pane == .exhibitions)
        _ = state.update(.backTab)
        _ = state.update(.backTab)
        #expect(state.pane == .artisans && state.selected[.artisans] == 299)
        _ = state.update(.char("q"))
        #expect(state.quit)
    }

    @Test func theSelectionSurvivesNewData() {
        var state = makeState()
        for _ in 0..<5 { _ = state.update(.down) }
        let id = state.selectedID(.artisans)
        var data = state.data
        var a = Artisan(id: EntityID(.artisan, 1), name: "Aaron Awal", phone: "0812-9999-0001",
                        kelurahan: Wilayah.kelurahan[0].code, business: "Usaha", category: .batik)
        a.phone = "+6281299990001"
        a.id = EntityID(.artisan, 999)
        a.rev = 1
        data.artisans.merge(a)
        state.replaceData(data)
        #expect(state.selectedID(.artisans) == id)
        #expect(state.rows[.artisans]!.count == 301)
    }

    @Test func upcomingEventsComeFirst() {
        let state = makeState()
        let sessions = state.rows[.sessions]!.map { state.data.sessions.items[$0] }
        let firstPast = sessions.firstIndex { $0.end < today } ?? sessions.count
        #expect(firstPast > 0)
        #expect(sessions[..<firstPast].allSatisfy { $0.end >= today })
        #expect(sessions[firstPast...].allSatisfy { $0.end < today })
    }

    @Test func theKeyBarAndHelpComeFromTheKeymap() {
        let state = makeState()
        let bar = state.render(width: 80, height: 24).lines[23]
        for (key, label) in (Binding.common + state.browse.bindings(state.shared)).bar(.en) { #expect(bar.contains("\(key) \(label)")) }
        for binding in state.bindings { for (key, action) in binding.keys { #expect(state.bindings.match(key)?.action == action) } }
    }
}

@Suite struct GridTests {
    @Test func wideCharactersTakeTwoCellsAndNeverHalf() {
        var g = Grid(width: 5, height: 1)
        #expect(g.put("漢字漢", x: 0, y: 0) == 5)
        #expect(g.lines[0] == "漢字 ")
        #expect(g[1, 0].text == "" && g[3, 0].text == "")
    }

    @Test func controlCharactersAreNeutralisedWhereTextEntersTheGrid() {
        var g = Grid(width: 20, height: 1)
        g.put("a\u{1B}[2Jb", x: 0, y: 0)
        #expect(g.lines[0].hasPrefix("a\\e[2Jb"))
        #expect(!g.cells.contains { $0.text.unicodeScalars.contains { $0.value == 0x1B } })
    }

    @Test func combiningMarksJoinTheirCharacter() {
        var g = Grid(width: 4, height: 1)
        g.put("e\u{301}x", x: 0, y: 0)
        #expect(g[0, 0].text == "e\u{301}" && g[1, 0].text == "x")
    }

    @Test func scrollKeepsTheSelectionVisible() {
        #expect(Scroll.offset(selected: 0, current: 0, visible: 10, count: 100) == 0)
        #expect(Scroll.offset(selected: 15, current: 0, visible: 10, count: 100) == 6)
        #expect(Scroll.offset(selected: 7, current: 6, visible: 10, count: 100) == 6)
        #expect(Scroll.offset(selected: 99, current: 0, visible: 10, count: 100) == 90)
        #expect(Scroll.offset(selected: 3, current: 50, visible: 10, count: 5) == 0)
    }
}
