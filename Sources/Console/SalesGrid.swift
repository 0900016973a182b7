import KriyaCore
import KriyaText
import TextUI

/// After a fair: what each artisan of the delegation sold, typed like a spreadsheet. Enter
/// goes down a column, Tab across; a row is saved (one command, undoable) as soon as it is
/// left with a change, so nothing typed waits for a final save.
public struct SalesGrid: Equatable, Sendable {
    public var exhibition: EntityID
    public var people: [EntityID]
    public var cells: [[TextField]]
    public var row = 0
    public var column = 0
    /// The values as stored, to know which rows changed.
    var stored: [[String]]

    static let columns = 3   // sales, transactions, leads
}

extension ConsoleState {
    mutating func openSalesGrid(_ exhibition: EntityID) {
        guard let e = data.exhibitions[exhibition] else { return }
        let people = participantRows(exhibition).filter { e.participant($0)?.curation == .accepted }
        let values = people.map { id -> [String] in
            let p = e.participant(id)
            return [p?.sales.map(Rupiah.format) ?? "", p?.transactions.map(String.init) ?? "", p?.leads.map(String.init) ?? ""]
        }
        salesGrid = SalesGrid(exhibition: exhibition, people: people,
                              cells: values.map { $0.map { TextField($0, maxLength: 20) } }, stored: values)
        mode = .salesGrid
    }

    mutating func updateSalesGrid(_ key: Key) -> Effect {
        guard var g = salesGrid else { mode = .list; return .none }
        guard !g.people.isEmpty else { salesGrid = nil; mode = .participants; return .none }
        let before = g.row
        switch key {
        case .tab:
            if g.column < SalesGrid.columns - 1 { g.column += 1 } else { g.column = 0; g.row = min(g.people.count - 1, g.row + 1) }
        case .backTab:
            if g.column > 0 { g.column -= 1 } else if g.row > 0 { g.column = SalesGrid.columns - 1; g.row -= 1 }
        case .enter, .down: g.row = min(g.people.count - 1, g.row + 1)
        case .up: g.row = max(0, g.row - 1)
        case .escape, .f(2), .ctrl("s"):
            // Leaving: the row in hand is saved first when it changed.
            salesGrid = nil
            mode = .participants
            warnIfUnreadable(g, row: g.row)
            return command(for: g, row: g.row).map { .save($0) } ?? .none
        default:
            // Typing replaces a stored value, as in a spreadsheet cell; then readline keys.
            let kind: any FieldKind = g.column == 0 ? MoneyKind() : TextKind(.digits)
            if case .char = key, g.cells[g.row][g.column].text == g.stored[g.row][g.column], !g.stored[g.row][g.column].isEmpty {
                g.cells[g.row][g.column] = TextField("", maxLength: 20)
            }
            g.cells[g.row][g.column].handle(key, accept: kind.accepts)
        }
        salesGrid = g
        guard g.row != before else { return .none }
        warnIfUnreadable(g, row: before)
        return command(for: g, row: before).map { .save($0) } ?? .none
    }

    /// A row left with an amount that does not read is not saved: say so (it stays marked).
    private mutating func warnIfUnreadable(_ g: SalesGrid, row: Int) {
        let sales = g.cells[row][0].text.trimmingSpaces
        if !sales.isEmpty, Rupiah.parse(sales) == nil {
            message = L10n.text(.uiSalesUnread, lang, data.artisans[g.people[row]]?.name ?? "", L10n.problem(.invalidMoney(sales), lang))
        }
    }

    /// The row's command when it changed and reads well; a bad amount stays on screen, marked.
    func command(for g: SalesGrid, row: Int) -> Command? {
        let texts = g.cells[row].map { $0.text.trimmingSpaces }
        guard texts != g.stored[row] else { return nil }
        let sales = texts[0].isEmpty ? nil : Rupiah.parse(texts[0])
        guard texts[0].isEmpty || sales != nil else { return nil }
        return .recordSales(exhibition: g.exhibition, artisan: g.people[row], sales: sales,
                            transactions: Int(texts[1]), leads: Int(texts[2]))
    }

