import ArgumentParser
import Foundation
import Testing
@testable import KriyaCLI
@testable import KriyaCore
@testable import KriyaStore
@testable import KriyaViews

/// Issue 16 from the command line: the board and partners added, listed, shown, found and
/// reported; bad input named by option, nothing written.
@Suite struct CouncilCommandTests {
    let data = TempFolder("council-cli")

    func kriya(_ args: String...) throws -> Kriya.Result { try Kriya.run(args + ["--data", data.path]) }
    func object(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    @Test func aBoardAndPartnersFromTheCommandLine() throws {
        #expect(try Kriya.run(["add", "artisan", "--name", "Siti Rahayu", "--phone", "0812-0000-1234", "--kelurahan", "Dinoyo",
                               "--business", "Keramik Sekar", "--category", "keramik", "--data", data.path]).status == 0)
        // No term yet: said how to add one.
        let empty = try kriya("board")
        #expect(empty.status != 0 && empty.stderr.contains("kriya add term"))
        #expect(try kriya("add", "term", "--name", "2023-2028", "--start", "1/7/2023", "--end", "30/6/2028",
                          "--inaugurated", "15/8/2023").stdout == "T-000001\n")
        #expect(try kriya("add", "member", "--name", "Ny. Widya", "--position", "Ketua").stdout == "M-000001\n")
        #expect(try kriya("add", "member", "--name", "Siti Rahayu", "--position", "Ketua Bidang", "--field", "Pelatihan",
                          "--artisan", "A-000001", "--term", "2023–2028").stdout == "M-000002\n")
        // Bad input: each option named, nothing saved (65).
        let bad = try kriya("add", "member", "--name", "", "--position", "Anggota", "--until", "1/1/2030", "--phone", "12")
        #expect(bad.status == 65 && bad.stderr.contains("--name") && bad.stderr.contains("--until") && bad.stderr.contains("--phone"), "\(bad.stderr)")
        let kind = try kriya("add", "partner", "--name", "UB", "--kind", "sekolah")
        #expect(kind.status == 65 && kind.stderr.contains("--kind") && kind.stderr.contains("universitas"))
        #expect(try kriya("add", "partner", "--name", "Universitas Brawijaya", "--kind", "perguruan tinggi",
                          "--contact", "Dr. Rina", "--person", "Dr. Ir. Sumarno").stdout == "R-000001\n")
        let twice = try kriya("add", "partner", "--name", "universitas brawijaya", "--kind", "universitas")
        #expect(twice.status == 65 && twice.stderr.contains("R-000001"))

        let board = try kriya("board")
        #expect(board.status == 0 && board.stdout.contains("term 2023-2028") && board.stdout.contains("current term"))
        #expect(board.stdout.contains("Signs documents: Ny. Widya (Ketua)"))
        let json = try object(kriya("board", "--json").stdout)
        let members = json["members"] as? [[String: Any]] ?? []
        let seat = members.last?["member"] as? [String: Any] ?? [:]
        #expect(members.count == 2 && seat["artisan"] as? String == "A-000001")
        let partners = try JSONSerialization.jsonObject(with: Data(kriya("partners", "--json").stdout.utf8)) as? [[String: Any]] ?? []
        let first = partners.first?["partner"] as? [String: Any] ?? [:]
        #expect(first["kind"] as? String == "universitas")

        // The artisan's record says she is on the board; find finds the council's records, marked.
        #expect(try kriya("show", "A-000001").stdout.contains("Ketua Bidang Pelatihan, term 2023-2028"))
        let found = try kriya("find", "brawijaya")
        #expect(found.stdout.contains("R-000001") && found.stdout.contains("partner"))
        let both = try object(kriya("find", "siti", "--json", "--council").stdout)
        let artisans = both["artisans"] as? [Any] ?? []
        let council = both["council"] as? [[String: Any]] ?? []
        #expect(artisans.count == 1 && council.first?["id"] as? String == "M-000002")
        #expect(try kriya("show", "R-000001").stdout.contains("Dr. Ir. Sumarno"))
        #expect(try kriya("--lang", "id", "show", "M-000002").stdout.contains("Jabatan"))
    }

    @Test func aSessionsPartnersAndTrainersInShowAndTheReport() throws {
        #expect(try Kriya.run(["demo", "--data", data.path]).status == 0)
        let store = try Store(path: data.path)
        let s = try #require(store.data.sessions.items.first { !$0.partners.isEmpty && !$0.trainerRefs.isEmpty })
        let json = try object(kriya("show", s.id.description, "--json").stdout)
        let named = json["partnersNamed"] as? [[String: Any]] ?? []
        let partners = named.compactMap { $0["name"] as? String }
        let taught = json["trainersNamed"] as? [[String: Any]] ?? []
        let trainers = taught.compactMap { $0["id"] as? String }
        let expected = s.partners.map { store.data.partners[$0]!.name }
        #expect(partners == expected)
        #expect(trainers == s.trainerRefs.map(\.description) && json["kind"] as? String == "pelatihan")
        // The partners report counts it in its year.
        let csv = try kriya("report", "partners", "--format", "csv").stdout
        let partner = store.data.partners[s.partners[0]]!.name
        let sessions = store.data.sessions.items.filter { $0.partners.contains(s.partners[0]) && $0.start.year == s.start.year && $0.status != .cancelled }
        let row = csv.split(whereSeparator: \.isNewline).first { $0.contains(partner) && $0.contains(",\(s.start.year),") }
        let trainings = sessions.filter { $0.kind == .pelatihan }.count
        let people = sessions.reduce(0) { $0 + $1.enrolledCount }
        var certificates = 0
        for one in sessions { certificates += one.participants.filter { $0.certificate != nil && $0.enrolment == .registered }.count }
        let tail = ",\(trainings),\(sessions.count - trainings),\(people),\(certificates)"
        #expect(row?.hasSuffix(tail) == true, "\(tail) in \(csv)")
        let board = try kriya("report", "board", "--format", "md").stdout
        #expect(board.contains("2018–2023") && board.contains("2023–2028"))
        // Outreach is said as such and is in the agenda's session list.
        let outreach = try #require(store.data.sessions.items.first { $0.kind == .sosialisasi })
        #expect(try kriya("--lang", "id", "show", outreach.id.description).stdout.contains("Jenis kegiatan  sosialisasi"))
    }

    /// Who signs: the chair serving on the document's day, unless the config names someone.
    @Test func theChairSignsUnlessTheConfigNamesSomeone() throws {
        let today = CivilDate(year: 2026, month: 11, day: 30)!
        let data = DemoData.make(artisans: 300, today: today)
        let chair = try #require(data.chair(on: today))
        let s = try #require(data.sessions.items.first { $0.participants.contains { $0.certificate != nil } })
        let html = Certificates.html(s, data: data, lang: .id)
        #expect(html.contains(chair.name) && html.contains("Ketua Dekranasda Kota Malang"))
        var named = DocumentSettings.standard
        named.signatoryName = "Plt. Ketua Budi"
        #expect(named.signed(data, on: today).signatoryName == "Plt. Ketua Budi")
        // Between terms nobody is chair: the dotted line stays for a hand to sign.
        #expect(DocumentSettings.standard.signed(data, on: CivilDate(year: 2030, month: 1, day: 1)!).signatoryName.isEmpty)
    }
}

/// Issue 17: every command line says which role it needs; one added without a role fails here.
@Suite struct CommandRoleTests {
    @Test func everyCommandHasARole() {
        func paths(_ type: any ParsableCommand.Type, _ prefix: String) -> [String] {
            let config = type.configuration
            let name = prefix.isEmpty ? (config.commandName ?? "") : prefix + " " + (config.commandName ?? "")
            if config.subcommands.isEmpty { return [name] }
            return config.subcommands.flatMap { paths($0, name == "kriya" ? "" : name) }
        }
        let all = KriyaCLI.Kriya.configuration.subcommands.flatMap { paths($0, "") }
        #expect(all.count > 25)
        for path in all { #expect(CommandRoles.table[path] != nil, "kriya \(path) has no role in CommandRoles") }
        #expect(Set(CommandRoles.table.keys) == Set(all), "roles for commands that do not exist: \(Set(CommandRoles.table.keys).subtracting(all))")
    }
}
