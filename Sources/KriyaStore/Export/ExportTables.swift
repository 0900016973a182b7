import KriyaCore

/// The records as flat tables for spreadsheets: headings in the interface language, one row
/// per record (per participant and day for attendance). Artisans use the columns the importer
/// reads, so an exported list re-imports unchanged.
public enum ExportTables {
    public struct Table: Sendable {
        public var headings: [String]
        public var rows: [[String]]
    }

    public static func artisans(_ list: [Artisan], lang: Lang, includeSensitive: Bool) -> Table {
        let fields = ArtisanField.allCases
        let rows = list.map { a -> [String] in
            let text = ArtisanText(a, lang: lang, sensitive: includeSensitive)
            return fields.map { text[$0] ?? "" }
        }
        return Table(headings: fields.map { $0.label(lang) }, rows: rows)
    }

    public static func sessions(_ list: [BimtekSession], data: Dataset, lang: Lang, today: CivilDate) -> Table {
        let keys: [TextKey] = [.fID, .fSessionKind, .fTitle, .fTopic, .fOrganiser, .fPartners, .fTrainers, .fVenue, .fStart, .fEnd,
                               .fMeetingDays, .fCapacity, .fEnrolled, .fStatus, .fAttendance, .fFunding]
        let rows = list.map { s -> [String] in
            [s.id.description, L10n.value(s.kind, lang), s.title, s.topic ?? "", s.organiser,
             data.partnerNames(of: s).joined(separator: "; "), data.trainerNames(of: s).joined(separator: "; "),
             s.venue, s.start.iso, s.end.iso, s.days.map(\.iso).joined(separator: "; "), s.capacity.map(String.init) ?? "",
             String(s.enrolledCount), L10n.value(s.status(on: today), lang),
             s.attendanceRate(asOf: today).map { "\(Int(($0 * 100).rounded()))%" } ?? "", s.funding ?? ""]
        }
        return Table(headings: keys.map { L10n.text($0, lang) }, rows: rows)
    }

    public static func exhibitions(_ list: [Exhibition], lang: Lang) -> Table {
        let keys: [TextKey] = [.fID, .fName, .fLevel, .fOrganiser, .fVenue, .fCity, .fCountry, .fStart, .fEnd,
                               .fStatus, .fBoothCost, .fPayer, .fParticipants, .fAccepted, .fSales, .fTransactions, .fLeads]
        let rows = list.map { e -> [String] in
            let accepted = e.participants.filter { $0.curation == .accepted }
            return [e.id.description, e.name, L10n.value(e.level, lang), e.organiser ?? "", e.venue ?? "", e.city ?? "",
                    e.country ?? "", e.start.iso, e.end.iso, L10n.value(e.status, lang), e.boothCost.map(String.init) ?? "",
                    e.payer.map { L10n.value($0, lang) } ?? "", String(e.participants.count), String(accepted.count),
                    String(e.totalSales), String(e.participants.lazy.compactMap(\.transactions).clampedSum()),
                    String(e.participants.reduce(0) { $0 + ($1.leads ?? 0) })]
        }
        return Table(headings: keys.map { L10n.text($0, lang) }, rows: rows)
    }

    /// One row per participant and meeting day; days not yet recorded are left blank.
    public static func attendance(_ list: [BimtekSession], artisans: RecordTable<Artisan>, lang: Lang) -> Table {
        let keys: [TextKey] = [.fSession, .fTitle, .fDay, .fArtisan, .fName, .fBusiness, .fPhone, .fRole, .fEnrolled,
                               .fAttendance, .fTime, .fRecordedBy, .fNotes, .fCertificate]
        var rows: [[String]] = []
        for s in list {
            for p in s.participants {
                let a = artisans[p.artisan]
                for day in s.days {
                    let mark = p.attendance.first { $0.day == day }
                    rows.append([s.id.description, s.title, day.iso, p.artisan.description, a?.name ?? "", a?.business ?? "",
                                 a?.phoneShown ?? "", L10n.value(p.role, lang), L10n.value(p.enrolment, lang),
                                 mark.map { L10n.value($0.mark, lang) } ?? "", mark?.time?.description ?? "", mark?.by ?? "",
                                 mark?.note ?? "", p.certificate ?? ""])
                }
            }
        }
        return Table(headings: keys.map { L10n.text($0, lang) }, rows: rows)
    }

    /// An exhibition's delegation (kontingen), one row per person in the order of the list:
    /// accepted, proposed, rejected, withdrawn. With booths, the certifications the fair asks
    /// for that each one lacks, sales and the curator's note.
    public static func delegation(_ e: Exhibition, artisans: RecordTable<Artisan>, lang: Lang) -> Table {
        let keys: [TextKey] = [.fExhibition, .fArtisan, .fName, .fBusiness, .fCategory, .fKelurahan, .fPhone, .fCuration, .fBooth,
                               .fCertifications, .fMissingCertifications, .fSales, .fTransactions, .fLeads, .fCurationNote]
        let order: [Curation] = [.accepted, .proposed, .rejected, .withdrawn]
        let people = e.participants.enumerated().sorted {
            let (a, b) = (order.firstIndex(of: $0.element.curation)!, order.firstIndex(of: $1.element.curation)!)
            return a != b ? a < b : $0.offset < $1.offset
        }.map(\.element)
        let rows = people.map { p -> [String] in
            let a = artisans[p.artisan]
            return [e.id.description, p.artisan.description, a?.name ?? "", a?.business ?? "", a?.category.label(lang) ?? "",
                    a.flatMap { Wilayah.kelurahan(code: $0.kelurahan)?.name } ?? "", a?.phoneShown ?? "", L10n.value(p.curation, lang),
                    p.booth ?? "", a?.certifications.map(\.kind.rawValue).joined(separator: "; ") ?? "",
                    a.map { e.missingCertifications($0).map(\.rawValue).joined(separator: "; ") } ?? "",
                    p.sales.map(String.init) ?? "", p.transactions.map(String.init) ?? "", p.leads.map(String.init) ?? "", p.curationNote ?? ""]
        }
        return Table(headings: keys.map { L10n.text($0, lang) }, rows: rows)
    }
}
