// The fuzzing harness of scripts/fuzz.sh. Built with `-sanitize=fuzzer -D KRIYA_FUZZ`, libFuzzer
// drives it (coverage-guided, mutating a corpus); built plainly, it replays the files named
// on its command line through the same targets, to reproduce and debug a crash.
@_spi(Fuzzing) import KriyaStore
import KriyaCore
import ThemeFiles
import TextUI
#if canImport(Glibc)
import Glibc
#endif

/// The first byte picks the reader; the rest is its input.
func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) {
    guard size > 0 else { return }
    FuzzTargets.run(Int(data[0]), UnsafeBufferPointer(start: data + 1, count: size - 1))
    // The text parsers of the domain, on the same bytes read as text.
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    // The TOML input read as a theme too (the theme reader lives above the store).
    if FuzzTargets.names[Int(data[0]) % FuzzTargets.names.count] == "toml" { _ = try? Theme.parse(text, file: "fuzz.toml") }
    switch Int(data[0]) % 5 {
    case 0: _ = DateInput.parse(text); _ = DateInput.yearOrMonth(text); _ = CivilDate.parseISO(text)
    case 1: _ = Rupiah.parse(text)
    case 2: _ = Phone.normalise(text)
    case 3: _ = ClockTime(text); _ = EntityID(text)
    default:
        var a = Artisan(id: EntityID(.artisan, 1), name: text, phone: text, kelurahan: text, business: text, category: .lainnya)
        a.nib = text
        a.nik = text
        _ = Validation.check(a)
    }
}

#if KRIYA_FUZZ
/// libFuzzer's driver, for a program with a `main` of its own (SwiftPM gives every executable one).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main struct Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv = Optional(CommandLine.unsafeArgv)
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            if let data { fuzzOne(data, size) }
            return 0
        })
    }
}
#else
@main struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let f = fopen(path, "rb") else { print("cannot read \(path)"); continue }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while case let n = fread(&buffer, 1, buffer.count, f), n > 0 { bytes += buffer[0..<n] }
            fclose(f)
            bytes.withUnsafeBufferPointer { buf in if let base = buf.baseAddress { fuzzOne(base, buf.count) } }
            print("\(path): ran without a crash")
        }
    }
}
#endif
