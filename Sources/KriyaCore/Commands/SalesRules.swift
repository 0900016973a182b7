/// How much one artisan may sell at one fair before the console asks whether the figure is
/// right: a typing slip (an extra zero, an amount in the transactions column) looks like this.
public enum SalesRules {
    public static let confirmAmount: Int64 = 250_000_000
    public static let confirmTransactions = 5_000

    /// True when `command` records sales large enough to be asked about first.
    public static func needsConfirmation(_ command: Command) -> Bool {
        guard case .recordSales(_, _, let sales, let transactions, _) = command else { return false }
        return (sales ?? 0) >= confirmAmount || (transactions ?? 0) >= confirmTransactions
    }
}
