import KriyaCore
import KriyaText
import QRCode
import TextUI

/// `Q` on an artisan: their card's QR code on screen, large and black on white, so they can
/// photograph it and show it at the door's scanner (no printed card needed).
public struct CodeScreen: Screen {
    public let artisan: EntityID

    init(artisan: EntityID) { self.artisan = artisan }

    public var kind: ScreenKind { .code }

    public func bindings(_ shared: Shared) -> [Binding] {
        [Binding([.escape, .enter, .char("q")], .back, help: .uiHelpBackToList, bar: .uiKeyBack, barKeys: "Esc")]
    }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        action == .back ? .pop(.closed) : .stay
    }

    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        guard let a = shared.data.artisans[artisan], let code = QRCode(artisan.description) else { return }
        let lines = code.halfBlocks()
        let width = lines.first.map(DisplayWidth.of) ?? 0
        let x = area.x + max(0, (area.width - width) / 2)
        let heading = TerminalSafe.text("\(artisan)  \(a.name) · \(a.business)")
        grid.put(heading, x: area.x + max(0, (area.width - DisplayWidth.of(heading)) / 2), y: area.y, role: .header, limit: area.width)
        for (i, line) in lines.enumerated() where i + 2 < area.height {
            grid.put(line, x: x, y: area.y + 2 + i, role: .code, limit: area.width - (x - area.x))
        }
        let hint = shared.t(.uiCodeHint)
        grid.put(hint, x: area.x + max(0, (area.width - DisplayWidth.of(hint)) / 2), y: area.y + min(area.height - 1, lines.count + 3),
                 role: .muted, limit: area.width)
    }

    /// Data changed elsewhere: nothing to redo. Shows one artisan's code, looked up by id when drawn.
    public mutating func dataChanged(_ shared: Shared) {}
}
