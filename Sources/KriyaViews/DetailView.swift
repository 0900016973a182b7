import KriyaCore
import KriyaText

/// A record as lines of text: its fields, then its related records as tables. `kriya show`
/// prints these lines; the console shows them in its detail view.
public struct DetailView {
    let data: Dataset
    let lang: Lang
    let today: CivilDate
    let width: Int?
    /// Who took part in what, when the caller keeps it (the console): found without walking
    /// every session's participants.
    let participation: Participation?

    public init(data: Dataset, lang: Lang, today: CivilDate, width: Int?, participation: Participation? = nil) {
        self.data = data
        self.lang = lang
        self.today = today
        self.width = width
        self.participation = participation
    }

    func t(_ key: TextKey, _ args: CustomStringConvertible...) -> String {
        L10n.text(key, lang, arguments: args)
    }

    /// `Label: value` lines, labels aligned; empty values left out; values made safe.
    func fields(_ pairs: [(TextKey, String?)]) -> [String] {
        fields(labelled: pairs.map { (L10n.text($0.0, lang), $0.1) })
    }

    func fields(labelled pairs: [(String, String?)]) -> [String] {
        let shown = pairs.compactMap { label, value -> (String, String)? in
            guard let value, !value.isEmpty else { return nil }
            return (label, value)
        }
        let labelWidth = shown.map { DisplayWidth.of($0.0) }.max() ?? 0
        return shown.flatMap { label, value -> [String] in
            let lines = TerminalSafe.text(value, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false)
            let indent = String(repeating: " ", count: labelWidth + 2)
            return lines.enumerated().map { i, line in
                i == 0 ? DisplayWidth.pad(label, toCells: labelWidth) + "  " + line : indent + line
            }
        }
    }

    func dates(_ start: CivilDate, _ end: CivilDate) -> String {
        start == end ? start.long(lang) : "\(start.long(lang)) – \(end.long(lang))"
    }

    public func artisan(_ a: Artisan) -> [String] {
        var out = [TerminalSafe.text("\(a.id)  \(a.name)"), ""]
        let sessions = participation?.sessions(of: a.id, in: data) ?? data.sessions(of: a.id)
        let products = a.products.map { p in p.name + (p.price.map { " (\(Rupiah.format($0)))" } ?? "") }
        let certs = a.certifications.map { c in
            [c.kind.rawValue, c.number, c.validUntil.map { "s.d. \($0.numeric)" }].compactMap { $0 }.joined(separator: " ")
        }
        let shown = ArtisanTextField.placed(in: [.business, .brand, .category, .phone, .email, .address, .kelurahan, .nib, .kbli,
                                                 .gender, .scale, .workers, .products, .certifications, .memberSince, .nik, .notes])
        var pairs = shown.map { field -> (String, String?) in
            let value: String?
            switch field {
            case .id, .name, .kecamatan: value = nil
            case .business: value = a.business
            case .category: value = a.category.label(lang)
            case .phone: value = a.phoneShown
            case .email: value = a.email
            case .kelurahan: value = Places.kelurahanAndKecamatan(a.kelurahan)
            case .nib: value = a.nib
            case .kbli: value = a.kbli
            case .gender: value = a.gender.map { L10n.value($0, lang) }
            case .scale: value = a.scale.map { L10n.value($0, lang) }
            case .workers: value = a.workers.map(String.init)
            case .products: value = products.joined(separator: "\n")
            case .certifications: value = certs.joined(separator: "\n")
            case .memberSince: value = a.memberSince?.short(lang)
            case .nik: value = a.nik?.maskedNIK
            case .notes: value = a.notes
            case .text(let t): value = a[text: t]
            }
            return (field.label(lang), value)
        }
        pairs += [
            // A duplicate merged away says where the person's record is now.
            (t(.fMergedInto), a.mergedInto.map { "\($0) \(data.artisans[$0]?.name ?? "")" }),
            (t(.fBoardMember), boardSeats(of: a.id)), (t(.fTaught), taught(by: a.id, joined: sessions)),
        ]
        out += fields(labelled: pairs)

        out += ["", t(.cBimtekHistory)]
        if sessions.isEmpty { out.append("  " + t(.cNone)) } else {
            var table = Table([.id(t(.fID)), .init(t(.fDates), minWidth: 11), .init(t(.fTitle), minWidth: 12),
                               .init(t(.fAttendance), minWidth: 8), .init(t(.fCertificate), minWidth: 8)])
            for s in sessions {
                let p = s.participant(a.id)!
                let marks = s.days.map { day in p.mark(on: day).map { Marks.letter($0.mark) } ?? (day <= today ? "?" : "·") }.joined()
                let status = p.enrolment == .registered ? marks : L10n.value(p.enrolment, lang)
                table.add([s.id.description, s.start.numeric, s.title, status, p.certificate ?? ""])
            }
            out += table.render(width: width.map { $0 - 2 }).map { "  " + $0 }
            out.append("  " + Marks.legend(lang))
        }

        out += ["", t(.cExhibitionHistory)]
        let fairs = participation?.exhibitions(of: a.id, in: data) ?? data.exhibitions(of: a.id)
        if fairs.isEmpty { out.append("  " + t(.cNone)) } else {
            var table = Table([.id(t(.fID)), .init(t(.fDates), minWidth: 11), .init(t(.fName), minWidth: 12),
                               .init(t(.fCuration), minWidth: 8), .init(t(.fBooth), minWidth: 5), .money(t(.fSales))])
            for e in fairs {
                let p = e.participant(a.id)!
                table.add([e.id.description, e.start.numeric, e.name, L10n.value(p.curation, lang), p.booth ?? "", p.sales.map(Rupiah.format) ?? ""])
            }
            out += table.render(width: width.map { $0 - 2 }).map { "  " + $0 }
        }
        return out
    }

