package fr.avec.protect;

/** A handful of lexicon entries, enough for fast unit tests of the rules that need a lexicon. */
final class SmallLexicon {

    private SmallLexicon() {
    }

    static final Protector PROTECTOR = Protector.builder()
            .femaleFirstName("MARIE", 2_230_810).maleFirstName("MARIE", 26_820)
            .maleFirstName("JEAN", 1_910_400).femaleFirstName("JEAN", 530)
            .maleFirstName("PIERRE", 892_560).femaleFirstName("SOPHIE", 400_000).femaleFirstName("HÉLÈNE", 300_000)
            .maleFirstName("JEAN-PIERRE", 300_000).femaleFirstName("CLAIRE", 200_000).maleFirstName("LUC", 150_000)
            .femaleFirstName("ROSE", 60_000).maleFirstName("KEVIN", 90_000).maleFirstName("ANTOINE", 200_000)
            .familyName("DUPONT").familyName("MARTIN").familyName("PETIT").familyName("BLANC").familyName("DURAND")
            .familyName("LEFEBVRE").familyName("KOWALCZYK").familyName("FORT").familyName("GRAND").familyName("ROSE")
            .familyName("CROHN").familyName("PARKINSON").familyName("BERNARD").familyName("LE GALL").familyName("HÉLIE")
            .commune("Bordeaux").commune("Lyon").commune("Saint-Étienne").commune("Paris").commune("Villeneuve-sur-Lot")
            .postalCode("33000", "BORDEAUX").postalCode("69003", "LYON").postalCode("42000", "SAINT ETIENNE")
            .establishment("330781196")
            .build();
}
