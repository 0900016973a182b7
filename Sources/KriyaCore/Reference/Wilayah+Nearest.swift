import KriyaText

extension Wilayah {
    /// The kelurahan whose name is closest to a misspelt one ("Dinoyoo", "Sumbersar"), for a
    /// "did you mean" in the message; nil when none is within a couple of letters.
    public static func nearestKelurahan(_ input: String) -> Kelurahan? {
        let typed = Array(Fold.compact(input).utf8)
        guard typed.count >= 4 else { return nil }
        var best: (kel: Kelurahan, distance: Int)?
        for kel in kelurahan {
            for spelling in [kel.name] + kel.variants {
                let d = editDistance(typed, Array(Fold.compact(spelling).utf8))
                if d < (best?.distance ?? Int.max) { best = (kel, d) }
            }
        }
        // One slip in a short name, two in a longer one; more is a different word.
        guard let best, best.distance <= (typed.count < 8 ? 1 : 2) else { return nil }
        return best.kel
    }

    /// Letters to insert, delete or change to turn `a` into `b` (Levenshtein).
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