    /// A row was saved: it is the stored value now.
    mutating func salesRowSaved(_ change: Change) {
        guard var g = salesGrid, let who = change.targets.dropFirst().first, let row = g.people.firstIndex(of: who),
              let p = change.exhibitions.first?.participant(who) else {
            if let who = change.targets.dropFirst().first { message = L10n.text(.uiSalesSaved, lang, data.artisans[who]?.name ?? "") }
            return
        }
        g.stored[row] = [p.sales.map(Rupiah.format) ?? "", p.transactions.map(String.init) ?? "", p.leads.map(String.init) ?? ""]
        if row != g.row { g.cells[row] = g.stored[row].map { TextField($0, maxLength: 20) } }
        salesGrid = g
        message = L10n.text(.uiSalesSaved, lang, data.artisans[who]?.name ?? "")
    }

    func renderSalesGrid(_ grid: inout Grid, _ area: Rect) {
        guard let g = salesGrid, let e = data.exhibitions[g.exhibition] else { return }
        let t = { (k: TextKey, a: [CustomStringConvertible]) in L10n.text(k, self.lang, arguments: a) }
        grid.put(" " + t(.uiSalesTitle, [TerminalSafe.text(e.name)]), x: area.x, y: area.y, role: .header, limit: area.width)
        let widths = [15, 6, 7]
        let fixed = widths.reduce(0) { $0 + $1 + 1 }
        let nameWidth = max(16, area.width - fixed - 2)
        let titles = [t(.fSales, []), "Trx", t(.uiColumnLeads, [])]
        var x = area.x + 1 + nameWidth + 1
        grid.put(DisplayWidth.pad(t(.fName, []), toCells: nameWidth), x: area.x + 1, y: area.y + 1, role: .header)
        for (i, title) in titles.enumerated() {
            grid.put(DisplayWidth.pad(title, toCells: widths[i], alignRight: true), x: x, y: area.y + 1, role: .header)
            x += widths[i] + 1
        }
        let visible = area.height - 4
        let first = g.row >= visible ? g.row - visible + 1 : 0
        for (n, id) in g.people.dropFirst(first).prefix(visible).enumerated() {
            let r = first + n, y = area.y + 2 + n
            let a = data.artisans[id]
            grid.put(DisplayWidth.truncate(TerminalSafe.text((a?.name ?? "") + " · " + (a?.business ?? "")), toCells: nameWidth),
                     x: area.x + 1, y: y, role: r == g.row ? .header : .normal)
            x = area.x + 1 + nameWidth + 1
            for c in 0..<SalesGrid.columns {
                let here = r == g.row && c == g.column
                let text = g.cells[r][c].text
                let bad = c == 0 && !text.isEmpty && Rupiah.parse(text) == nil
                grid.fill(Rect(x: x, y: y, width: widths[c], height: 1), role: here ? .selected : bad ? .error : .search)
                grid.put(DisplayWidth.pad(TerminalSafe.text(text), toCells: widths[c], alignRight: !here), x: x, y: y,
                         role: here ? .selected : bad ? .error : .search, limit: widths[c])
                x += widths[c] + 1
            }
        }
        // Totals of what is on screen (saved or about to be).
        let sales = g.cells.compactMap { Rupiah.parse($0[0].text) }.reduce(0, +)
        let trx = g.cells.compactMap { Int($0[1].text) }.reduce(0, +)
        let leads = g.cells.compactMap { Int($0[2].text) }.reduce(0, +)
        let y = area.y + 2 + min(visible, g.people.count)
        grid.put(" " + t(.uiSalesTotal, [Rupiah.format(sales), trx, leads, g.people.count]), x: area.x, y: y + 1, role: .header, limit: area.width)
        if g.people.isEmpty { grid.put("  " + t(.uiSalesNobody, []), x: area.x, y: area.y + 3, role: .muted, limit: area.width) }
    }
}
