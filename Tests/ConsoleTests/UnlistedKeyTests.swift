import Testing
@testable import Console
@testable import KriyaCore
import TextUI

/// Issue 32, finding 1: the keys a screen lists are the keys that act there. Every screen of
/// the walk, in every widget state it reaches: a key its bindings do not list leaves the
/// screen, the stack and the effect as they were.
@Suite struct UnlistedKeyTests {
    static let universe: [Key] = (1...12).map { Key.f($0) }
        + [.enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown]
        + "abdefghijklnopqrstuvwxy".map { Key.ctrl($0) } + "fx".map { Key.alt($0) }
        + ["x", "Q", "1", " ", "?", "é"].map { Key.char($0) }

    @Test func aKeyNotListedDoesNothing() throws {
        var failures: [String] = []
        for (name, state) in try ScreenWalkTests.screens() {
            let before = ScreenWalkTests.look(state, nil)
            for key in Self.universe where state.bindings.match(key) == nil {
                var after = state
                let effect = after.update(key)
                if ScreenWalkTests.look(after, effect) != before { failures.append("\(name): \(key.label)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) unlisted keys act: \(failures.joined(separator: ", "))")
    }
}
