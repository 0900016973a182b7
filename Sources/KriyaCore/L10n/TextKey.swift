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
    // Details and lists (the console's and the command line's).
    case cBimtekHistory, cExhibitionHistory
    case cNone
    case cDaysUntil, cOngoing, cPast, cLoadWarnings
    case cStoreOpenFailed
    case cEnrolledOfCapacity, cAttendanceRate, cMarksLegend
    case cWhen, cPeople, cConflictFlag
    // Import and export.
    case iRead, iConverted, iColumns, iIgnored, iMissing, iSummaryDry, iSummaryDone, iBadRow, iLine, iSkipped, iUpdate, iRepeat, iBadFile, iEmpty, iUnclosedQuote, iWorkbook, iUnknownEncoding, iUnreadable, iMapMalformed, iMapNoColumn, iMapNoField, iConflict, xProblem
    // Reports.
    case rAsOf, rTotal, rTopCategories, rSignature, rMissing, rNoSignature, rArtisansPerKecamatan, rSignatureRule, rAllHaveSignature, rWithoutSignature, rCoverageTitle, rCoverageMatrix, rEmptyCells, rTopAndSignature, rYear, rSessions, rParticipantsPerTopic, rArtisans, rNeverTrained, rShare, rTrainingTitle, rPerYear, rAttendanceRule, rPerTopic, rNeverTrainedByKecamatan, rNeverTrainedShare, rValid, rExpired, rExpiringSoon, rArtisansPerKind, rNumber, rValidUntil, rDaysLeft, rCertificationTitle, rPerKind, rExpiringList, rNoneExpiring, rExhibition, rExhibitions, rSalesPerCategory, rChange, rSalesPerYear, rExhibitionsTitle, rPerExhibition, rAcceptedOnly, rPerLevel, rPerCategory, rYearOverYear
    // Store warnings: a change saved, but something after it failed; the data's disk.
    case wNetworkFileSystem, wAuditNotWritten, wCompactionFailed, wImportUndoNotNoted, wFolderNotSynced, wConverted, wAuditCaughtUp
    case vHistoryTitle, vHistoryNone
    case fGraceMinutes, fCertificateMinDays
    case eAlreadyCheckedIn
    case cSalesSummary, cSalesTotals
    case fRequiredCertifications
    case cTomorrow
    case iHeadingRow
    case iBadFileWill
    case iForeignID
    case iExtraPhones
    case pUnknownKelurahanNear
    case eAddedMeanwhile
    case uUndoWhat, uUndoWould, uUndoDone, uUndoKeptChanged, uUndoKeptTaking
    case pControl
    case eDayNotBegun, eOnWaitlist, eDuplicate, eBoothTaken, eFairNotBegun, eImplausibleSales
    // A door brought back (DoorSyncNote).
    case cNotAtTheDoor, fDoors, cDoorOut, cDoorBack
    // What is on today (TodaySummary).
    case waInvitation, waReminder, waPageTitle, waPageHelp, waApart, waSend, waSent
    case tdDoorOpen, tdDoorClosed, tdDayNotClosed, tdCertificates, tdUnderEnrolled, tdExpiring, tdDoorOut
    case dsRegistered, dsSameAsOffice, dsEarlierKept, dsWithdrawnMarked, dsDayGone, dsOfficeKept, dsCertificateKept, dsSessionGone
    // A saved change in words (ChangeWords).
    case chOnWaitlist, chEnrolled, chMovedUp, chEnrolledAtDoor, chMarkCleared, chDayClosed, chNoCertificatesDue
    case dParticipantsTitle, dDelegationTitle, dCertificateTitle, dCertificateNumber, dCertificateGiven, dCertificateWhat, dCertificateWith, dNoCertificates
    case dCardsTitle, dAttendanceTitle, dActivity, dDayDate, dDayOf, dSignature, dAcknowledged, dWritten
    case eAlreadyMerged, fMergedInto, chMerged
    case fExhibition, fMissingCertifications, fCurationNote, cLacksRequired, cCurationNotes, iCellValue, pOutOfRange, fArchived, cEnrolledNoCapacity, cEnrolledOverCapacity, cWaitlistCount, cSpeakerCount, cCommitteeCount
    case chCertificatesIssued, chBooth, chTransactions, chLeads, chImported
    case eTermHasMembers, eLinkedToBoard, eNamedBy, fTerm, fPosition, fBidang, fFrom, fUntil, fInaugurated, fDecree, fContact, fPeople, fPartners, fSessionKind, fCertificates, fBoardMember, fTaught, cBoardCurrent, cLeftOn, cJoinedOn, cTaughtCount
    case cYes, cNo, cBoardOfTerm, cSessionsWithPartner, cExhibitionsWithPartner, cSessionsTaught, cSeatLine
    case rPartnersTitle, rBoardTitle, rPerPartnerYear, rTraining, rOutreach, rCertificates, rNoPartner, rExhibitionsPerPartner, rAccepted, rPartnerRule, rBoardTaught, rPerTerm, rMembersLeft, rMembersTaught, rReached, rLastTaught, rNoBoard
    case eNoCertificates
    case rParticipantsPerPartner, rTaughtPerMember
    case fPartnerOther, fArtisanRecord
    case cForbidden
    case chkSetAside, chkNoLookupIndex
    case cDatabaseNotSetUp, cDatabaseOlder
    case cCopyTargetNotEmpty
    case cDatabaseFailed
    case cForbiddenDatabase
    case cRefusedByDatabase
    case cRolesByOwnerOnly
    case chkUnaudited
    case chkFailedSave
    case cNotListed
    case eDayPast, eDayClosed, eReasonRequired, eReasonRequiredClosed, eSessionFull, fClosedDays, fNameAndPlace, fNameAndBusiness
}
