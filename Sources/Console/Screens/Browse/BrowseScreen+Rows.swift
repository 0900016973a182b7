import KriyaCore
import KriyaText
import TextUI

/// What each pane lists: the search, the filters and the order.
extension BrowseScreen {
    /// Recomputes a pane's rows from its query. When the query only grew (one more letter
    /// typed), the artisans are searched within the previous result, which is much faster.
    mutating func refilter(_ pane: Pane, _ shared: Shared, previousQuery: String? = nil) {
        let q = searchBox[pane]?.text ?? ""
        let data = shared.data
        switch pane {
        case .artisans:
            let items = data.artisans.items
            // Narrowing pays only on a small previous result: one scan of the whole folded
            // text is faster than looking into most of the records one by one.
            if let previous = previousQuery, !previous.isEmpty, q.hasPrefix(previous), let earlier = rows[pane],
               earlier.count < items.count / 8 {
                rows[pane] = shared.index.search(q, within: earlier)
            } else {
                rows[pane] = shared.index.search(q).filter { !shared.isArchived($0) }
            }
            if !filter.isEmpty { rows[pane] = rows[pane]?.filter { filter.matches(items[$0]) } }
            if let column = sortColumn {
                let keys = rows[pane]!.map { (position: $0, key: Fold.string(Self.sortKey(items[$0], column))) }
                rows[pane] = keys.sorted { sortDescending ? $0.key > $1.key : $0.key < $1.key }.map(\.position)
            }
        case .sessions:
            let items = data.sessions.items
            let words = Self.words(q)
            // Upcoming first (soonest first), then past ones, latest first.
            rows[pane] = items.indices.filter { sessionStatus == nil || items[$0].status(on: shared.today) == sessionStatus }
                .filter { sessionKind == nil || items[$0].kind == sessionKind }
                .filter { Self.matches(words, [items[$0].title, items[$0].venue, items[$0].topic ?? "", L10n.value(items[$0].kind, shared.lang)]
                                               + data.partnerNames(of: items[$0]) + data.trainerNames(of: items[$0])) }
                .sorted { a, b in Self.eventOrder(items[a].start, items[a].end, items[b].start, items[b].end, shared.today) }
        case .exhibitions:
            let items = data.exhibitions.items
            let words = Self.words(q)
            rows[pane] = items.indices.filter { exhibitionStatus == nil || items[$0].status(on: shared.today) == exhibitionStatus }
                .filter { Self.matches(words, [items[$0].name, items[$0].city ?? "", items[$0].venue ?? ""]) }
                .sorted { a, b in Self.eventOrder(items[a].start, items[a].end, items[b].start, items[b].end, shared.today) }
        case .reports:
            let words = Self.words(q)
            rows[pane] = ReportName.allCases.indices.filter { Self.matches(words, [Self.reportTitle(ReportName.allCases[$0], shared.lang)]) }
        case .organisation:
            rows[pane] = councilRows(q, shared)
        }
        lists[pane, default: ListState()].clamp(count: rows[pane]?.count ?? 0, visible: listRows(shared.layout))
    }

    /// Rows the list shows at a layout (the body less the column titles): what paging moves by.
    func listRows(_ layout: Layout) -> Int { Self.listRows(layout) }
    static func listRows(_ layout: Layout) -> Int { max(1, layout.body.height - 1) }

    /// The artisans columns, in order: name, business, category, kelurahan, phone.
    static let artisanColumnCount = 5

    static func sortKey(_ a: Artisan, _ column: Int) -> String {
        switch column {
        case 1: return a.business
        case 2: return a.category.label(.id)
        case 3: return Wilayah.kelurahan(code: a.kelurahan)?.name ?? a.kelurahan
        case 4: return a.phone
        default: return a.name
        }
    }

    /// The folded words of a query.
    static func words(_ query: String) -> [String] {
        query.split(separator: " ").map { Fold.string(String($0)) }
    }

    /// Every word appears in one of the fields (case and accents ignored).
    static func matches(_ words: [String], _ fields: [String]) -> Bool {
        guard !words.isEmpty else { return true }
        let text = fields.map(Fold.string).joined(separator: "\u{1}")
        return words.allSatisfy { text.contains($0) }
    }

    static func eventOrder(_ s1: CivilDate, _ e1: CivilDate, _ s2: CivilDate, _ e2: CivilDate, _ today: CivilDate) -> Bool {
        let up1 = e1 >= today, up2 = e2 >= today
        if up1 != up2 { return up1 }
        return up1 ? s1 < s2 : s1 > s2
    }

