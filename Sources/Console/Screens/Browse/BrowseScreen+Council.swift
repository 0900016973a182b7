import KriyaCore
import KriyaText
import TextUI

/// One row of the Organisation pane: a seat on the board of the term shown, or a partner.
/// Stored in the pane's rows as one Int (seats as their position in the members table,
/// partners below zero), like the other panes' positions.
struct CouncilRow: Equatable {
    enum Kind: Equatable { case member(Int), partner(Int) }
    let kind: Kind

    init(_ position: Int) { kind = position >= 0 ? .member(position) : .partner(-position - 1) }
    static func member(_ i: Int) -> Int { i }
    static func partner(_ i: Int) -> Int { -i - 1 }

    func id(_ data: Dataset) -> EntityID? {
        switch kind {
        case .member(let i): return data.members.items[safe: i]?.id
        case .partner(let i): return data.partners.items[safe: i]?.id
        }
    }
}

/// The Organisation pane: the board of one term (the current one unless another is chosen
/// with `f`), in board order, then the partners by name; `/` searches both.
extension BrowseScreen {
    /// The term the pane shows: the one chosen, else the current one, else the latest.
    func shownTerm(_ shared: Shared) -> Term? {
        let data = shared.data
        if let term, let t = data.terms[term] { return t }
        return data.currentTerm(on: shared.today) ?? data.terms.items.max { $0.start < $1.start }
    }

    func councilRows(_ query: String, _ shared: Shared) -> [Int] {
        let data = shared.data
        let words = Self.words(query)
        var out: [Int] = []
        if let term = shownTerm(shared) {
            let positions = Dictionary(uniqueKeysWithValues: data.members.items.enumerated().map { ($1.id, $0) })
            for m in data.board(of: term.id) where Self.matches(words, [m.name, m.position, m.field ?? "", m.phoneShown ?? ""]) {
                if let i = positions[m.id] { out.append(CouncilRow.member(i)) }
            }
        }
        let partners = data.partners.items.indices.sorted { data.partners.items[$0].name.lowercased() < data.partners.items[$1].name.lowercased() }
        for i in partners {
            let p = data.partners.items[i]
            let words2 = [p.name, L10n.value(p.kind, shared.lang), p.contact ?? "", p.people.joined(separator: " ")]
            if Self.matches(words, words2) { out.append(CouncilRow.partner(i)) }
        }
        return out
    }

    func councilCells(_ row: CouncilRow, _ shared: Shared) -> [String] {
        let data = shared.data
        switch row.kind {
        case .member(let i):
            guard let m = data.members.items[safe: i] else { return ["", "", "", "", ""] }
            // Someone who left is still listed (the SK names them), marked.
            let term = data.terms[m.term]
            let left = term.map { !m.serves(on: min(max(shared.today, $0.start), $0.end), in: $0) } ?? false
            let name = m.name + (left ? " (" + (m.until.map { shared.t(.cLeftOn, $0.short(shared.lang)) } ?? "–") + ")" : "")
            return [m.position, name, m.field ?? "", m.phoneShown ?? "", String(data.sessionsTaught(by: m.id).count)]
        case .partner(let i):
            guard let p = data.partners.items[safe: i] else { return ["", "", "", "", ""] }
            return [L10n.value(p.kind, shared.lang), p.name, p.contact ?? "", p.phoneShown ?? "",
                    String(data.sessions(withPartner: p.id).count)]
        }
    }

    /// "Periode: 2023–2028 (periode berjalan)": which board the pane shows.
    func councilSummary(_ shared: Shared) -> String {
        guard let t = shownTerm(shared) else { return "" }
        let current = shared.data.currentTerm(on: shared.today)?.id == t.id
        return shared.t(.uiTermShown, TerminalSafe.text(t.name), current ? shared.t(.uiTermCurrentMark) : "")
    }

    /// The terms in the `f` menu, newest first.
    func termsForMenu(_ shared: Shared) -> [Term] { shared.data.terms.items.sorted { $0.start > $1.start } }

    /// `n` on the Organisation pane: which kind of record.
    static let newCouncilChoices: [UIKey] = [.uiNewMember, .uiNewPartner, .uiNewTerm]
}

extension EntityID.Kind {
    /// Sessions and exhibitions: the records with participants.
    var isEvent: Bool { self == .session || self == .exhibition }
    /// What `d` may remove from the lists (an artisan is archived when anything refers to them).
    var isRemovable: Bool { self == .artisan || self == .member || self == .partner || self == .term }
}
