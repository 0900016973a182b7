import TextUI
import Foundation
import KriyaCore
import KriyaText

/// Everything the console shows, as a value: `update` changes it, `render` draws it.
public struct ConsoleState {
    public enum Pane: Int, CaseIterable, Sendable { case artisans = 0, sessions, exhibitions, reports }
    public enum Mode: Equatable, Sendable { case list, search, detail, help, menu(MenuPurpose), importPath, importPreview, form, picker, confirm, conflict, history, participants, checkIn, schedule, salesGrid }
    public enum MenuPurpose: Equatable, Sendable { case main, filter, kecamatan, category, certification, sessionStatus, exhibitionStatus }

    public var data: Dataset
    public var lang: Lang
    public var today: CivilDate
    public var dataPath: String
    public var user: String
    public var pane: Pane = .artisans
    public var mode: Mode = .list
    /// The search text per pane.
    public var query: [Pane: String] = [:]
    /// Per pane: what the list shows (positions in the data), the selected row, the first row shown.
    public var rows: [Pane: [Int]] = [:]
    public var selected: [Pane: Int] = [:]
    public var offset: [Pane: Int] = [:]
    public var detailOffset = 0
    /// The open menu (F9, the filter pickers), while `mode` is `.menu`.
    public var menu: Menu?
    /// Which menu of the bar is open (or was last).
    var menuGroup = 0
    /// Filters on the artisans pane.
    public var filter = ArtisanFilter()
    /// Only sessions / exhibitions with this status (the `f` of their panes).
    public var sessionStatus: SessionStatus?
    public var exhibitionStatus: ExhibitionStatus?
    /// Artisans sorted by this column (nil: best match first, then by name).
    public var sortColumn: Int?
    public var sortDescending = false
    public var message: String?
    public var quit = false
    /// The file name being typed for an import, and what importing it would do (its preview).
    public var importPath = ""
    public var importPreview: [String] = []
    /// Rows the previewed import would save (0: nothing to confirm).
    public var importReady = 0
    /// Whether artisans already stored are updated from the sheet (`u` on the preview) or
    /// skipped, and how many rows matched one of them.
    public var importUpdates = false
    public var importExisting = 0
    /// The open form (mode `.form`), and whether Esc on it is waiting for "discard?".
    public var form: Form?
    /// What the open form is for.
    public var formSubject: FormSubject = .artisan
    /// The record the form changes, and the revision it was opened at (nil: a new one).
    public var editing: (id: EntityID, rev: Int)?
    /// The record's values as the form showed them when it opened (for the field-by-field
    /// conflict view); nil when not known (a draft restored after the record changed).
    public var editingBase: [String: String]?
    /// The conflict view (mode `.conflict`), over the open form.
    var conflict: ConflictView?
    public var discardPending = false
    /// The artisan picker (mode `.picker`): enrolling in this session.
    public var picker: ArtisanPicker?
    /// How to undo each change saved from this console, newest last (`u`).
    public var undoStack: [Reversal] = []
    /// The sheet last imported from this console (`u` cannot reach behind it).
    public var importedAt: String?
    /// The question on screen (mode `.confirm`) and the command a "y" saves.
    public var confirmation: (dialog: Dialog, effect: Effect)?
    /// Where a closed form goes back to (the list, or an exhibition's delegation).
    var formReturn: Mode = .list
    /// The sales grid of an exhibition (mode `.salesGrid`).
    public var salesGrid: SalesGrid?
    /// The month view (mode `.schedule`).
    public var schedule: ScheduleView?
    /// The check-in screen (mode `.checkIn`).
    public var checkIn: CheckInView?
    /// The time of day now (the loop sets it before each key; check-ins are stamped with it).
    public var now = ClockTime(hour: 9, minute: 0)!
    /// How certificate numbers are made (config `certificate_pattern`).
    public var certificatePattern = CertificatePattern.standard
    /// The participants screen (mode `.participants`).
    public var participants: ParticipantsView?
    /// The audit trail on screen (mode `.history`), and the mode to go back to.
    public var historyLines: [String] = []
    var historyReturn: Mode = .list
    /// Long work under way (reading or saving a large sheet): said on the status line meanwhile.
    public var busy: String?
    /// Ctrl-C was pressed once; a second one quits.
    public var quitPending = false
    var index: SearchIndex
    /// Reports built for the data shown (dropped when new data arrives).
    let reportCache = ReportCache()

    public init(data: Dataset, lang: Lang, today: CivilDate, dataPath: String, user: String) {
        self.data = data
        self.lang = lang
        self.today = today
        self.dataPath = dataPath
        self.user = user
        index = SearchIndex(data.artisans.items)
        for pane in Pane.allCases { refilter(pane) }
    }