    public func session(_ s: BimtekSession) -> [String] {
        var out = [TerminalSafe.text("\(s.id)  \(s.title)"), ""]
        let capacity = L10n.people(s, lang)
        let rate = s.attendanceRate(asOf: today).map { t(.cAttendanceRate, Int(($0 * 100).rounded())) }
        out += fields([
            (.fSessionKind, L10n.value(s.kind, lang)),
            (.fDates, dates(s.start, s.end)), (.fStatus, L10n.value(s.status(on: today), lang)), (.fTopic, s.topic),
            (.fOrganiser, s.organiser), (.fPartners, data.partnerNames(of: s).joined(separator: ", ")),
            (.fTrainers, data.trainerNames(of: s).joined(separator: ", ")),
            (.fVenue, s.venue + (s.startTime.map { ", \($0)" } ?? "")),
            (.fMeetingDays, s.days.map { $0.short(lang) }.joined(separator: ", ")),
            (.fEnrolled, [capacity, rate].compactMap { $0 }.joined(separator: ", ")), (.fFunding, s.funding),
            (.fCertificates, s.givesCertificates == (s.kind == .pelatihan) ? nil : L10n.text(s.givesCertificates ? .cYes : .cNo, lang)),
            (.fDoors, s.doors.isEmpty ? nil : s.doors.map { d in
                L10n.text(d.isOut ? .cDoorOut : .cDoorBack, lang, d.name, d.packedAt, d.packedBy, d.syncedAt ?? "")
            }.joined(separator: "\n")),
        ])
        out += ["", t(.fParticipants)]
        var columns: [Table.Column] = [.id(t(.fID)), .init(t(.fName), minWidth: 10), .init(t(.fRole), minWidth: 6)]
        columns += s.days.map { .init("\($0.day)/\($0.month)", minWidth: 5) }
        columns.append(.init(t(.fCertificate), minWidth: 8))
        var table = Table(columns)
        for p in s.participants {
            let name = data.artisans[p.artisan]?.name ?? "?"
            let role = p.enrolment == .registered ? L10n.value(p.role, lang) : L10n.value(p.enrolment, lang)
            let marks = s.days.map { day -> String in
                guard let m = p.mark(on: day) else { return day <= today && p.enrolment == .registered ? "?" : "" }
                return Marks.letter(m.mark) + (m.time.map { " \($0)" } ?? "")
            }
            table.add([p.artisan.description, name, role] + marks + [p.certificate ?? ""])
        }
        out += s.participants.isEmpty ? ["  " + t(.cNone)] : table.render(width: width.map { $0 - 2 }).map { "  " + $0 } + ["  " + Marks.legend(lang)]
        return out
    }

