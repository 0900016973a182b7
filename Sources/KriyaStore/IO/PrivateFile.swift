#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files Kriya writes for a person outside the store (`export --out`, `report --out`,
/// `*-bad.csv`): they hold names, phones and sometimes NIKs in clear, so they are `0600` from
/// their first byte, whatever the umask, or `0660` in a setgid (staff group) folder. Written
/// to a temp file under a random name and renamed into place, so a half-written file is
/// never left under the real name and no planted symlink is written through.
public enum PrivateFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(StoreError) {
        let parent = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let io = PosixFileIO()
        let shared = (io.stat(Store.absolute(parent.isEmpty ? "/" : parent))?.mode ?? 0) & S_ISGID != 0
        let durable = Durable(io: io, fileMode: shared ? 0o660 : 0o600)
        try durable.replace(path, with: bytes)
    }
}
