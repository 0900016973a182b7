import Testing
import KriyaText

/// Messages take text from the data (a name, a file): it goes in as it is, never read again
/// for placeholders.
@Suite struct TemplateTests {
    @Test func placeholdersInTheDataStayAsTyped() {
        #expect(Template.fill("Saved {0}: {1}", ["A-000001", "Budi {1} {0}"]) == "Saved A-000001: Budi {1} {0}")
        #expect(Template.fill("{1} then {0}", ["{1}", "x"]) == "x then {1}")
    }

    @Test func unknownOrBrokenPlaceholdersAreLeftAlone() {
        #expect(Template.fill("{0} {2} {x} {", ["a"]) == "a {2} {x} {")
        #expect(Template.fill("no placeholders", ["a"]) == "no placeholders")
        #expect(Template.fill("{0}{0}", ["ab"]) == "abab")
    }

    @Test func pluralChoiceFollowsTheCount() {
        #expect(Template.fill("{0} {0|artisan|artisans}", [1]) == "1 artisan")
        #expect(Template.fill("{0} {0|artisan|artisans}", [0]) == "0 artisans")
        #expect(Template.fill("{1} {1|day|days}, {0}", ["x", 21]) == "21 days, x")
        // A name that looks like a plural choice stays as typed.
        #expect(Template.fill("{0}", ["{0|a|b}"]) == "{0|a|b}")
        #expect(Template.fill("{0|a}", [1]) == "{0|a}")
    }
}
