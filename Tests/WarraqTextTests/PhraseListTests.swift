import Testing
@testable import WarraqText

@Suite("Phrase lists asked about unfolded names")
struct PhraseListTests {
    static let names = ["سانا", "ســانا", "رويترز", "Reuters", "REUTERS", "ريف", "الأناضول", "الاناضول", "موسكو", "", "x", "İstanbul"]

    /// Folding on the stack answers as folding into a string does, for the built-in lists and
    /// for names on them and off them.
    @Test("contains(folding:) agrees with contains(Folding.fold(_:))", arguments: names)
    func agrees(name: String) {
        let profile = ScrapeProfile.builtIn
        for list in [profile.agencies, profile.placePrefixes, PhraseList(Self.names)] {
            #expect(list.contains(folding: name) == list.contains(Folding.fold(name)))
            #expect(list.contains(folding: name[...]) == list.contains(Folding.fold(name[...])))
        }
        #expect(PhraseList(Self.names).contains(folding: name) == !Folding.fold(name).isEmpty)
    }
}
