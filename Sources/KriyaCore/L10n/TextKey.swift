/// Every user-visible string has a key here and a text in each language's table.
public enum TextKey: String, CaseIterable, Sendable {
    // Validation problems.
    case pRequired, pTooLong, pPhoneNotNumber, pPhoneNotMobile, pPhoneLength, pDigits
    case pUnknownKelurahan, pUnknownKecamatan, pUnknownCategory, pInvalidDate, pInvalidTime
    case pInvalidMoney, pInvalidNumber, pInvalidEmail, pInvalidChoice, pEndBeforeStart
    case pDayOutsideRange, pNotPositive, pNegative, pUnknownReference, pDuplicate
    case pKelurahanElsewhere, pRoundedNumber
    // Command errors.
    case eNotFound, eConflict, eAlreadyEnrolled, eNotEnrolled, eNotAMeetingDay, eReferenced, eHasParticipants, eInvalid
    // Field names, as shown beside errors and in details.
    case fName, fGender, fPhone, fEmail, fAddress, fKelurahan, fKecamatan, fBusiness, fBrand
    case fNIB, fCategory, fKBLI, fScale, fWorkers, fProducts, fCertifications, fMemberSince
    case fNotes, fNIK, fTitle, fTopic, fOrganiser, fPartner, fTrainers, fVenue
    case fMeetingDays, fFunding, fStatus, fLevel, fCity, fBoothCost
    case fPayer, fParticipants, fDates, fID, fKind, fDays, fBooth, fSales, fCuration
    case fEnrolled, fAttendance, fCertificate, fRole, fTransactions
    case fStart, fEnd, fCapacity, fCountry, fAccepted, fLeads, fTime, fRecordedBy, fSession, fArtisan, fDay
    // CLI output.
    case cNoMatches, cShownOfTotal, cInvalidInput, cBimtekHistory, cExhibitionHistory
    case cNone, cAgendaHeader, cConflictsHeader, cConflictLine, cNoEvents, cCheckOK
    case cCheckProblems, cBackupWritten, cDemoWritten, cDemoRefused, cUnknownID
    case cDaysUntil, cToday, cOngoing, cPast, cLoadWarnings
    case cStoreNewer, cStoreOpenFailed, cUnknownKecamatanFilter, cUnknownCategoryFilter
    case cEnrolledOfCapacity, cAttendanceRate, cCompacted, cNoStore, cMarksLegend, cDataDirectory
    case cBackupBeforeDemo, cKindSession, cKindExhibition, cWhen, cPeople, cConflictFlag, cCounts
    // Import and export.
    case iRead, iConverted, iColumns, iIgnored, iMissing, iSummaryDry, iSummaryDone, iBadRow, iLine, iSkipped, iUnchanged, iUpdate, iRepeat, iDryRun, iRefusedBad, iBadFile, iSaved, iNothing, iEmpty, iUnclosedQuote, iWorkbook, iUnknownEncoding, iUnreadable, iMapMalformed, iMapNoColumn, iMapNoField, iProgress, iConflict, xWritten, xProblem
    // Reports.
    case rAsOf, rTotal, rTopCategories, rSignature, rMissing, rNoSignature, rArtisansPerKecamatan, rSignatureRule, rAllHaveSignature, rWithoutSignature, rCoverageTitle, rCoverageMatrix, rEmptyCells, rTopAndSignature, rYear, rSessions, rParticipantsPerTopic, rArtisans, rNeverTrained, rShare, rTrainingTitle, rPerYear, rAttendanceRule, rPerTopic, rNeverTrainedByKecamatan, rNeverTrainedShare, rValid, rExpired, rExpiringSoon, rArtisansPerKind, rNumber, rValidUntil, rDaysLeft, rCertificationTitle, rPerKind, rExpiringList, rNoneExpiring, rExhibition, rExhibitions, rSalesPerCategory, rChange, rSalesPerYear, rExhibitionsTitle, rPerExhibition, rAcceptedOnly, rPerLevel, rPerCategory, rYearOverYear, rUnknown
    // Console.
    case uiPaneReports, uiPaneArtisans, uiPaneSessions, uiPaneExhibitions, uiTooSmall, uiCount, uiSearchPrompt, uiKeyHelp, uiKeySearch, uiKeyOpen, uiKeyQuit, uiKeyPane, uiHelpTitle, uiHelpMove, uiHelpPage, uiHelpEnds, uiHelpSwitch, uiHelpSearch, uiHelpOpen, uiHelpBack, uiHelpRedraw, uiHelpSuspend, uiHelpQuit, uiHelpClose, uiEmpty, uiNoMatch, uiUpdated
    case uiKeyMenu, uiKeyFilter, uiHelpMenu, uiHelpFilter, uiHelpSort, uiMenuFilter, uiMenuSortNext, uiMenuSortReverse, uiMenuClearFilters, uiFilterTitle, uiAll, uiFilterCertification
    case uiConfirmQuit
    case uiKeyEnrol, uiKeyChoose
    case uiHelpEnrol, uiPickerTitle, uiPickerEnrolled, uiEnrolledAs
    case uiDraftRestored
    case uiDraftWaiting
    // Store warnings: a change saved, but something after it failed; the data's disk.
    case wNetworkFileSystem, wAuditNotWritten, wCompactionFailed, wImportUndoNotNoted, wFolderNotSynced, wConverted
    case uiHelpEdit, uiFormEdit
    case uiHelpNew, uiKeyNew, uiFormNewArtisan, uiFormNotSaved, uiFormDiscard, uiFormSaved, uiKeySave, uiKeyNext, uiKeyCancel, uiHintPhone, uiHintKelurahan, uiHintCategory, uiHintKecamatan, uiHintDate
    case uiHelpImport, uiImportPrompt, uiImportTitle, uiImportConfirm, uiImportNothing
    case uiHelpUndo, uiHelpRemove, uiArchiveTitle, uiArchiveText, uiDeleteTitle, uiDeleteText, uiConfirmKeys, uiArchived, uiDeleted, uiUndone, uiNothingToUndo, uiUndoRefused
    case uiHelpMore
    case uiConflictTitle, uiConflictHelp, uiConflictField, uiConflictTheirs, uiConflictMine, uiConflictTaken, uiConflictNone, uiConflictBack, uiKeyTheirs, uiKeyMine
    case uiConflictKept
    case uiHistoryTitle, uiHistoryNone, uiHelpHistory
    case fGraceMinutes, fCertificateMinDays, uiFormNewSession, uiHintTopic, uiHintPartner, uiHintList, uiHintEnd, uiHintMeetingDays, uiHintTime, uiHintGrace, uiHintFunding, uiHintCertificateDays
    case uiFormNewExhibition, uiHintExhibitionName, uiHintCountry, uiHintMoney
    case uiPickerProposeTitle, uiPickerProposed, uiProposedFor
    case uiFormSales, uiParticipantSaved, uiHelpParticipants, uiParticipantsSession, uiParticipantsExhibition, uiParticipantsNone, uiBoothPrompt, uiKeyWithdraw, uiKeyAccept, uiKeyReject, uiKeyBooth, uiKeySales, uiKeyBack, uiKeyAdd
    case uiKeyUndo
    case uiColumnLeads
    case uiColumnProduct, uiColumnPrice, uiColumnNumber, uiColumnValidUntil, uiColumnIssued, uiHintList2, uiListKeys
    case eAlreadyCheckedIn
    case uiCheckInEnrolAsk, uiCheckInCloseAsk, uiCheckedIn, uiAlreadyIn, uiHelpCheckIn
    case uiKeyPresent, uiKeyExcused, uiKeyAbsent, uiKeyCloseDay, uiKeyWalkIn
    case uiCheckInTitle, uiCheckInLateAfter, uiCheckInPresent, uiCheckInCounts, uiCheckInEligible, uiCheckInSearch, uiCheckInNotEnrolled, uiCheckInNobody
    case cNoSuchDay, cAttendanceCounts
    case uiScheduleNone, uiHelpSchedule
    case uiScheduleTitle
    case uiKeyDayMove, uiKeyWeek, uiKeyMonth, uiKeyToday
    case uiSalesTitle, uiSalesTotal, uiSalesNobody, uiSalesSaved, uiKeyGrid
    case uiKeyDown, uiKeySaveBack
    case cSalesSummary, cSalesTotals
    case uiCertificateDue
    case uiMenuData, uiMenuView, uiMenuEvents, uiMenuHelp
    case uiFormWalkIn
    case fRequiredCertifications, uiHintMultiChoice, uiRequires
    case uiLacks
    case uiCheckInTypeFirst
    case uiImportReading, uiImportSaving
    case uiSalesUnread
    case cTomorrow
    case iHeadingRow
    case uiImportConfirmUpdate, uiImportConfirmSkip, uiImportNothingSkip, iBadFileWill
    case iSkippedHint
    case iForeignID
    case iExtraPhones
    case pUnknownKelurahanNear
    case eAddedMeanwhile
    case uiImportMore
    case uUndoNone, uUndoWhat, uUndoWould, uUndoDone, uUndoKeptChanged, uUndoKeptTaking
    case uiUndoImportTitle, uiUndoImportText, uiImportTakenBack
    case uiImportTakingBack
    case pControl
    case uiNoFileStarts
}