    public func exhibition(_ e: Exhibition) -> [String] {
        var out = [TerminalSafe.text("\(e.id)  \(e.name)"), ""]
        let place = [e.venue, e.city, e.country].compactMap { $0 }.joined(separator: ", ")
        out += fields([
            (.fDates, dates(e.start, e.end)), (.fStatus, L10n.value(e.status(on: today), lang)), (.fLevel, L10n.value(e.level, lang)),
            (.fOrganiser, e.organiser), (.fPartners, data.partnerNames(of: e).joined(separator: ", ")), (.fVenue, place), (.fBoothCost, e.boothCost.map(Rupiah.format)),
            (.fPayer, e.payer.map { L10n.value($0, lang) }), (.fSales, e.totalSales > 0 ? Rupiah.format(e.totalSales) : nil),
            (.fRequiredCertifications, e.requiredCertifications.isEmpty ? nil : e.requiredCertifications.map(\.rawValue).joined(separator: ", ")),
        ])
        out += ["", t(.fParticipants)]
        var table = Table([.id(t(.fID)), .init(t(.fName), minWidth: 10), .init(t(.fCategory), minWidth: 8),
                           .init(t(.fCuration), minWidth: 8), .init(t(.fBooth), minWidth: 5),
                           .money(t(.fSales)), .init(t(.fTransactions), alignRight: true, minWidth: 4)])
        var lacking = false
        for p in e.participants {
            let a = data.artisans[p.artisan]
            // Someone without a certification the fair asks for is marked (and the mark explained below).
            let missing = a.map(e.missingCertifications) ?? []
            lacking = lacking || (!missing.isEmpty && p.curation.isActive)
            table.add([p.artisan.description, a?.name ?? "?", a?.category.label(lang) ?? "",
                       L10n.value(p.curation, lang) + (missing.isEmpty || !p.curation.isActive ? "" : " ⚠"),
                       p.booth ?? "", p.sales.map(Rupiah.format) ?? "", p.transactions.map(String.init) ?? ""])
        }
        out += e.participants.isEmpty ? ["  " + t(.cNone)] : table.render(width: width.map { $0 - 2 }).map { "  " + $0 }
        if lacking { out.append("  " + t(.cLacksRequired, e.requiredCertifications.map(\.rawValue).joined(separator: ", "))) }
        let notes = e.participants.compactMap { p in p.curationNote.map { (data.artisans[p.artisan]?.name ?? p.artisan.description, $0) } }
        if !notes.isEmpty {
            out += ["", t(.cCurationNotes)] + notes.map { TerminalSafe.text("  \($0.0): \($0.1)") }
        }
        out += salesSummary(e)
        return out
    }

    /// What the fair brought in: totals, then by category and by kecamatan (largest first).
    func salesSummary(_ e: Exhibition) -> [String] {
        let sold = e.participants.filter { $0.sales != nil || $0.transactions != nil }
        guard !sold.isEmpty else { return [] }
        var out = ["", t(.cSalesSummary)]
        let total = sold.lazy.compactMap(\.sales).clampedSum()
        let trx = sold.lazy.compactMap(\.transactions).clampedSum()
        let leads = sold.lazy.compactMap(\.leads).clampedSum()
        out.append("  " + t(.cSalesTotals, Rupiah.format(total), trx, leads, sold.count))
        for (heading, key) in [(t(.fCategory), { (a: Artisan) in a.category.label(lang) }),
                               (t(.fKecamatan), { (a: Artisan) in a.kecamatanCode.flatMap { Wilayah.kecamatan(code: $0)?.name } ?? "?" })] {
            var sums: [String: (sales: Int64, trx: Int, people: Int)] = [:]
            for p in sold {
                guard let a = data.artisans[p.artisan] else { continue }
                let k = key(a)
                let now = sums[k] ?? (0, 0, 0)
                sums[k] = (now.sales.addingClamped(p.sales ?? 0), now.trx.addingClamped(p.transactions ?? 0), now.people + 1)
            }
            var table = Table([.init(heading, minWidth: 8), .money(t(.fSales)),
                               .init(t(.fTransactions), alignRight: true, minWidth: 4), .init(t(.cPeople), alignRight: true, minWidth: 4)])
            for (k, v) in sums.sorted(by: { $0.value.sales != $1.value.sales ? $0.value.sales > $1.value.sales : $0.key < $1.key }) {
                table.add([k, Rupiah.format(v.sales), String(v.trx), String(v.people)])
            }
            out.append("")
            out += table.render(width: width.map { $0 - 2 }).map { "  " + $0 }
        }
        return out
    }
}

/// One-letter attendance marks: H hadir, T terlambat, I izin, S sakit, A alpa.
public enum Marks {
    public static func letter(_ mark: AttendanceMark) -> String {
        switch mark {
        case .hadir: return "H"
        case .terlambat: return "T"
        case .izin: return "I"
        case .sakit: return "S"
        case .alpa: return "A"
        }
    }

    public static func legend(_ lang: Lang) -> String { L10n.text(.cMarksLegend, lang) }
}

public enum Places {
    /// `Dinoyo, Lowokwaru`.
    public static func kelurahanAndKecamatan(_ code: String) -> String {
        guard let kel = Wilayah.kelurahan(code: code) else { return code }
        return "\(kel.name), \(Wilayah.kecamatan(code: kel.kecamatanCode)?.name ?? "")"
    }
}
