import KriyaCore
import KriyaText

/// The command line's own texts (reports of `doctor`, `access`, `check`, `import`…): keys of
/// `CLIStringsEN` and `CLIStringsID`. Words the console shares (fields, problems, values) stay
/// in the core's tables (`TextKey`).
enum CLIKey: String, CaseIterable {
    case ivMessage, ivNoMobile, ivWritten, ivApart
    case tdTitle, tdSessions, tdNoSessions, tdExhibitions, tdComing, tdDue, tdNothingDue, tdDayOf, tdUntil
    case dpPacked, dpNext, dpNotEmpty, dsNothingNew, dsWould, dsDone, dlThisIsADoor, dlNone, dlBack, dlOut
    case cNoMatches, cShownOfTotal, cInvalidInput, cSetNoField, cAgendaHeader, cConflictsHeader, cConflictLine
    case cNoEvents, cCheckOK, cCheckProblems, cBackupWritten, cDemoWritten, cDemoRefused, cUnknownID
    case cToday, cStoreNewer, cUnknownKecamatanFilter, cUnknownCategoryFilter, cCompacted, cNoStore, cDataDirectory
    case cBackupBeforeDemo, cKindSession, cKindExhibition, cCounts, iDryRun, iRefusedBad, iSaved, iNothing
    case iProgress, xWritten, rUnknown, cNoSuchDay, cAttendanceCounts, iSkippedHint, uUndoNone, cDuplicatesHeader
    case cDuplicateLine, cSameNameWarning, cMarkSet, cMarkCleared, cWithdrawnNote, cMarkNeeded, cMarkUnknown
    case dCardsWhom, cMergeDone, cDuplicatesMergeHint, cDelegationNeedsExhibition, cBoardHeader, cBoardInaugurated
    case cBoardNoTerm, cUnknownTerm, cSignatory, cNoPartners, cKindMember, cKindPartner, cBoardCounts
    case drProgram, drNoFolder, drOpen, drShared, drGroupCannot, drNobody, drMembers, drPersonal, drSpaceLow
    case drSpace, drData, drNoAccess, drAccess, drAccessBad, drAccessUntrusted, drDamaged, drCannotOpen
    case drBackup, drBackupOld, drNoBackup, drLocale, drLocaleNot, drNoTerminal, drTerminal, drTmux, cDeleted
    case acOwner, acUserEntry, acGroupEntry, acFolderGroup, acUnusable, acAnyoneElse, acNobodyElse, cMigrated
    case cMigrateNeedsDatabase, cPasswordInAddress, cDatabaseFolderOnly, cDatabaseRoles, cCopied, cCopyDamagedAudit
    case cCopyDiffers, cRepairSound, cRepairLost, cRepairReserved, cRepairDone, drInstalled, drGateOpen
    case drGateBad, drGroupHasMembers, drGroupEmpty, drProgramNotSetgid, drSharedOlderWay, drSiteNotOpened
    case cInitDone, cInitOffice, cInitBadOffice, cInitConfigUnwritable, cMergedMark, cArchivedMark, drProgramDatabase
    case drDatabase, drTLS, drLocalConnection, drNoTLS, drNoRoles, drPgpassOpen, drDirectWriter
}

/// Looks up the command line's texts in the table of a language, as `L10n.text` does the core's.
enum CLIText {
    static func table(_ lang: Lang) -> [CLIKey: String] { lang == .id ? CLIStringsID.table : CLIStringsEN.table }

    static func text(_ key: CLIKey, _ lang: Lang, _ args: CustomStringConvertible...) -> String {
        text(key, lang, arguments: args)
    }

    static func text(_ key: CLIKey, _ lang: Lang, arguments args: [CustomStringConvertible]) -> String {
        Template.fill(table(lang)[key] ?? CLIStringsEN.table[key] ?? key.rawValue, args)
    }
}
