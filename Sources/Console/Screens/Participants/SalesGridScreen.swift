import KriyaCore
import KriyaText
import TextUI

/// After a fair: what each artisan of the delegation sold, typed like a spreadsheet. Enter
/// goes down a column, Tab across; a row is saved (one command, undoable) as soon as it is
/// left with a change, so nothing typed waits for a final save.
public struct SalesGridScreen: Screen {
    public let exhibition: EntityID
    public var people: [EntityID]
    public var cells: [[TextField]]
    /// The row in hand and the first row shown.
    var list = ListState()
    public var row: Int {
        get { list.selected }
        set { list.selected = newValue }
    }
    public var column = 0
    /// The values as stored, to know which rows changed.
    var stored: [[String]]
    /// Esc was pressed with a row to save: closed once it is saved.
    var leaving = false
    /// The save the store refused last (a second Esc on it leaves without it: never a trap).
    var refused: Command?

    static let columns = 3   // sales, transactions, leads

    init(exhibition: EntityID, people rows: [EntityID], _ shared: Shared) {
        self.exhibition = exhibition
        let e = shared.data.exhibitions[exhibition]
        people = rows.filter { e?.participant($0)?.curation == .accepted }
        stored = people.map { Self.values(e?.participant($0)) }
        cells = stored.map { $0.map { TextField($0, maxLength: 20) } }
    }

    static func values(_ p: ExhibitionParticipant?) -> [String] {
        [p?.sales.map(Rupiah.format) ?? "", p?.transactions.map(String.init) ?? "", p?.leads.map(String.init) ?? ""]
    }

    public var kind: ScreenKind { .salesGrid }

    public func bindings(_ shared: Shared) -> [Binding] {
        // Enter goes along the row, as Tab: an amount typed and Enter never lands in the
        // transactions of the row below.
        [Binding([.enter, .tab], .nextField, help: .uiHelpGridNext, bar: .uiKeyNext, barKeys: "Enter"),
         Binding([.down], .down, help: .uiHelpGridDown, bar: .uiKeyDown, barKeys: "↓"),
         Binding([.up], .up, help: .uiHelpGridUp),
         Binding([(.pageUp, .pageUp), (.pageDown, .pageDown)], help: .uiHelpPage),
         Binding([.backTab], .previousField, help: .uiHelpGridPrevious),
         Binding([.escape, .f(2), .ctrl("s")], .back, help: .uiHelpGridBack, bar: .uiKeySaveBack, barKeys: "Esc")]
            .typing(into: .uiHelpTypeCell)
    }

