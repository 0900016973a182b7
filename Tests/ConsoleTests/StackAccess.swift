@testable import Console
import TextUI

/// Short ways for tests to look at the screens on the stack.
extension ConsoleState {
    var form: Form? { screen(FormScreen.self)?.form }
    var formSubject: FormSubject? { screen(FormScreen.self)?.subject }
    var checkIn: CheckInScreen? { screen(CheckInScreen.self) }
    var schedule: ScheduleScreen? { screen(ScheduleScreen.self) }
    var picker: PickerScreen? { screen(PickerScreen.self) }
    var conflict: ConflictScreen? { screen(ConflictScreen.self) }
    var participants: ParticipantsScreen? { screen(ParticipantsScreen.self) }
    /// The bar menu open on top, if any.
    var menuGroup: Int? { (top as? MenuScreen)?.barGroup }
    var menu: Menu? { (top as? MenuScreen)?.menu }
}