    func recordID(_ pane: Pane, _ position: Int, _ shared: Shared) -> EntityID? {
        switch pane {
        case .artisans: return shared.data.artisans.items[safe: position]?.id
        case .sessions: return shared.data.sessions.items[safe: position]?.id
        case .exhibitions: return shared.data.exhibitions.items[safe: position]?.id
        case .reports: return nil
        case .organisation: return CouncilRow(position).id(shared.data)
        }
    }

    public func selectedID(_ pane: Pane, _ shared: Shared) -> EntityID? {
        guard let rows = rows[pane] else { return nil }
        let sel = lists[pane]?.selected ?? 0
        guard sel < rows.count else { return nil }
        return recordID(pane, rows[sel], shared)
    }

    /// The report under the selection.
    public func selectedReport(_ shared: Shared) -> ReportName? {
        guard pane == .reports, let rows = rows[.reports] else { return nil }
        let sel = lists[.reports]?.selected ?? 0
        return sel < rows.count ? ReportName.allCases[rows[sel]] : nil
    }

    static func reportTitle(_ name: ReportName, _ lang: Lang) -> String {
        switch name {
        case .coverage: return L10n.text(.rCoverageTitle, lang)
        case .training: return L10n.text(.rTrainingTitle, lang)
        case .certification: return L10n.text(.rCertificationTitle, lang)
        case .exhibitions: return L10n.text(.rExhibitionsTitle, lang)
        case .partners: return L10n.text(.rPartnersTitle, lang)
        case .board: return L10n.text(.rBoardTitle, lang)
        }
    }

    func paneName(_ p: Pane, _ shared: Shared) -> String {
        switch p {
        case .artisans: return shared.t(.uiPaneArtisans)
        case .sessions: return shared.t(.uiPaneSessions)
        case .exhibitions: return shared.t(.uiPaneExhibitions)
        case .reports: return shared.t(.uiPaneReports)
        case .organisation: return shared.t(.uiPaneOrganisation)
        }
    }

    /// A filter menu's choice.
    mutating func chose(_ purpose: MenuPurpose, _ index: Int, _ shared: inout Shared) -> Step {
        switch purpose {
        case .main, .attendanceDay, .attendanceMark, .printFor:
            return .stay
        case .boardTerm(let offered):
            // The term shown in the menu, if it is still there.
            guard let chosen = offered[safe: index], shared.data.terms[chosen] != nil else {
                if let id = offered[safe: index] { return RecordActions.gone(id, &shared) }
                return .stay
            }
            term = chosen
            pane = .organisation
            lists[.organisation] = ListState()
            refilter(.organisation, shared)
            return .stay
        case .newCouncil:
            return .push(FormScreen.newCouncil(index, term: shownTerm(shared), shared))
        case .enrolIn, .mergeInto:
            return RecordActions.chose(purpose, index, &shared)
        case .filter:
            if let next = MenuScreen.filterMenu[safe: index] ?? nil { return .push(MenuScreen(next, self, shared)) }
            return perform(.clearFilters, key: .enter, &shared)
        case .kecamatan: filter.kecamatan = index == 0 ? nil : Wilayah.kecamatan[index - 1].code
        case .category: filter.category = index == 0 ? nil : CraftCategory.allCases[index - 1]
        case .certification: filter.certification = index == 0 ? nil : CertificationKind.allCases[index - 1]
        case .sessionStatus, .exhibitionStatus:
            // The event panes keep their own status filter.
            let target: Pane = purpose == .sessionStatus ? .sessions : .exhibitions
            // The session menu lists the statuses, then the kinds (training, outreach).
            let statuses = SessionStatus.allCases.count
            if purpose == .sessionStatus && index > statuses { sessionKind = SessionKind.allCases[safe: index - statuses - 1] }
            else if purpose == .sessionStatus {
                sessionStatus = index == 0 ? nil : SessionStatus.allCases[index - 1]
                if index == 0 { sessionKind = nil }
            }
            else { exhibitionStatus = index == 0 ? nil : ExhibitionStatus.allCases[index - 1] }
            pane = target
            lists[target] = ListState()
            refilter(target, shared)
            return .stay
        }
        pane = .artisans
        lists[.artisans] = ListState()
        refilter(.artisans, shared)
        return .stay
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