    /// The rows of people the grid shows (its title, headings and totals take four).
    func visible(_ layout: Layout) -> Int { max(1, layout.body.height - 4) }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        guard !people.isEmpty else { return .pop(.closed) }
        let before = row
        switch action {
        case .nextField:
            if column < Self.columns - 1 { column += 1 } else { column = 0; row = min(people.count - 1, row + 1) }
        case .previousField:
            if column > 0 { column -= 1 } else if row > 0 { column = Self.columns - 1; row -= 1 }
        case .down, .up, .pageUp, .pageDown:
            list.move(BrowseScreen.move(action), count: people.count, visible: visible(shared.layout))
        case .back:
            // Leaving: the row in hand is saved first when it changed.
            warnIfUnreadable(before, &shared)
            guard let command = command(row: before), command != refused else { return .pop(.closed) }
            leaving = true
            return SalesRules.needsConfirmation(command) ? FormScreen.askLargeSales(command, &shared) : .run(.save(command))
        default: break
        }
        list.clamp(count: people.count, visible: visible(shared.layout))
        guard row != before else { return .stay }
        warnIfUnreadable(before, &shared)
        guard let command = command(row: before) else { return .stay }
        return SalesRules.needsConfirmation(command) ? FormScreen.askLargeSales(command, &shared) : .run(.save(command))
    }

    /// Typing replaces a stored value, as in a spreadsheet cell; then the readline keys.
    public mutating func type(_ key: Key, _ shared: inout Shared) -> Step {
        guard !people.isEmpty else { return .ignored }
        let kind: any FieldKind = column == 0 ? MoneyKind() : TextKind(.digits)
        if case .char = key, cells[row][column].text == stored[row][column], !stored[row][column].isEmpty {
            cells[row][column] = TextField("", maxLength: 20)
        }
        return cells[row][column].handle(key, accept: kind.accepts) ? .stay : .ignored
    }

    /// A row left with an amount that does not read is not saved: say so (it stays marked).
    private func warnIfUnreadable(_ row: Int, _ shared: inout Shared) {
        let sales = cells[row][0].text.trimmingSpaces
        if !sales.isEmpty, Rupiah.parse(sales) == nil {
            shared.message = shared.t(.uiSalesUnread, shared.data.artisans[people[row]]?.name ?? "", L10n.problem(.invalidMoney(sales), shared.lang))
        }
    }

    /// The row's command when it changed and reads well; a bad amount stays on screen, marked.
    func command(row: Int) -> Command? {
        let texts = cells[row].map { $0.text.trimmingSpaces }
        guard texts != stored[row] else { return nil }
        let sales = texts[0].isEmpty ? nil : Rupiah.parse(texts[0])
        guard texts[0].isEmpty || sales != nil else { return nil }
        return .recordSales(exhibition: exhibition, artisan: people[row], sales: sales, transactions: Int(texts[1]), leads: Int(texts[2]))
    }

    /// A row was saved: it is the stored value now.
    /// A large figure asked about: "no" keeps the grid open to fix it.
    public mutating func resume(_ outcome: Outcome, _ shared: inout Shared) -> Step {
        if case .answered(.save, yes: false) = outcome { leaving = false; return .stay }
        return shared.answer(outcome)
    }

    public mutating func receive(_ msg: Msg, _ shared: inout Shared) -> Step {
        guard case .saved(let change) = msg, let who = change.targets.dropFirst().first else {
            // Refused (a bad amount, a fair not yet begun): said, and the row stays to be fixed;
            // Esc again leaves without it.
            leaving = false
            refused = command(row: row)
            return shared.report(msg)
        }
        shared.message = shared.t(.uiSalesSaved, shared.data.artisans[who]?.name ?? "")
        if let at = people.firstIndex(of: who), let p = change.exhibitions.first?.participant(who) {
            stored[at] = Self.values(p)
            if at != row { cells[at] = stored[at].map { TextField($0, maxLength: 20) } }
        }
        return leaving ? .pop(.closed) : .stay
    }

    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        guard let e = shared.data.exhibitions[exhibition] else { return }
        grid.put(" " + shared.t(.uiSalesTitle, TerminalSafe.text(e.name)), x: area.x, y: area.y, role: .header, limit: area.width)
        let widths = [15, 6, 7]
        let fixed = widths.reduce(0) { $0 + $1 + 1 }
        let nameWidth = max(16, area.width - fixed - 2)
        let titles = [shared.t(.fSales), "Trx", shared.t(.uiColumnLeads)]
        var x = area.x + 1 + nameWidth + 1
        grid.put(DisplayWidth.pad(shared.t(.fName), toCells: nameWidth), x: area.x + 1, y: area.y + 1, role: .header)
        for (i, title) in titles.enumerated() {
            grid.put(DisplayWidth.pad(title, toCells: widths[i], alignRight: true), x: x, y: area.y + 1, role: .header)
            x += widths[i] + 1
        }
        let visible = self.visible(shared.layout)
        let first = list.firstShown(count: people.count, visible: visible)
        for (n, id) in people.dropFirst(first).prefix(visible).enumerated() {
            let r = first + n, y = area.y + 2 + n
            let a = shared.data.artisans[id]
            grid.put(DisplayWidth.truncate(TerminalSafe.text((a?.name ?? "") + " · " + (a?.business ?? "")), toCells: nameWidth),
                     x: area.x + 1, y: y, role: r == row ? .header : .normal)
            x = area.x + 1 + nameWidth + 1
            for c in 0..<Self.columns {
                let here = r == row && c == column
                let text = cells[r][c].text
                let bad = c == 0 && !text.isEmpty && Rupiah.parse(text) == nil
                grid.fill(Rect(x: x, y: y, width: widths[c], height: 1), role: here ? .selected : bad ? .error : .search)
                grid.put(DisplayWidth.pad(TerminalSafe.text(text), toCells: widths[c], alignRight: !here), x: x, y: y,
                         role: here ? .selected : bad ? .error : .search, limit: widths[c])
                x += widths[c] + 1
            }
        }
        // Totals of what is on screen (saved or about to be).
        let sales = cells.compactMap { Rupiah.parse($0[0].text) }.clampedSum()
        let trx = cells.compactMap { Int($0[1].text) }.clampedSum()
        let leads = cells.compactMap { Int($0[2].text) }.clampedSum()
        let y = area.y + 2 + min(visible, people.count)
        grid.put(" " + shared.t(.uiSalesTotal, Rupiah.format(sales), trx, leads, people.count), x: area.x, y: y + 1, role: .header, limit: area.width)
        if people.isEmpty { grid.put("  " + shared.t(.uiSalesNobody), x: area.x, y: area.y + 3, role: .muted, limit: area.width) }
    }

    /// Data changed elsewhere: nothing to redo. Holds participants by id; each row is saved against the store, which refuses one no longer in the delegation.
    public mutating func dataChanged(_ shared: Shared) {}
}
