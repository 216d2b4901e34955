package fr.avec.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine on a small hand-made drug database, so that the tests stay fast and exact. */
class VerifierTest {

    static final DrugLexicon LEXICON = DrugLexicon.builder()
            .product("60234100", "DOLIPRANE 1000 mg, comprimé", true)
            .component("60234100", "PARACÉTAMOL", "1000 mg", true, 1)
            .product("60234101", "DOLIPRANE 500 mg, gélule", true)
            .component("60234101", "PARACÉTAMOL", "500 mg", true, 1)
            .product("61000001", "AMOXICILLINE BIOGARAN 1 g, comprimé dispersible", true)
            .component("61000001", "AMOXICILLINE TRIHYDRATÉE", "1,148 g", true, 1)
            .component("61000001", "AMOXICILLINE", "1 g", false, 1)
            .product("62000001", "METFORMINE ARROW 850 mg, comprimé pelliculé", true)
            .component("62000001", "CHLORHYDRATE DE METFORMINE", "850 mg", true, 1)
            .product("63000001", "KARDEGIC 75 mg, poudre pour solution buvable en sachet", true)
            .component("63000001", "ACÉTYLSALICYLATE DE DL-LYSINE", "135 mg", true, 1)
            .component("63000001", "ACIDE ACÉTYLSALICYLIQUE", "75 mg", false, 1)
            .product("64000001", "NOVATREX 2,5 mg, comprimé", true)
            .component("64000001", "MÉTHOTREXATE", "2,5 mg", true, 1)
            .product("65000001", "BISOPROLOL ARROW 5 mg, comprimé", true)
            .component("65000001", "FUMARATE DE BISOPROLOL", "5 mg", true, 1)
            .build();

    static final Verifier VERIFIER = Verifier.builder().drugs(LEXICON).build();

    private static Report verify(String generated, String... sources) {
        return VERIFIER.verify(generated, List.of(sources), List.of(), Verifier.Options.DEFAULT);
    }

