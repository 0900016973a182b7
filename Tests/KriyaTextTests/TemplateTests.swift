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
}
