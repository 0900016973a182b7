import KriyaCore
import TextUI

/// What one artisan sold at an exhibition: the amount, the transactions, the buyer leads.
enum SalesForm {
    static func make(_ lang: Lang, exhibition: Exhibition, artisan: Artisan) -> Form {
        let p = exhibition.participant(artisan.id)
        return Form(title: UIText.text(.uiFormSales, lang, artisan.name, exhibition.name), fields: [
            FormField(key: "sales", label: L10n.text(.fSales, lang), value: p?.sales.map(Rupiah.format) ?? "", kind: MoneyKind(),
                      hint: UIText.text(.uiHintMoney, lang), maxLength: 20),
            FormField(key: "transactions", label: L10n.text(.fTransactions, lang), value: p?.transactions.map(String.init) ?? "",
                      filter: .digits, maxLength: 6),
            FormField(key: "leads", label: L10n.text(.fLeads, lang), value: p?.leads.map(String.init) ?? "", filter: .digits, maxLength: 6),
        ])
    }

    static func command(_ form: Form, exhibition: EntityID, artisan: EntityID, _ lang: Lang) -> Result<Command, FormProblems> {
        var r = FormReader(form, lang)
        let sales = r.money("sales"), transactions = r.number("transactions"), leads = r.number("leads")
        guard r.problems.isEmpty else { return .failure(FormProblems(r.problems, lang)) }
        return .success(.recordSales(exhibition: exhibition, artisan: artisan, sales: sales, transactions: transactions, leads: leads))
    }
}