    /// New data from the store (another staff member saved): the selection stays on the
    /// same record when it is still there.
    public mutating func replaceData(_ newData: Dataset) {
        let keep = Pane.allCases.map { ($0, selectedID($0)) }
        let old = data.artisans.items
        data = newData
        reportCache.clear()
        let now = data.artisans.items
        // New artisans at the end, and changes that leave every searched field as it was (a
        // note, a certificate, an archive): index just the new ones. Anything else (a name
        // changed, someone removed): index everything again.
        let kept = now.count >= old.count && zip(old, now).allSatisfy { $0.id == $1.id && ($0.rev == $1.rev || SearchIndex.sameText($0, $1)) }
        if kept {
            index.append(contentsOf: now[old.count...])
        } else {
            index = SearchIndex(now)
        }
        for (pane, id) in keep {
            refilter(pane)
            if let id, let at = rows[pane]?.firstIndex(where: { recordID(pane, $0) == id }) { selected[pane] = at }
        }
        // The door's list follows the other door's check-ins (the selection stays on its person).
        if let view = checkIn {
            let chosen = view.rows.indices.contains(view.selected) ? view.rows[view.selected] : nil
            refreshCheckIn()
            if let chosen, let at = checkIn?.rows.firstIndex(of: chosen) { checkIn?.selected = at }
        }
    }

    /// Recomputes a pane's rows from its query. When the query only grew (one more letter
    /// typed), the artisans are searched within the previous result, which is much faster.
    mutating func refilter(_ pane: Pane, previousQuery: String? = nil) {
        let q = query[pane] ?? ""
        switch pane {
        case .artisans:
            let items = data.artisans.items
            // Narrowing pays only on a small previous result: one scan of the whole folded
            // text is faster than looking into most of the records one by one.
            if let previous = previousQuery, !previous.isEmpty, q.hasPrefix(previous), let earlier = rows[pane],
               earlier.count < items.count / 8 {
                rows[pane] = index.search(q, within: earlier)
            } else {
                rows[pane] = index.search(q).filter { !items[$0].archived }
            }
            if !filter.isEmpty { rows[pane] = rows[pane]?.filter { filter.matches(items[$0]) } }
            if let column = sortColumn {
                let keys = rows[pane]!.map { (position: $0, key: Fold.string(ConsoleState.sortKey(items[$0], column))) }
                rows[pane] = keys.sorted { sortDescending ? $0.key > $1.key : $0.key < $1.key }.map(\.position)
            }
        case .sessions:
            let items = data.sessions.items
            let words = ConsoleState.words(q)
            // Upcoming first (soonest first), then past ones, latest first.
            rows[pane] = items.indices.filter { sessionStatus == nil || items[$0].status == sessionStatus }
                .filter { matches(words, [items[$0].title, items[$0].venue, items[$0].topic ?? "", items[$0].partner ?? ""]) }
                .sorted { a, b in ConsoleState.eventOrder(items[a].start, items[a].end, items[b].start, items[b].end, today) }
        case .exhibitions:
            let items = data.exhibitions.items
            let words = ConsoleState.words(q)
            rows[pane] = items.indices.filter { exhibitionStatus == nil || items[$0].status == exhibitionStatus }
                .filter { matches(words, [items[$0].name, items[$0].city ?? "", items[$0].venue ?? ""]) }
                .sorted { a, b in ConsoleState.eventOrder(items[a].start, items[a].end, items[b].start, items[b].end, today) }
        case .reports:
            let words = ConsoleState.words(q)
            rows[pane] = ReportName.allCases.indices.filter { matches(words, [reportTitle(ReportName.allCases[$0])]) }
        }
        let count = rows[pane]?.count ?? 0
        selected[pane] = min(selected[pane] ?? 0, max(0, count - 1))
    }

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
    private func matches(_ words: [String], _ fields: [String]) -> Bool {
        guard !words.isEmpty else { return true }
        let text = fields.map(Fold.string).joined(separator: "\u{1}")
        return words.allSatisfy { text.contains($0) }
    }

    static func eventOrder(_ s1: CivilDate, _ e1: CivilDate, _ s2: CivilDate, _ e2: CivilDate, _ today: CivilDate) -> Bool {
        let up1 = e1 >= today, up2 = e2 >= today
        if up1 != up2 { return up1 }
        return up1 ? s1 < s2 : s1 > s2
    }

    func recordID(_ pane: Pane, _ position: Int) -> EntityID? {
        switch pane {
        case .artisans: return data.artisans.items[safe: position]?.id
        case .sessions: return data.sessions.items[safe: position]?.id
        case .exhibitions: return data.exhibitions.items[safe: position]?.id
        case .reports: return nil
        }
    }

    public func selectedID(_ pane: Pane) -> EntityID? {
        guard let rows = rows[pane], let sel = selected[pane], sel < rows.count else { return nil }
        return recordID(pane, rows[sel])
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
