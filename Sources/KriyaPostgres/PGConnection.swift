#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import CPostgres
import KriyaCore
import KriyaStore

/// One connection to PostgreSQL through libpq, used from one thread at a time. Statements are
/// sent with their values apart (`$1`, `$2`), never spliced into the SQL text.
final class PGConnection {
    private var conn: OpaquePointer?
    /// The address as given, for messages (it never holds a password: see `DatabaseAddress`).
    let address: String

    init(_ address: DatabaseAddress) throws(StoreError) {
        self.address = address.text
        conn = PQconnectdb(address.connectionString)
        guard let conn, PQstatus(conn) == CONNECTION_OK else {
            let reason = conn.map { Self.text(PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(conn)
            self.conn = nil
            throw .database(address: address.text, reason: reason)
        }
        // Notices (NOTICE: relation already exists, …) are not for the terminal.
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
    }

    deinit { PQfinish(conn) }

    /// The database login this connection uses.
    var login: String { PQuser(conn).map { String(cString: $0) } ?? "" }
    var encrypted: Bool { PQsslInUse(conn) == 1 }
    var host: String { PQhost(conn).map { String(cString: $0) } ?? "" }
    var serverVersion: String {
        let v = Int(PQserverVersion(conn))
        return v >= 100_000 ? "\(v / 10_000).\(v % 10_000)" : "\(v / 10_000).\(v / 100 % 100).\(v % 100)"
    }

    /// Runs one statement; `params` are sent as text (nil is SQL NULL).
    @discardableResult
    func exec(_ sql: String, _ params: [String?] = []) throws(StoreError) -> PGResult {
        try exec(sql, params.map { $0.map { Array($0.utf8) } })
    }

    /// As `exec`, with values given as UTF-8 bytes (JSON and journal lines as the store wrote them).
    @discardableResult
    func exec(_ sql: String, _ params: [[UInt8]?]) throws(StoreError) -> PGResult {
        try reconnectIfLost()
        do {
            return try send(sql, params)
        } catch {
            // The connection went while idle (a restarted server, a network that came back):
            // outside a transaction nothing was done, so connect again and send it once more.
            guard !inTransaction, PQstatus(conn) != CONNECTION_OK else { throw error }
            try reconnectIfLost()
            return try send(sql, params)
        }
    }

    private func send(_ sql: String, _ params: [[UInt8]?]) throws(StoreError) -> PGResult {
        // Each value NUL-terminated in one buffer; libpq reads text values up to the NUL.
        var storage: [CChar] = []
        var offsets: [Int?] = []
        for p in params {
            guard let p else { offsets.append(nil); continue }
            offsets.append(storage.count)
            storage.append(contentsOf: p.map { CChar(bitPattern: $0) })
            storage.append(0)
        }
        let sent: Int32 = storage.withUnsafeBufferPointer { buf in
            let values: [UnsafePointer<CChar>?] = offsets.map { $0.map { buf.baseAddress! + $0 } }
            return values.withUnsafeBufferPointer { v in
                PQsendQueryParams(conn, sql, Int32(params.count), nil, v.baseAddress, nil, nil, 0)
            }
        }
        guard sent == 1 else { throw .database(address: address, reason: Self.text(PQerrorMessage(conn))) }
        // The statement's last result (there is one), read as it comes.
        var last: OpaquePointer?
        while true {
            do { try waitForAnswer() } catch { PQclear(last); throw error }
            guard let next = PQgetResult(conn) else { break }
            PQclear(last)
            last = next
        }
        guard let result = last else { throw .database(address: address, reason: Self.text(PQerrorMessage(conn))) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let reason = Self.text(PQresultErrorMessage(result))
            // insufficient_privilege: the database's rules said no (kriya_save's own words,
            // without the severity and the line the server adds).
            let state = PQresultErrorField(result, 67 /* PG_DIAG_SQLSTATE */).map { String(cString: $0) }
            let primary = PQresultErrorField(result, 77 /* PG_DIAG_MESSAGE_PRIMARY */).map { String(cString: $0) }
            PQclear(result)
            if state == "42501", let primary {
                throw .refusedByDatabase(login: login, reason: primary.hasPrefix("kriya: ") ? String(primary.dropFirst(7)) : primary)
            }
            throw .database(address: address, reason: reason)
        }
        return PGResult(result)
    }

    /// How long the server may send nothing while a statement runs before the connection is
    /// given up: longer than the server's own `lock_timeout` (30 s), so that a wait on a lock
    /// ends with its message; reached only when the server itself stopped answering (a hung
    /// process, whose TCP still acknowledges, so neither keepalives nor TCP time out).
    var answerWithin: Double = 60
    /// Given up while waiting (`answerWithin`): made again before the next statement.
    private var abandoned = false

    /// Waits until libpq holds a whole result, reading what arrives; throws when nothing has
    /// come for `answerWithin` seconds, or the connection is lost.
    private func waitForAnswer() throws(StoreError) {
        while PQisBusy(conn) != 0 {
            var fd = pollfd(fd: PQsocket(conn), events: Int16(POLLIN), revents: 0)
            let ready = poll(&fd, 1, Int32(answerWithin * 1000))
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 {
                abandoned = true
                throw .database(address: address, reason: "the server sent nothing for \(Int(answerWithin)) s; the connection was given up")
            }
            guard ready > 0, PQconsumeInput(conn) == 1 else {
                throw .database(address: address, reason: Self.text(PQerrorMessage(conn)))
            }
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// Inside another transaction (a full read while catching up under the writers' lock) it
    /// runs as part of that one: committing there would let the lock go half-way.
    func transaction<T>(_ isolation: String = "READ COMMITTED", _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        if inTransaction { return try body() }
        try exec("BEGIN ISOLATION LEVEL \(isolation)")
        inTransaction = true
        defer { inTransaction = false }
        let value: T
        do { value = try body() } catch {
            _ = try? exec("ROLLBACK")
            throw error
        }
        try exec("COMMIT")
        return value
    }

    private var inTransaction = false

    /// Asks to be told of `NOTIFY channel` (see `takeNotifications`).
    func listen(_ channel: String) throws(StoreError) {
        try exec("LISTEN \(channel)")
    }

    /// Reads what the server sent meanwhile without waiting; true when a notification came.
    /// A lost connection is re-made (and then reported as a notification: anything may have
    /// changed while it was down).
    /// While the server cannot be reached, a new attempt waits `retryPause` after the last
    /// failed one: each attempt may take up to `connect_timeout`, and a console that looks for
    /// news every second would otherwise spend nearly all its time waiting to connect.
    func takeNotifications() throws(StoreError) -> Bool {
        if !isConnected || PQconsumeInput(conn) == 0 {
            if let failed = lastFailure, DispatchTime.now().uptimeNanoseconds - failed.at < Self.retryPause {
                throw .database(address: address, reason: failed.reason)
            }
            try reconnectIfLost(force: true)
            return true
        }
        var any = false
        while let n = PQnotifies(conn) {
            any = true
            PQfreemem(n)
        }
        return any
    }

    /// The socket, to wait on for notifications.
    var socket: Int32 { PQsocket(conn) }

    var isConnected: Bool { !abandoned && PQstatus(conn) == CONNECTION_OK }

    static let retryPause: UInt64 = 15_000_000_000
    /// When the last attempt to connect again failed, and why.
    private var lastFailure: (at: UInt64, reason: String)?
    /// How many times the connection was made again (or tried): for the tests.
    private(set) var reconnectAttempts = 0

    /// After a dropped network, one new attempt (libpq's reset keeps the same settings).
    private func reconnectIfLost(force: Bool = false) throws(StoreError) {
        guard force || !isConnected else { return }
        // A transaction dies with its connection (the server rolls it back): never carry on
        // with its remaining statements on a new connection, outside any transaction.
        if inTransaction {
            throw .database(address: address, reason: "the connection was lost during a save; the server kept none of it")
        }
        reconnectAttempts += 1
        PQreset(conn)
        guard PQstatus(conn) == CONNECTION_OK else {
            let reason = Self.text(PQerrorMessage(conn))
            lastFailure = (DispatchTime.now().uptimeNanoseconds, reason)
            throw .database(address: address, reason: reason)
        }
        lastFailure = nil
        abandoned = false
        onReconnect?()
    }

    /// Runs after the connection was made again (to LISTEN again, and to read everything).
    var onReconnect: (() -> Void)?

    static func text(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "" }
        // libpq's messages run over lines ("…failed: Connection refused\n\tIs the server
        // running…"): one line for a status bar or stderr.
        return String(cString: message).split(whereSeparator: { $0 == "\n" || $0 == "\t" })
            .map { String($0).trimmingSpaces }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// Rows of one statement's answer, in text form.
final class PGResult {
    private let result: OpaquePointer

    init(_ result: OpaquePointer) { self.result = result }
    deinit { PQclear(result) }

    var count: Int { Int(PQntuples(result)) }

    func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(result, Int32(row), Int32(column)) != 0 }

    func string(_ row: Int, _ column: Int) -> String? {
        guard !isNull(row, column) else { return nil }
        return String(cString: PQgetvalue(result, Int32(row), Int32(column)))
    }

    func int(_ row: Int, _ column: Int) -> Int? { string(row, column).flatMap { Int($0) } }

    /// The value's bytes, valid while the result lives.
    /// A value's bytes, valid while this result lives.
    func bytes(_ row: Int, _ column: Int) -> UnsafeBufferPointer<UInt8> {
        let length = Int(PQgetlength(result, Int32(row), Int32(column)))
        let start = UnsafeRawPointer(PQgetvalue(result, Int32(row), Int32(column))!).assumingMemoryBound(to: UInt8.self)
        return UnsafeBufferPointer(start: start, count: length)
    }

    func withBytes<T>(_ row: Int, _ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let length = Int(PQgetlength(result, Int32(row), Int32(column)))
        let start = PQgetvalue(result, Int32(row), Int32(column))!
        return start.withMemoryRebound(to: UInt8.self, capacity: max(length, 1)) {
            body(UnsafeBufferPointer(start: $0, count: length))
        }
    }
}
