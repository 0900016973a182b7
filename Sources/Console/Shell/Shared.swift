import KriyaCore
import KriyaText
import TextUI

/// What every screen may read and a few things it may change: the data on screen, the
/// language and clock, this console's undo steps, and the status-line message.
public struct Shared {
    public var data: Dataset {
        // Whatever changed it, the participation made for the old data is not this data's.
        didSet { dataToken = UInt64.random(in: .min ... .max) }
    }
    public var lang: Lang
    public var today: CivilDate
    /// The time of day now (the loop sets it before each key; check-ins are stamped with it).
    public var now = ClockTime(hour: 9, minute: 0)!
    public var dataPath: String
    /// Set on a door folder's console (issue 33): which door, packed when; the title line says it.
    public var doorTitle: String?
    public var user: String
    /// Said on the status line until the next key.
    public var message: String?
    /// Long work under way (reading or saving a large sheet): said on the status line meanwhile.
    public var busy: String?
    /// Ctrl-C was pressed once; a second one quits.
    public var quitPending = false
    /// This user's role in the data folder (issue 17): what the keys may do.
    public var role: StaffRole = .admin
    /// False where suspending would leave nobody to resume it (kriya as a login command).
    public var allowSuspend = true
    /// How to undo each change saved from this console, newest last (`u`).
    public var undoStack: [Reversal] = []
    /// The sheet last imported from this console (`u` cannot reach behind it).
    public var importedAt: String?
    /// How certificate numbers are made (config `certificate_pattern`).
    public var certificatePattern = CertificatePattern.standard
    /// The door beeps when a scanned card is taken (config `scanner_beep = false` silences it).
    public var scanBeep = true
    /// Set by a screen that wants the bell rung once after this key.
    public var ringBell = false
    /// Where the screens draw, as the one layout function gives it for the terminal's size:
    /// update pages by it, render draws in it.
    public internal(set) var layout = Layout(width: 80, height: 24)
    var index: SearchIndex
    /// Which artisans are archived, one bit per position, beside the index: a short query's
    /// result (most of a million) drops them without reaching into every record.
    private var archivedBits = ArchivedBits([])
    /// Who took part in what, made when first asked for after new data (`dataToken` names
    /// the data it was made for: copies of this state share the box).
    private let participationBox = ParticipationBox()
    private var dataToken = UInt64.random(in: .min ... .max)
    /// Reports built for the data shown (dropped when new data arrives).
    let reportCache = ReportCache()

    /// How many of this user's changes `u` can undo, newest last.
    static let undoDepth = 50

    init(data: Dataset, lang: Lang, today: CivilDate, dataPath: String, user: String, index: SearchIndex? = nil) {
        self.data = data
        self.lang = lang
        self.today = today
        self.dataPath = dataPath
        self.user = user
        self.index = index.flatMap { $0.count == data.artisans.count ? $0 : nil } ?? SearchIndex(data.artisans.items)
        archivedBits = ArchivedBits(data.artisans.items)
    }

    /// Who took part in what, for the data shown.
    var participation: Participation { participationBox.value(for: dataToken) { Participation(data) } }

    /// Whether the artisan at `position` is archived.
    func isArchived(_ position: Int) -> Bool {
        archivedBits.count == data.artisans.count ? archivedBits[position] : data.artisans.items[position].archived
    }

    func t(_ key: TextKey, _ args: CustomStringConvertible...) -> String { L10n.text(key, lang, arguments: args) }

    /// Keeps how to undo a change this console saved.
    public mutating func remember(_ undo: Reversal) {
        undoStack.append(undo)
        if undoStack.count > Self.undoDepth { undoStack.removeFirst(undoStack.count - Self.undoDepth) }
    }

    /// New data: the search index follows it. New artisans at the end, and changes that leave
    /// every searched field as it was (a note, a certificate, an archive): index just the new
    /// ones. Anything else (a name changed, someone removed): index everything again.
    mutating func take(_ newData: Dataset) {
        let old = data.artisans.items
        data = newData
        reportCache.clear()
        let now = data.artisans.items
        let kept = now.count >= old.count && zip(old, now).allSatisfy { $0.id == $1.id && ($0.rev == $1.rev || SearchIndex.sameText($0, $1)) }
        if kept {
            index.append(contentsOf: now[old.count...])
        } else {
            index = SearchIndex(now)
        }
        archivedBits = ArchivedBits(now)
    }

