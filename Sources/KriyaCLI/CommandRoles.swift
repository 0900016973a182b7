import KriyaCore

/// The least role each command line needs (issue 17), by its path. The store checks every
/// change itself, whatever the door; this is what `kriya access --commands` shows, and a test
/// fails when a command is added without saying here who may run it. `attendance` reads by
/// default and needs a clerk to correct a mark (`--mark`); `demo` needs an admin only to
/// replace data (`--force`), `--demo` folders being one's own.
enum CommandRoles {
    static let table: [String: StaffRole] = [
        "find": .viewer, "show": .viewer, "agenda": .viewer, "export": .viewer, "report": .viewer, "history": .viewer,
        "print attendance-sheet": .viewer, "print participants": .viewer, "print delegation": .viewer, "print cards": .viewer,
        "print certificates": .viewer, "board": .viewer, "partners": .viewer, "check": .viewer, "backup": .viewer,
        "access list": .viewer, "doctor": .viewer, "attendance": .viewer,
        // Commands that make one kind of change need that change's role (the core's table).
        "checkin": role(.checkIn), "add artisan": role(.addArtisan), "add term": role(.addTerm), "add member": role(.addMember),
        "add partner": role(.addPartner), "import artisans": role(.import), "merge": role(.mergeArtisans),
        "import undo": role(.undoImport), "delete": role(.delete), "compact": role(.compact), "repair": role(.repair),
        "demo": role(.replaceAll), "access set": role(.setAccess),
        "door pack": role(.packDoor), "door sync": role(.syncDoor), "door list": .viewer, "today": .viewer, "invite": .viewer,
        // Tables are made with the database login's own rights (its owner, in docs/postgres.md).
        "migrate": .admin,
        "copy": .admin,
        // Writes this desk's own config; a database not set up yet needs its owner.
        "init": .viewer,
        "_writer": role(.addArtisan), "_manual": .viewer,
    ]

    private static func role(_ name: CommandName) -> StaffRole { name.role ?? .editor }
}
