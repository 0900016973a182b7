/// Every user-visible string of the console has a key here and a text in each language's
/// table (`UIStringsEN`, `UIStringsID`). The domain's own words (field names, problems,
/// report titles) stay in the core's `TextKey`.
public enum UIKey: String, CaseIterable, Sendable {
    case uiPaneReports, uiPaneArtisans, uiPaneSessions, uiPaneExhibitions, uiTooSmall, uiCount
    case uiSearchPrompt, uiKeyHelp, uiKeySearch, uiKeyOpen, uiKeyQuit, uiKeyPane
    case uiHelpTitle, uiHelpMove, uiHelpPage, uiHelpEnds, uiHelpSwitch, uiHelpSearch
    case uiHelpOpen, uiHelpBack, uiHelpRedraw, uiHelpSuspend, uiHelpQuit, uiHelpClose
    case uiEmpty, uiNoMatch, uiUpdated, uiKeyMenu, uiKeyFilter, uiHelpMenu
    case uiHelpFilter, uiHelpSort, uiMenuFilter, uiMenuSortNext, uiMenuSortReverse, uiMenuClearFilters
    case uiFilterTitle, uiAll, uiFilterCertification, uiConfirmQuit, uiKeyEnrol, uiKeyChoose
    case uiHelpEnrol, uiPickerTitle, uiPickerEnrolled, uiEnrolledAs, uiDraftRestored, uiDraftWaiting
    case uiHelpEdit, uiFormEdit, uiHelpNew, uiKeyNew, uiFormNewArtisan, uiFormNotSaved
    case uiFormDiscard, uiFormSaved, uiKeySave, uiKeyNext, uiKeyCancel, uiHintPhone
    case uiHintKelurahan, uiHintCategory, uiHintKecamatan, uiHintDate, uiNotAtTheDoor, uiHelpTodayScreen, uiHelpTodayOpen, uiHelpTodayMove, uiHelpTodayClose, uiHelpTodayOther, uiKeyTodayDoor, uiKeyTodayLists, uiTodayTitle, uiTodayHeading, uiTodaySessions, uiTodayNone, uiTodayExhibitions, uiTodayComing, uiTodayDue, uiTodayNothingDue, uiTodayDayOf, uiTodayUntil, uiDoorsOut, uiDoorTitle, uiKeysTyping, uiKeysOther, uiHelpTextMove, uiHelpTextEnds, uiHelpTextDelete, uiHelpTextCut, uiHelpTypeSearch, uiHelpTypeField, uiHelpTypePath, uiHelpTypeAnswer, uiHelpTypeCell, uiHelpOtherAnswer, uiHelpOtherClose, uiHelpAltMenu, uiHelpCheckInNumber, uiHelpChoiceFilter, uiHintHandle, uiHintLink, uiHelpImport, uiImportPrompt
    case uiImportTitle, uiImportConfirm, uiImportNothing, uiHelpUndo, uiHelpRemove, uiArchiveTitle
    case uiArchiveText, uiDeleteTitle, uiDeleteText, uiConfirmKeys, uiArchived, uiDeleted
    case uiUndone, uiNothingToUndo, uiUndoRefused, uiHelpMore, uiConflictTitle, uiConflictHelp
    case uiConflictField, uiConflictTheirs, uiConflictMine, uiConflictTaken, uiConflictNone, uiConflictBack
    case uiKeyTheirs, uiKeyMine, uiConflictKept, uiHelpHistory, uiFormNewSession, uiHintTopic
    case uiHintPartner, uiHintList, uiHintEnd, uiHintMeetingDays, uiHintTime, uiHintGrace
    case uiHintFunding, uiHintCertificateDays, uiFormNewExhibition, uiHintExhibitionName, uiHintCountry, uiHintMoney
    case uiPickerProposeTitle, uiPickerProposed, uiProposedFor, uiFormSales, uiParticipantSaved, uiHelpParticipants
    case uiParticipantsExhibition, uiParticipantsNone, uiBoothPrompt, uiKeyWithdraw, uiKeyAccept
    case uiKeyReject, uiKeyBooth, uiKeySales, uiKeyBack, uiKeyAdd, uiKeyUndo
    case uiColumnLeads, uiColumnProduct, uiColumnPrice, uiColumnNumber, uiColumnValidUntil, uiColumnIssued
    case uiHintList2, uiListKeys, uiCheckInEnrolAsk, uiCheckInCloseAsk, uiCheckedIn, uiAlreadyIn
    case uiHelpCheckIn, uiKeyPresent, uiKeyExcused, uiKeyAbsent, uiKeyCloseDay, uiKeyWalkIn
    case uiCheckInTitle, uiCheckInLateAfter, uiCheckInPresent, uiCheckInCounts, uiCheckInEligible, uiCheckInSearch
    case uiCheckInNotEnrolled, uiCheckInNobody, uiScheduleNone, uiHelpSchedule, uiScheduleTitle, uiKeyDayMove
    case uiKeyWeek, uiKeyMonth, uiKeyToday, uiSalesTitle, uiSalesTotal, uiSalesNobody
    case uiSalesSaved, uiKeyGrid, uiKeyDown, uiKeySaveBack, uiCertificateDue, uiMenuData
    case uiMenuView, uiMenuEvents, uiMenuHelp, uiFormWalkIn, uiHintMultiChoice, uiRequires
    case uiLacks, uiCheckInTypeFirst, uiImportReading, uiImportSaving, uiSalesUnread, uiImportConfirmUpdate
    case uiImportConfirmSkip, uiImportNothingSkip, uiImportMore, uiUndoImportTitle, uiUndoImportText, uiImportTakenBack
    case uiImportTakingBack, uiNoFileStarts
    case uiAnswerYesNo, uiCheckInEnrolTitle, uiDraftRecordGone, uiHelpAbsent, uiHelpAccept, uiHelpBackToList
    case uiHelpBooth, uiHelpCertificates, uiHelpCheckInBack, uiHelpClearSearch, uiHelpCloseDay, uiHelpConfirmQuit
    case uiHelpConflictBack, uiHelpConflictChoose, uiHelpConflictMine, uiHelpConflictSave, uiHelpConflictTheirs, uiHelpConflictToggle
    case uiHelpDay, uiHelpExcused, uiHelpFormCancel, uiHelpFormNext, uiHelpFormPrevious, uiHelpFormSave
    case uiHelpGridBack, uiHelpGridDown, uiHelpGridNext, uiHelpGridPrevious, uiHelpGridUp, uiHelpImportCancel
    case uiHelpImportComplete, uiHelpImportRead, uiHelpImportSave, uiHelpImportUpdates, uiHelpKeepSearch, uiHelpListAdd
    case uiHelpListDone, uiHelpListNext, uiHelpListRemove, uiHelpListUndo, uiHelpMenuChoose, uiHelpMenuClose
    case uiHelpListPrevious, uiHelpListRows, uiHelpListSave, uiHelpChoiceMove, uiHelpChoiceTake, uiHelpMultiMove, uiHelpMultiToggle, uiHelpMultiJump, uiHelpMultiClear
    case uiHelpMenuNext, uiHelpMonth, uiHelpNo, uiHelpPickerBack, uiHelpPickerEnrol, uiHelpPickerPropose
    case uiHelpPresent, uiHelpPromptCancel, uiHelpPromptSave, uiHelpPropose, uiHelpProposeAgain, uiHelpReject
    case uiHelpSales, uiHelpSalesGrid, uiHelpScheduleOpen, uiHelpToday, uiHelpWalkIn, uiHelpWeek
    case uiHelpWithdraw, uiHelpYes, uiKeyCertificates, uiKeyComplete, uiKeyDone, uiKeyEdit
    case uiKeyMenuNext, uiKeyNo, uiKeyNotHere, uiKeyRemoveRow, uiKeyUpdates, uiKeyYes
    case uiNotHere
    case uiCheckInAmbiguous, uiCheckInMarkNotEnrolled, uiCheckInMarkWaitlisted, uiCheckInNotBegun, uiCheckInWaitlistAsk
    case uiCheckInWaitlistTitle
    case uiDuplicateCheckIn, uiDuplicateOpen, uiDuplicateText, uiDuplicateTitle, uiHelpAnyway, uiKeyAnyway
    case uiCorrectClear, uiCorrectDayTitle, uiCorrectMarkTitle, uiCorrectNoDay, uiHelpCorrect, uiKeyCorrect
    case uiReasonPrompt, uiWithdrawCertificate, uiWithdrawExhibition, uiWithdrawSession, uiWithdrawTitle
    case uiColumnTransactions, uiCurationProposed, uiCurationAccepted, uiCurationRejected, uiCurationWithdrawn
    case uiEnrolInTitle, uiEnrolNoSession
    case uiRejectReasonPrompt
    case uiExcusedReasonPrompt
    case uiConfirmKeysAnyway
    case uiCloseDayTitle
    case uiMergeNone, uiMergeSameName, uiMergeSame, uiMergeTitle, uiMergeAskTitle, uiMergeAsk, uiHelpMerge
    case uiSameNameSaved
    case uiLargeSalesTitle, uiLargeSalesAsk
    case uiEnrolFull
    case uiScannedIn
    case uiHelpPrintSheet
    case uiHelpCode, uiCodeHint
    case uiHelpPrintReport
    case uiPrintSheet, uiPrintCertificates, uiPrintTitle, uiHelpPrintSession, uiHelpPrintDelegation
    case uiPaneOrganisation, uiNewWhatTitle, uiNewMember, uiNewPartner, uiNewTerm, uiFormNewMember, uiFormNewPartner, uiFormNewTerm, uiColumnRole, uiColumnDetail, uiNoBoard, uiPartnersHeading, uiHelpPickTrainer, uiKeyPick, uiHintTrainers, uiHintPartners, uiHintPartnerText, uiTrainerPickerTitle, uiTrainerAdded, uiPickerBoard, uiPickerArtisan, uiHelpPickerPick, uiHintTermName, uiHintArtisanID, uiHintFrom, uiHintUntil, uiHintPosition, uiHintBidang, uiHintPeople, uiHintDecree, uiDeleteCouncilText, uiFilterKindAll
    case uiDeletedRecord
    case uiHintCertificates
    case uiTermShown, uiTermCurrentMark
    case uiNeedsRole
    case uiSuspendOff
    case uiLoading, uiLoadingByName, uiLoadingWaiting, uiLoadingMore
    case uiDataUnreachable, uiDataBack
    case uiCheckInPastCapacity, uiCheckInDayPast, uiCheckInDayClosed, uiCorrectionReasonPrompt, uiRecordGone, uiSamePersonTitle, uiSamePersonText, uiKeyCheckIn
}
