/// Every user-visible string has a key here and a text in each language's table.
public enum TextKey: String, CaseIterable, Sendable {
    // Validation problems.
    case pRequired, pTooLong, pPhoneNotNumber, pPhoneNotMobile, pPhoneLength, pDigits
    case pUnknownKelurahan, pUnknownKecamatan, pUnknownCategory, pInvalidDate, pInvalidTime
    case pInvalidMoney, pInvalidNumber, pInvalidEmail, pInvalidHandle, pInvalidLink, pInvalidChoice, pEndBeforeStart
    case pDayOutsideRange, pNotPositive, pNegative, pUnknownReference, pDuplicate
    case pKelurahanElsewhere, pRoundedNumber
    // Command errors.
    case eNotFound, eConflict, eAlreadyEnrolled, eNotEnrolled, eNotAMeetingDay, eReferenced, eHasParticipants, eInvalid
    // Field names, as shown beside errors and in details.
    case fName, fGender, fPhone, fEmail, fKelurahan, fKecamatan, fBusiness
    case fNIB, fCategory, fKBLI, fScale, fWorkers, fProducts, fCertifications, fMemberSince
    case fNotes, fNIK, fTitle, fTopic, fOrganiser, fPartner, fTrainers, fVenue
    case fMeetingDays, fFunding, fStatus, fLevel, fCity, fBoothCost
    case fPayer, fParticipants, fDates, fID, fKind, fDays, fBooth, fSales, fCuration
    case fEnrolled, fAttendance, fCertificate, fRole, fTransactions
    case fStart, fEnd, fCapacity, fCountry, fAccepted, fLeads, fTime, fRecordedBy, fSession, fArtisan, fDay
    // CLI output.
    case cNoMatches, cShownOfTotal, cInvalidInput, cSetNoField, cBimtekHistory, cExhibitionHistory
    case cNone, cAgendaHeader, cConflictsHeader, cConflictLine, cNoEvents, cCheckOK
    case cCheckProblems, cBackupWritten, cDemoWritten, cDemoRefused, cUnknownID
    case cDaysUntil, cToday, cOngoing, cPast, cLoadWarnings
    case cStoreNewer, cStoreOpenFailed, cUnknownKecamatanFilter, cUnknownCategoryFilter
    case cEnrolledOfCapacity, cAttendanceRate, cCompacted, cNoStore, cMarksLegend, cDataDirectory
    case cBackupBeforeDemo, cKindSession, cKindExhibition, cWhen, cPeople, cConflictFlag, cCounts
    // Import and export.
    case iRead, iConverted, iColumns, iIgnored, iMissing, iSummaryDry, iSummaryDone, iBadRow, iLine, iSkipped, iUpdate, iRepeat, iDryRun, iRefusedBad, iBadFile, iSaved, iNothing, iEmpty, iUnclosedQuote, iWorkbook, iUnknownEncoding, iUnreadable, iMapMalformed, iMapNoColumn, iMapNoField, iProgress, iConflict, xWritten, xProblem
    // Reports.
    case rAsOf, rTotal, rTopCategories, rSignature, rMissing, rNoSignature, rArtisansPerKecamatan, rSignatureRule, rAllHaveSignature, rWithoutSignature, rCoverageTitle, rCoverageMatrix, rEmptyCells, rTopAndSignature, rYear, rSessions, rParticipantsPerTopic, rArtisans, rNeverTrained, rShare, rTrainingTitle, rPerYear, rAttendanceRule, rPerTopic, rNeverTrainedByKecamatan, rNeverTrainedShare, rValid, rExpired, rExpiringSoon, rArtisansPerKind, rNumber, rValidUntil, rDaysLeft, rCertificationTitle, rPerKind, rExpiringList, rNoneExpiring, rExhibition, rExhibitions, rSalesPerCategory, rChange, rSalesPerYear, rExhibitionsTitle, rPerExhibition, rAcceptedOnly, rPerLevel, rPerCategory, rYearOverYear, rUnknown
    // Console.
    // Store warnings: a change saved, but something after it failed; the data's disk.
    case wNetworkFileSystem, wAuditNotWritten, wCompactionFailed, wImportUndoNotNoted, wFolderNotSynced, wConverted, wAuditCaughtUp
    case vHistoryTitle, vHistoryNone
    case fGraceMinutes, fCertificateMinDays
    case eAlreadyCheckedIn
    case cNoSuchDay, cAttendanceCounts
    case cSalesSummary, cSalesTotals
    case fRequiredCertifications
    case cTomorrow
    case iHeadingRow
    case iBadFileWill
    case iSkippedHint
    case iForeignID
    case iExtraPhones
    case pUnknownKelurahanNear
    case eAddedMeanwhile
    case uUndoNone, uUndoWhat, uUndoWould, uUndoDone, uUndoKeptChanged, uUndoKeptTaking
    case pControl
    case eDayNotBegun, eOnWaitlist, eDuplicate, eBoothTaken, eFairNotBegun, eImplausibleSales
    case cDuplicatesHeader, cDuplicateLine, cSameNameWarning, cMarkSet, cMarkCleared, cWithdrawnNote, cMarkNeeded, cMarkUnknown
    // A saved change in words (ChangeWords).
    case chOnWaitlist, chEnrolled, chMovedUp, chEnrolledAtDoor, chMarkCleared, chDayClosed, chNoCertificatesDue
    case dParticipantsTitle, dDelegationTitle, dCertificateTitle, dCertificateNumber, dCertificateGiven, dCertificateWhat, dCertificateWith, dNoCertificates
    case dCardsWhom, dCardsTitle, dAttendanceTitle, dActivity, dDayDate, dDayOf, dSignature, dAcknowledged, dWritten
    case eAlreadyMerged, fMergedInto, chMerged, cMergeDone, cDuplicatesMergeHint
    case cDelegationNeedsExhibition, fExhibition, fMissingCertifications, fCurationNote, cLacksRequired, cCurationNotes, iCellValue, pOutOfRange, fArchived, cEnrolledNoCapacity, cEnrolledOverCapacity, cWaitlistCount, cSpeakerCount, cCommitteeCount
    case chCertificatesIssued, chBooth, chTransactions, chLeads, chImported
    case eTermHasMembers, eLinkedToBoard, eNamedBy, fTerm, fPosition, fBidang, fFrom, fUntil, fInaugurated, fDecree, fContact, fPeople, fPartners, fSessionKind, fCertificates, fBoardMember, fTaught, cBoardHeader, cBoardInaugurated, cBoardCurrent, cBoardNoTerm, cUnknownTerm, cLeftOn, cJoinedOn, cTaughtCount, cSignatory, cNoPartners, cKindMember, cKindPartner, cBoardCounts
    case cYes, cNo, cBoardOfTerm, cSessionsWithPartner, cExhibitionsWithPartner, cSessionsTaught, cSeatLine
    case rPartnersTitle, rBoardTitle, rPerPartnerYear, rTraining, rOutreach, rCertificates, rNoPartner, rExhibitionsPerPartner, rAccepted, rPartnerRule, rBoardTaught, rPerTerm, rMembersLeft, rMembersTaught, rReached, rLastTaught, rNoBoard
    case eNoCertificates
    case rParticipantsPerPartner, rTaughtPerMember
    case fPartnerOther, fArtisanRecord
    case cForbidden
    case drProgram, drNoFolder, drOpen, drShared, drGroupCannot, drNobody, drMembers, drPersonal, drSpaceLow, drSpace, drData, drNoAccess, drAccess, drAccessBad, drAccessUntrusted, drDamaged, drCannotOpen, drBackup, drBackupOld, drNoBackup, drLocale, drLocaleNot, drNoTerminal, drTerminal, drTmux
    case cDeleted
    case acOwner, acUserEntry, acGroupEntry, acFolderGroup, acUnusable, acAnyoneElse, acNobodyElse
    case chkSetAside, chkNoLookupIndex
    case cMigrated, cMigrateNeedsDatabase, cPasswordInAddress
    case cDatabaseNotSetUp, cDatabaseOlder, cDatabaseFolderOnly, cDatabaseRoles
    case cCopyTargetNotEmpty, cCopied, cCopyDamagedAudit, cCopyDiffers
    case cDatabaseFailed
    case cForbiddenDatabase
    case cRefusedByDatabase
    case cRolesByOwnerOnly
    case chkUnaudited
    case chkFailedSave
    case cRepairSound, cRepairLost, cRepairReserved, cRepairDone
    case cNotListed, drInstalled, drGateOpen, drGateBad, drGroupHasMembers, drGroupEmpty, drProgramNotSetgid, drSharedOlderWay, drSiteNotOpened
    case cInitDone, cInitOffice, cInitBadOffice, cInitConfigUnwritable
    case eDayPast, eDayClosed, eReasonRequired, eReasonRequiredClosed, eSessionFull, fClosedDays, cMergedMark, cArchivedMark, fNameAndPlace, fNameAndBusiness
    case drProgramDatabase, drDatabase, drTLS, drLocalConnection, drNoTLS, drNoRoles, drPgpassOpen, drDirectWriter
}