    /// What a screen does with an effect's outcome when it has nothing of its own to do: a
    /// refusal or failure is said on the status line.
    mutating func report(_ msg: Msg) -> Step {
        switch msg {
        case .refused(let error): message = error.message(lang).replacingAll("\n", with: " ")
        case .failed(let text), .importUnreadable(let text), .imported(let text): message = text
        case .undoPlan(let file, let removes, let restores, let keeps):
            return confirm(.undoImport, title: t(.uiUndoImportTitle, file), text: t(.uiUndoImportText, removes, restores, keeps))
        case .written(let path): message = t(.dWritten, path)
        case .saved, .history, .importPreview, .completed: break
        }
        return .stay
    }

    /// What a screen does with a dialog's answer when it has nothing of its own to do: a
    /// confirmed save or import undo runs.
    mutating func answer(_ outcome: Outcome) -> Step {
        switch outcome {
        case .answered(.save(let command), yes: true): return .run(.save(command))
        case .answered(.undoImport, yes: true): return .run(.undoImport)
        default: return .stay
        }
    }

    /// A yes/no dialog for `question`.
    func confirm(_ question: Question, title: String, text: String) -> Step {
        // A possible duplicate has a third answer: register the new person anyway.
        let keys = if case .duplicate = question { t(.uiConfirmKeysAnyway) } else { t(.uiConfirmKeys) }
        return .push(ConfirmScreen(question: question, dialog: Dialog(title: title, text: text, keys: keys)))
    }

    /// The stored record's values as its form shows them, its revision and its name.
    func stored(_ id: EntityID) -> (values: [String: String], rev: Int, name: String)? {
        switch id.kind {
        case .artisan: return data.artisans[id].map { (ArtisanForm.values(of: $0, lang), $0.rev, $0.name) }
        case .session: return data.sessions[id].map { (SessionForm.values(of: $0, lang, data), $0.rev, $0.title) }
        case .exhibition: return data.exhibitions[id].map { (ExhibitionForm.values(of: $0, lang, data), $0.rev, $0.name) }
        case .term: return data.terms[id].map { (TermForm.values(of: $0), $0.rev, $0.name) }
        case .member: return data.members[id].map { (MemberForm.values(of: $0, data), $0.rev, $0.name) }
        case .partner: return data.partners[id].map { (PartnerForm.values(of: $0, lang), $0.rev, $0.name) }
        }
    }

    /// How far off an event is: past, ongoing, tomorrow, in N days.
    func when(_ start: CivilDate, _ end: CivilDate) -> String {
        let until = today.days(until: start)
        if end < today { return t(.cPast) }
        if until <= 0 { return t(.cOngoing) }
        return until == 1 ? t(.cTomorrow) : t(.cDaysUntil, until)
    }
}

/// The one layout of the console's frame, used by update (paging) and render alike: title
/// line, tabs and menu bar, the body where screens draw, the status line and the key bar.
public struct Layout: Equatable, Sendable {
    public let width: Int, height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public static let minimum = (width: 80, height: 24)
    public var tooSmall: Bool { width < Self.minimum.width || height < Self.minimum.height }
    public var body: Rect { Rect(x: 0, y: 2, width: width, height: max(1, height - 4)) }
    public var statusRow: Int { height - 2 }
    public var keyBarRow: Int { height - 1 }
    /// The list and the detail beside it on a wide terminal (the list alone otherwise).
    public func split(wideListWidth: Int) -> (list: Rect, detail: Rect?) {
        let b = body
        guard width >= 120 else { return (b, nil) }
        return (Rect(x: 0, y: b.y, width: wideListWidth, height: b.height),
                Rect(x: wideListWidth + 2, y: b.y, width: width - wideListWidth - 2, height: b.height))
    }
}

/// One bit per artisan position: archived or not.
struct ArchivedBits: Sendable {
    private var words: [UInt64]
    let count: Int

    init(_ artisans: [Artisan]) {
        count = artisans.count
        words = [UInt64](repeating: 0, count: (artisans.count + 63) / 64)
        for i in artisans.indices where artisans[i].archived { words[i / 64] |= 1 << UInt64(i % 64) }
    }

    subscript(position: Int) -> Bool { words[position / 64] & (1 << UInt64(position % 64)) != 0 }
}

/// `Participation` for the data a token names, made once per token. Used from the console's
/// one thread only, like `ReportCache`.
final class ParticipationBox: @unchecked Sendable {
    private var made: (token: UInt64, value: Participation)?
    func value(for token: UInt64, make: () -> Participation) -> Participation {
        if let made, made.token == token { return made.value }
        let value = make()
        made = (token, value)
        return value
    }
}
