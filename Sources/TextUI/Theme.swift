/// Colours and attributes for each role (read from a theme file by ThemeFiles).
/// Every role has an 8-colour value; 256-colour values are used where the terminal has them.
public struct Theme: Equatable, Sendable {
    public enum Color: Equatable, Sendable {
        case terminalDefault, black, red, green, yellow, blue, magenta, cyan, white
        public var index: Int16 {
            switch self {
            case .terminalDefault: return -1
            case .black: return 0
            case .red: return 1
            case .green: return 2
            case .yellow: return 3
            case .blue: return 4
            case .magenta: return 5
            case .cyan: return 6
            case .white: return 7
            }
        }
        public static let names: [String: Color] = ["default": .terminalDefault, "black": .black, "red": .red, "green": .green,
                                            "yellow": .yellow, "blue": .blue, "magenta": .magenta, "cyan": .cyan, "white": .white]
    }

    public struct Style: Equatable, Sendable {
        public var fg: Color = .terminalDefault
        public var bg: Color = .terminalDefault
        public var fg256: Int16?
        public var bg256: Int16?
        public var bold = false, dim = false, reverse = false, underline = false
        public init() {}
    }

    public var name: String
    public var styles: [Role: Style]

    public func style(_ role: Role) -> Style { styles[role] ?? Style() }

    /// True when some role asks for 256 colours and has no 8-colour value to fall back on.
    public var uses256Colors: Bool { styles.values.contains { $0.fg256 != nil || $0.bg256 != nil } }

    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
    }
}

public struct ThemeError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var problem: String
    public var description: String { "\(file): \(problem)" }

    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }
}
