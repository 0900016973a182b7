import ArgumentParser
import Foundation
import KriyaCore
import KriyaStore
import KriyaText
import KriyaViews

/// `kriya print …`: documents the office prints, each one self-contained HTML file (A4, no
/// network, no scripts) to open in a browser and print, or to turn into PDF.
struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Write a printable document (HTML for A4): open it in a browser and print it (Ctrl-P).",
        subcommands: [PrintAttendanceSheet.self, PrintParticipants.self, PrintDelegation.self, PrintCards.self, PrintCertificates.self]
    )

    /// Writes a document (names and phones: for the owner or the staff group only) and says where.
    static func write(_ html: String, to file: String, lang: Lang) throws {
        do { try PrivateFile.write(Array(html.utf8), to: file) } catch {
            Output.error(L10n.text(.cStoreOpenFailed, lang, TerminalSafe.text(file), TerminalSafe.text("\(error)")))
            throw ExitCode(EX_CANTCREAT)
        }
        Output.line(L10n.text(.dWritten, lang, TerminalSafe.text(file)))
    }
}

struct PrintAttendanceSheet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance-sheet",
        abstract: "The daftar hadir of a meeting day: every participant by name, signature cells, blank rows for walk-ins.",
        discussion: """
            The letterhead and who signs "Mengetahui" come from [documents] in the config. After the day, \
            --filled prints each mark and time instead of the signature cells. Without --out the file is \
            written in the current folder, named after the session and day.
            """
    )

    @Argument(help: "The session, e.g. B-000003.") var session: String
    @Option(help: "Meeting day N (1 is the first; default: today's, else the next to come, else the last).") var day: Int?
    @Flag(help: "The recap after the day: marks and times instead of signature cells.") var filled = false
    @Option(help: "Empty numbered rows at the end for walk-ins.") var blankRows = 5
    @Option(help: "The file to write.") var out: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.documentLanguage
        let store = try global.openRecords(create: false)
        let s = try global.session(session, in: store.data)
        let days = s.days
        let today = SystemInfo.now().today
        let n = day ?? (days.firstIndex(of: s.dayToPrint(today: today)).map { $0 + 1 } ?? 1)
        guard days.indices.contains(n - 1) else {
            Output.error(CLIText.text(.cNoSuchDay, lang, n, s.id, days.count))
            throw ExitCode(EX_DATAERR)
        }
        guard (0...500).contains(blankRows) else {
            Output.error("--blank-rows: " + L10n.problem(.outOfRange(min: 0, max: 500), lang))
            throw ExitCode(EX_DATAERR)
        }
        let html = AttendanceSheet.html(s, day: days[n - 1], data: store.data, settings: Config.load().documents,
                                        lang: lang, filled: filled, blankRows: blankRows)
        // The recap is written beside the blank sheet, never over it (as the console does).
        let file = out ?? PrintFileName.attendanceSheet(s.id, day: n, recap: filled, lang)
        try PrintCommand.write(html, to: file, lang: lang)
    }
}

struct PrintCards: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "Participant cards with a QR code of each artisan's id (ten to an A4 page), for the door's scanner.",
        discussion: """
            Either a session's participants (kriya print cards B-000003) or the artisans named \
            (kriya print cards --artisans A-000001 A-000002). The code under each QR is the id, for \
            scanners without QR and for typing.
            """
    )

    @Argument(help: "The session whose participants get cards, e.g. B-000003.") var session: String?
    @Option(parsing: .upToNextOption, help: "Cards for these artisans instead.") var artisans: [String] = []
    @Option(help: "The file to write.") var out: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.documentLanguage
        let store = try global.openRecords(create: false)
        let data = store.data
        var people: [Artisan] = []
        var event: String?
        var sessionID: EntityID?
        if let session {
            let s = try global.session(session, in: data)
            people = AttendanceSheet.participants(s, data: data).map(\.1)
            event = s.title
            sessionID = s.id
        }
        for text in artisans {
            let id = try global.id(text, of: .artisan)
            guard let a = data.artisans[id] else {
                Output.error(CLIText.text(.cUnknownID, lang, text))
                throw ExitCode(EX_NOINPUT)
            }
            people.append(a)
        }
        guard !people.isEmpty else {
            Output.error(CLIText.text(.dCardsWhom, lang))
            throw ExitCode(EX_USAGE)
        }
        try PrintCommand.write(ParticipantCards.html(people, event: event, settings: Config.load().documents, lang: lang),
                               to: out ?? PrintFileName.cards(sessionID, lang), lang: lang)
    }
}

struct PrintCertificates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificates",
        abstract: "The certificates of a session, one A4 landscape page each, for those given a number.",
        discussion: "The signatory and the council's name come from [documents] in the config. --artisan prints one."
    )

    @Argument(help: "The session, e.g. B-000003.") var session: String
    @Option(help: "Only this artisan's certificate.") var artisan: String?
    @Option(help: "The file to write.") var out: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.documentLanguage
        let store = try global.openRecords(create: false)
        let s = try global.session(session, in: store.data)
        let only = try artisan.map { try global.id($0, of: .artisan) }
        guard !Certificates.holders(s, only: only, data: store.data).isEmpty else {
            Output.error(L10n.text(.dNoCertificates, lang, only?.description ?? s.id.description))
            throw ExitCode(EX_DATAERR)
        }
        let name = PrintFileName.certificates(s.id, only: only, lang)
        try PrintCommand.write(Certificates.html(s, only: only, data: store.data, settings: Config.load().documents, lang: lang),
                               to: out ?? name, lang: lang)
    }
}

struct PrintParticipants: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "participants",
        abstract: "A session's list of participants (then speakers, committee and the waitlist), to file with the accounts.")

    @Argument(help: "The session, e.g. B-000003.") var session: String
    @Option(help: "The file to write.") var out: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.documentLanguage
        let store = try global.openRecords(create: false)
        let s = try global.session(session, in: store.data)
        let html = PeopleLists.participants(s, data: store.data, settings: Config.load().documents, lang: lang, today: SystemInfo.now().today)
        try PrintCommand.write(html, to: out ?? PrintFileName.participants(s.id, lang), lang: lang)
    }
}

struct PrintDelegation: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delegation",
        abstract: "An exhibition's delegation (kontingen) with booths and the required certifications each one lacks.")

    @Argument(help: "The exhibition, e.g. P-000002.") var exhibition: String
    @Option(help: "The file to write.") var out: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.documentLanguage
        let store = try global.openRecords(create: false)
        let e = try global.exhibition(exhibition, in: store.data)
        let html = PeopleLists.delegation(e, data: store.data, settings: Config.load().documents, lang: lang, today: SystemInfo.now().today)
        try PrintCommand.write(html, to: out ?? PrintFileName.delegation(e.id, lang), lang: lang)
    }
}
