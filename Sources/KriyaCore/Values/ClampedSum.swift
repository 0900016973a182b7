/// Sums that cannot trap. Sales and counts come from files a group member can write: a planted
/// line giving a fair many huge sales overflowed the total and killed `show`, the reports and
/// the export (exit 132). A total past the type's range stays at its bound, and `Validation`
/// refuses such a record, so `kriya check` reports it.
extension FixedWidthInteger {
    public func addingClamped(_ other: Self) -> Self {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}

extension Sequence where Element: FixedWidthInteger {
    public func clampedSum() -> Element { reduce(0) { $0.addingClamped($1) } }
}
