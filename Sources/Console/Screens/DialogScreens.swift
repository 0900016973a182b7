import KriyaCore
import KriyaText
import TextUI

/// A yes/no question in a box over the screen that asked: always drawn, answered only by
/// y or n (Esc is no); other keys leave it waiting, so none is taken by surprise.
public struct ConfirmScreen: Screen {
    let question: Question
    let dialog: Dialog

    public var kind: ScreenKind { .confirm }
    public var isOverlay: Bool { true }

    public func bindings(_ shared: Shared) -> [Binding] {
        var out = [Binding([.char("y"), .char("Y")], .yes, help: .uiHelpYes, bar: .uiKeyYes),
                   Binding([.char("n"), .char("N"), .escape], .no, help: .uiHelpNo, bar: .uiKeyNo)]
        if case .duplicate = question { out.append(Binding([.char("a"), .char("A")], .anyway, help: .uiHelpAnyway, bar: .uiKeyAnyway)) }
        return out + [Binding.otherKeys(.type, help: .uiHelpOtherAnswer)]
    }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        action == .anyway ? .pop(.anyway(question)) : .pop(.answered(question, yes: action == .yes))
    }

    public mutating func type(_ key: Key, _ shared: inout Shared) -> Step {
        shared.message = shared.t(.uiAnswerYesNo)
        return .stay
    }

    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        dialog.render(into: &grid, area: area)
    }

    /// Data changed elsewhere: nothing to redo. A question holds its command with ids and revisions; the store refuses it when the record changed meanwhile.
    public mutating func dataChanged(_ shared: Shared) {}
}

/// One line to type over the last row of the screen that asked (a booth number): Enter hands
/// the text down, Esc leaves things as they were. Until the first key it holds the current
/// value, which typing replaces.
public struct PromptScreen: Screen {
    let prompt: Prompt
    let label: String
    var input: TextField
    var untouched = true

    init(_ prompt: Prompt, label: String, value: String, maxLength: Int = 12) {
        self.prompt = prompt
        self.label = label
        input = TextField(value, maxLength: maxLength)
    }

    public var kind: ScreenKind { .prompt }
    public var isOverlay: Bool { true }

    public func bindings(_ shared: Shared) -> [Binding] {
        [Binding([.enter], .save, help: .uiHelpPromptSave, bar: .uiKeySave),
         Binding([.escape], .cancel, help: .uiHelpPromptCancel, bar: .uiKeyCancel)]
            .typing(into: .uiHelpTypeAnswer)
    }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        action == .save ? .pop(.typed(prompt, input.text)) : .pop(.closed)
    }

    public mutating func type(_ key: Key, _ shared: inout Shared) -> Step {
        if untouched, case .char = key { input = TextField("", maxLength: input.maxLength) }
        untouched = false
        return input.handle(key) ? .stay : .ignored
    }

    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        input.render(into: &grid, x: area.x, y: area.y + area.height - 1, width: area.width, prompt: " " + label)
    }

    /// Data changed elsewhere: nothing to redo. A prompt holds ids only; what it saves is checked by the store.
    public mutating func dataChanged(_ shared: Shared) {}
}
