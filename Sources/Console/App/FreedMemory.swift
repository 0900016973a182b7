#if os(Linux)
import CMalloc
#endif

/// Reading a large registry leaves much memory free but held (read buffers, lines, the
/// loading thread's own malloc arena); the console then runs for hours. Handing it back to
/// the system once the console is built lowers what it holds for good (1M artisans: ~28 MB).
enum FreedMemory {
    static func handBack() {
        #if os(Linux)
        _ = malloc_trim(0)
        #endif
    }
}
