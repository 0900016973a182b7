import ArgumentParser
import Foundation
import KriyaCore
import KriyaStore
import KriyaText
import KriyaViews

/// `kriya invite B-… --whatsapp`: a WhatsApp message to every participant at once (issue 34).
struct InviteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: "WhatsApp messages to a session's participants: a page to click down, or CSV for a broadcast.",
        discussion: """
            The page (HTML) has one row per participant with the message filled in and a link that opens WhatsApp \
            with it to that number; a row clicked is marked sent in the browser. Those with no mobile number are \
            listed apart. --format csv gives name, number (+62…) and message for a WhatsApp Business broadcast. \
            --reminder: the day-before reminder instead of the invitation. The wording follows --lang (Indonesian \
            by default on an Indonesian desk).
            """
    )

    @Argument(help: "The session, e.g. B-000003.") var session: String
    @Flag(help: "WhatsApp messages (the only kind for now).") var whatsapp = false
    @Flag(help: "The day-before reminder (tomorrow, time, place, bring your KTP).") var reminder = false
    @Flag(help: "To the waitlist instead of those registered.") var waitlist = false
    @Option(help: "html (a page to click down) or csv (for a broadcast).") var format: Format = .html
    @Option(help: "The file to write.") var out: String

    enum Format: String, ExpressibleByArgument { case html, csv }
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let store = try global.openRecords(create: false)
        let s = try global.session(session, in: store.data)
        let (messages, apart) = WhatsAppMessages.session(s, data: store.data, kind: reminder ? .reminder : .invitation, waitlist: waitlist, lang: lang)
        let bytes: [UInt8]
        switch format {
        case .html: bytes = Array(WhatsAppPage.html(s, messages: messages, unreachable: apart, lang: lang).utf8)
        case .csv:
            bytes = SpreadsheetFile.csv(headings: [L10n.text(.fName, lang), L10n.text(.fPhone, lang), "WhatsApp", CLIText.text(.ivMessage, lang)],
                                        rows: messages.map { [$0.name, $0.number ?? "", $0.link ?? "", $0.text] }
                                            + apart.map { [$0.name, $0.phone, "", CLIText.text(.ivNoMobile, lang)] })
        }
        do { try PrivateFile.write(bytes, to: out) } catch {
            Output.error(L10n.text(.cStoreOpenFailed, lang, TerminalSafe.text(out), TerminalSafe.text("\(error)")))
            throw ExitCode(EX_CANTCREAT)
        }
        Output.line(TerminalSafe.text(CLIText.text(.ivWritten, lang, out, messages.count, apart.count)))
        for m in apart { Output.line("  " + TerminalSafe.text(CLIText.text(.ivApart, lang, m.name, m.phone.isEmpty ? "–" : m.phone))) }
    }
}
