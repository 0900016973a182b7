import KriyaCore
import TextUI

/// The console as a value: the shared state, the main screen (the panes) at the bottom and
/// the screens opened over it. `update` hands a key to the top screen and returns the effect
/// the loop must run; `deliver` hands that effect's outcome back; `render` draws the frame and
/// the screens, bottom up from the last one that covers the body.
@dynamicMemberLookup
public struct ConsoleState {
    public typealias Pane = Console.Pane
    public var shared: Shared
    /// The lists of the four panes: always at the bottom of the stack.
    public var browse: BrowseScreen
    /// The screens opened over the lists, top last.
    public internal(set) var stack: [any Screen] = []
    public var quit = false

    /// - Parameter index: the artisans' search index when it is already made (`Store.takeSearchIndex`).
    public init(data: Dataset, lang: Lang, today: CivilDate, dataPath: String, user: String, index: SearchIndex? = nil) {
        shared = Shared(data: data, lang: lang, today: today, dataPath: dataPath, user: user, index: index)
        browse = BrowseScreen(shared)
    }

    public subscript<T>(dynamicMember path: WritableKeyPath<Shared, T>) -> T {
        get { shared[keyPath: path] }
        set { shared[keyPath: path] = newValue }
    }

    public subscript<T>(dynamicMember path: WritableKeyPath<BrowseScreen, T>) -> T {
        get { browse[keyPath: path] }
        set { browse[keyPath: path] = newValue }
    }

    public var top: any Screen { stack.last ?? browse }
    public var topKind: ScreenKind { top.kind }

    /// The top screen's bindings, then the ones every screen has.
    public var bindings: [Binding] {
        (top.bindings(shared) + Binding.common).limited(to: shared.role).limited(atTheDoor: shared.doorTitle != nil)
    }

    /// The terminal's size, for the layout update pages by.
    public mutating func resize(width: Int, height: Int) {
        shared.layout = Layout(width: width, height: height)
    }

    /// Applies one key; returns the work the loop must do for it, if any.
    public mutating func update(_ key: Key) -> Effect? {
        shared.message = nil
        let confirming = shared.quitPending
        shared.quitPending = false
        if key == .ctrl("c") {
            if confirming { quit = true } else { _ = ask(.confirmQuit) }
            return nil
        }
        let bindings = self.bindings
        if let (binding, _) = bindings.match(key), binding.anyKey != nil, top.passesOtherKeys, !stack.isEmpty {
            // Closes, and the key acts on the screen below.
            stack.removeLast()
            return update(key)
        }
        if let (binding, action) = bindings.match(key) {
            guard binding.enabled else {
                shared.message = binding.needs.map { shared.t(.uiNeedsRole, key.label, L10n.value($0, shared.lang), L10n.value(shared.role, shared.lang)) }
                    ?? (binding.officeOnly ? shared.t(.uiNotAtTheDoor, key.label) : shared.t(.uiKeyNotHere, key.label))
                return nil
            }
            if let effect = ask(action) { return effect }
            if action == .type { return apply(onTop { screen, shared in screen.type(key, &shared) }) }
            return apply(onTop { screen, shared in screen.perform(action, key: key, &shared) })
        }
        // A key no binding lists does nothing: the help lists exactly the keys that act.
        return nil
    }

    /// The actions every screen shares; nil when the screen must do it.
    private mutating func ask(_ action: Action) -> Effect?? {
        switch action {
        case .help:
            // F1 on the help itself closes it.
            if top is HelpScreen { stack.removeLast() } else { stack.append(HelpScreen(of: top, shared)) }
        case .redraw: return .some(.redraw)
        case .suspend:
            guard shared.allowSuspend else { shared.message = shared.t(.uiSuspendOff); return .some(nil) }
            return .some(.suspend)
        case .quit: quit = true
        case .confirmQuit:
            shared.quitPending = true
            shared.message = shared.t(.uiConfirmQuit)
        default: return nil
        }
        return .some(nil)
    }

    /// Hands an effect's outcome to the top screen (the one that asked: nothing else changes
    /// the stack meanwhile); returns the next effect, if the outcome asks for one.
    public mutating func deliver(_ msg: Msg) -> Effect? {
        apply(onTop { screen, shared in screen.receive(msg, &shared) })
    }

    /// Opens a screen over the others (a restored draft's form).
    public mutating func push(_ screen: any Screen) { stack.append(screen) }

    private mutating func onTop(_ body: (inout any Screen, inout Shared) -> Step) -> Step {
        if stack.isEmpty {
            var screen: any Screen = browse
            let step = body(&screen, &shared)
            browse = screen as! BrowseScreen
            return step
        }
        return body(&stack[stack.count - 1], &shared)
    }

    private mutating func apply(_ step: Step) -> Effect? {
        switch step {
        case .stay, .ignored: return nil
        case .push(let screen): stack.append(screen)
        case .replace(let screen): if stack.isEmpty { stack.append(screen) } else { stack[stack.count - 1] = screen }
        case .run(let effect): return effect
        case .quit: quit = true
        case .pop(let outcome):
            guard !stack.isEmpty else { return nil }
            stack.removeLast()
            // A menu item the shell does (help, quit, redraw) is done here, for any screen below.
            if case .action(let action) = outcome, let done = ask(action) { return done }
            return apply(onTop { screen, shared in screen.resume(outcome, &shared) })
        }
        return nil
    }

    /// New data from the store (another staff member saved, or this console): every screen
    /// keeps its selection on the same record when it is still there.
    public mutating func replaceData(_ newData: Dataset) {
        let keep = browse.selectedIDs(shared)
        shared.take(newData)
        browse.reload(shared, keeping: keep)
        for i in stack.indices { stack[i].dataChanged(shared) }
    }

    /// The screen of a kind that is open, the nearest the top first.
    public func screen<S: Screen>(_ type: S.Type) -> S? {
        stack.reversed().lazy.compactMap { $0 as? S }.first ?? (browse as? S)
    }
}

extension ConsoleState {
    /// The selected record of a pane.
    public func selectedID(_ pane: Pane) -> EntityID? { browse.selectedID(pane, shared) }

    /// The report under the selection on the reports pane.
    public var selectedReport: ReportName? { browse.selectedReport(shared) }

    /// Lists a pane again from its query and filters.
    public mutating func refilter(_ pane: Pane) { browse.refilter(pane, shared) }
}