    private static List<Finding> kind(Report report, FindingKind kind) {
        return report.findings().stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void findsBrandsAndSubstancesWithOrWithoutAccentsAndSalts() {
        Report r = verify("Doliprane 1000 mg, paracetamol, Metformine 850 mg et KARDÉGIC 75 mg ; amoxicillin.");
        assertThat(r.drugs()).extracting(DrugMention::text)
                .containsExactly("Doliprane", "paracetamol", "Metformine", "KARDÉGIC", "amoxicillin");
        assertThat(r.drugs().get(0).substances()).containsExactly("PARACÉTAMOL");
        assertThat(r.drugs().get(0).cis()).contains("60234100");
        assertThat(r.drugs().get(2).substances()).containsExactly("METFORMINE");
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void misspeltDrugIsUnknownWithTheRightSuggestion() {
        Report r = verify("Traitement par Amoxiciline 1 g x 3/j pendant 7 jours.");
        List<Finding> unknown = kind(r, FindingKind.UNKNOWN_DRUG);
        assertThat(unknown).hasSize(1);
        assertThat(unknown.get(0).text()).isEqualTo("Amoxiciline");
        assertThat(unknown.get(0).suggestion()).isEqualTo("AMOXICILLINE");
        assertThat(unknown.get(0).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void inventedInnLikeNameInADrugPositionIsUnknown() {
        Report r = verify("Mise sous zorvatinib 50 mg par jour.");
        assertThat(kind(r, FindingKind.UNKNOWN_DRUG)).extracting(Finding::text).containsExactly("zorvatinib");
    }

    @Test
    void ordinaryWordsBeforeADoseAreNotDrugs() {
        Report r = verify("Chaque comprimé contient 1000 mg. La dose peut être augmentée à 850 mg. Poids 73 kg.");
        assertThat(kind(r, FindingKind.UNKNOWN_DRUG)).isEmpty();
    }

    @Test
    void strengthWithoutMarketedFormIsReported() {
        Report r = verify("Doliprane 1200 mg si douleur. Doliprane 500 mg le soir.");
        List<Finding> doses = kind(r, FindingKind.DOSE_NOT_MARKETED);
        assertThat(doses).hasSize(1);
        assertThat(doses.get(0).text()).isEqualTo("Doliprane 1200 mg");
        assertThat(kind(verify("Doliprane 1 g le matin."), FindingKind.DOSE_NOT_MARKETED)).isEmpty();
    }

    @Test
    void dailyOralMethotrexateIsANeverEvent() {
        assertThat(kind(verify("Novatrex 2,5 mg : 4 comprimés par jour."), FindingKind.DOSE_NEVER_EVENT)).hasSize(1);
        assertThat(kind(verify("Méthotrexate 10 mg par jour per os."), FindingKind.DOSE_NEVER_EVENT)).hasSize(1);
        assertThat(kind(verify("Méthotrexate 10 mg par semaine, le lundi."), FindingKind.DOSE_NEVER_EVENT)).isEmpty();
    }

    @Test
    void valuesAreGroundedAfterNormalisation() {
        String source = "Elle a soixante-deux ans, tension quatorze-neuf, elle pèse soixante-treize kilos, "
                + "température trente-huit virgule cinq. On donne un gramme de paracétamol trois fois par jour.";
        Report r = verify("Patiente de 62 ans, TA 140/90 mmHg, 73 kg, T 38,5 °C. Paracétamol 1000 mg x 3/j.", source);
        assertThat(kind(r, FindingKind.NUMBER_NOT_IN_SOURCE)).isEmpty();
        assertThat(kind(r, FindingKind.UNIT_MISMATCH)).isEmpty();
        assertThat(kind(r, FindingKind.DRUG_NOT_IN_SOURCE)).isEmpty();
    }

    @Test
    void aDoseWithItsFrequencyIsGroundedByTheDoseAlone() {
        Report r = verify("Paracétamol 1000 mg/j, 500 mg daily.", "Il prend un gramme de paracétamol. Five hundred milligrams a day.");
        assertThat(kind(r, FindingKind.NUMBER_NOT_IN_SOURCE)).isEmpty();
        assertThat(kind(r, FindingKind.UNIT_MISMATCH)).isEmpty();
    }

    @Test
    void listNumbersAreNotValues() {
        Report r = verify("1. Hypertension artérielle.\n2. Diabète de type 2.", "Hypertension artérielle et diabète de type 2.");
        assertThat(kind(r, FindingKind.NUMBER_NOT_IN_SOURCE)).isEmpty();
    }

    @Test
    void changedNumbersAndUnitsAreReported() {
        String source = "Il pèse 80 kg. Bisoprolol 5 mg le matin.";
        Report r = verify("Poids 85 kg. Bisoprolol 5 g le matin.", source);
        assertThat(kind(r, FindingKind.NUMBER_NOT_IN_SOURCE)).extracting(Finding::text).containsExactly("85 kg");
        assertThat(kind(r, FindingKind.UNIT_MISMATCH)).extracting(Finding::text).containsExactly("5 g");
    }

    @Test
    void drugAbsentFromTheSourcesIsReportedOnlyWithSources() {
        assertThat(kind(verify("Kardégic 75 mg.", "Aspirine 75 mg par jour."), FindingKind.DRUG_NOT_IN_SOURCE)).isEmpty();
        assertThat(kind(verify("Metformine 850 mg.", "Aspirine 75 mg."), FindingKind.DRUG_NOT_IN_SOURCE)).hasSize(1);
        assertThat(kind(verify("Metformine 850 mg."), FindingKind.DRUG_NOT_IN_SOURCE)).isEmpty();
    }

    @Test
    void negationFlipsAreConflicts() {
        Report allergy = verify("Allergie à la pénicilline.", "Pas d'allergie connue. Tabac : non fumeur.");
        assertThat(kind(allergy, FindingKind.NEGATION_CONFLICT)).extracting(Finding::text).containsExactly("Allergie");
        Report smoker = verify("Patient fumeur.", "Il est non-fumeur.");
        assertThat(kind(smoker, FindingKind.NEGATION_CONFLICT)).extracting(Finding::text).containsExactly("fumeur");
        Report denied = verify("Pas de fièvre.", "Fièvre à 39 depuis hier.");
        assertThat(kind(denied, FindingKind.NEGATION_CONFLICT)).hasSize(1);
        Report consistent = verify("Pas de douleur thoracique.", "Il n'a pas de douleur thoracique, douleur abdominale.");
        assertThat(kind(consistent, FindingKind.NEGATION_CONFLICT)).isEmpty();
    }

    @Test
    void dialogueAnswersGiveQuestionsTheirPolarity() {
        String dialogue = "Doctor: Any fever or chills, cough, chest pain?\nPatient: No.\nDoctor: Do you smoke?\nPatient: Yes, a pack a day.";
        Report flipped = verify("She reports chest pain. She denies smoking.", dialogue);
        assertThat(kind(flipped, FindingKind.NEGATION_CONFLICT)).extracting(Finding::text).containsExactly("chest pain", "smoking");
        Report faithful = verify("She denies fever, chills, cough or chest pain.", dialogue);
        assertThat(kind(faithful, FindingKind.NEGATION_CONFLICT)).isEmpty();
    }

    @Test
    void realWordsAndRealDrugsAreNotUnknown() {
        Report r = verify("Diabète de type 2 ancien, hépatite C guérie. Pancréatite chronique. Raison de la consultation : céphalées.");
        assertThat(kind(r, FindingKind.UNKNOWN_DRUG)).isEmpty();
        Report accentless = verify("Diabete, hepatite, pancreatite.");
        assertThat(kind(accentless, FindingKind.UNKNOWN_DRUG)).isEmpty();
    }

    @Test
    void misspeltDrugIsFoundOutsideADrugPositionToo() {
        Report r = verify("Le metformime est mal toléré.");
        assertThat(kind(r, FindingKind.UNKNOWN_DRUG)).extracting(Finding::suggestion).containsExactly("METFORMINE");
    }

    @Test
    void unsupportedSentenceIsReported() {
        String source = "Le patient consulte pour une toux sèche depuis trois jours, sans fièvre. Auscultation normale.";
        Report r = verify("Toux sèche depuis trois jours. Une coloscopie de dépistage a retrouvé un polype sigmoïdien réséqué.", source);
        assertThat(kind(r, FindingKind.UNSUPPORTED_SENTENCE)).extracting(Finding::text)
                .containsExactly("Une coloscopie de dépistage a retrouvé un polype sigmoïdien réséqué.");
        assertThat(r.unsupportedShare()).isBetween(0.3, 1.0);
    }

    @Test
    void citationsMustMatchTheReferences() {
        List<String> refs = List.of("[1] Dupont J, Martin A. Hypertension et sel. Rev Med. 2020. PMID: 31234567\n"
                + "[2] Durand P et al. Diabète de type 2. doi:10.1000/xyz123. 2019");
        Report r = VERIFIER.verify("Le sel augmente la pression [1], [3]. Voir (Durand et al., 2019) et (Leroy, 2021). PMID: 99999999.",
                List.of(), refs, Verifier.Options.DEFAULT);
        assertThat(kind(r, FindingKind.CITATION_NOT_IN_REFERENCES)).extracting(Finding::text)
                .containsExactly("[3]", "Leroy, 2021", "PMID: 99999999");
    }

    @Test
    void readabilityOnlyForPatientMaterial() {
        String text = "La cholécystectomie laparoscopique programmée nécessite une évaluation anesthésique préopératoire approfondie "
                + "comprenant un bilan biologique exhaustif et une consultation spécialisée préalable obligatoire.";
        assertThat(kind(verify(text), FindingKind.READABILITY)).isEmpty();
        Report r = VERIFIER.verify(text, List.of(), List.of(), Verifier.Options.DEFAULT.forPatients(60));
        assertThat(kind(r, FindingKind.READABILITY)).isNotEmpty();
        assertThat(Readability.score("Vous avez mal. Prenez un cachet.")).isGreaterThan(Readability.score(text));
    }

    @Test
    void withoutADrugDatabaseDrugChecksAreReportedAsNotRun() {
        Report r = Verifier.builder().build().verify("Amoxiciline 1 g.", List.of(), List.of(), Verifier.Options.DEFAULT);
        assertThat(r.findings()).isEmpty();
        assertThat(r.checksNotRun()).anyMatch(s -> s.contains("UNKNOWN_DRUG"));
    }

    @Test
    void identifyingDataFromTheDetectorIsReported() {
        Verifier v = Verifier.builder().drugs(LEXICON)
                .identifyingData(text -> List.of(new Verifier.IdentifyingSpan("NOM", text.indexOf("Durand"), text.indexOf("Durand") + 6)))
                .build();
        Report r = v.verify("Vu M. Durand ce jour.", List.of(), List.of(), Verifier.Options.DEFAULT);
        assertThat(kind(r, FindingKind.PHI_IN_OUTPUT)).extracting(Finding::text).containsExactly("Durand");
    }
}
