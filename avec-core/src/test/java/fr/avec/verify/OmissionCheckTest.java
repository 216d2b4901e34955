package fr.avec.verify;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.verify.omission.FactCategory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Omissions in French and English clinical examples, through the engine as {@code avec check} runs it. */
class OmissionCheckTest {

    static final DrugLexicon LEXICON = DrugLexicon.builder()
            .product("60234100", "DOLIPRANE 1000 mg, comprimé", true)
            .component("60234100", "PARACÉTAMOL", "1000 mg", true, 1)
            .product("61000001", "AMOXICILLINE BIOGARAN 1 g, comprimé dispersible", true)
            .component("61000001", "AMOXICILLINE", "1 g", true, 1)
            .product("66000001", "ORACILLINE 1 000 000 UI, comprimé", true)
            .component("66000001", "PHÉNOXYMÉTHYLPÉNICILLINE", "1 000 000 UI", true, 1)
            .product("62000001", "METFORMINE ARROW 850 mg, comprimé pelliculé", true)
            .component("62000001", "CHLORHYDRATE DE METFORMINE", "850 mg", true, 1)
            .product("67000001", "LISINOPRIL ARROW 20 mg, comprimé", true)
            .component("67000001", "LISINOPRIL", "20 mg", true, 1)
            .product("69000001", "AMLODIPINE ARROW 5 mg, gélule", true)
            .component("69000001", "BÉSILATE D'AMLODIPINE", "6,93 mg", true, 1)
            .component("69000001", "AMLODIPINE", "5 mg", false, 1)
            .product("63000001", "KARDEGIC 75 mg, poudre pour solution buvable en sachet", true)
            .component("63000001", "ACÉTYLSALICYLATE DE DL-LYSINE", "135 mg", true, 1)
            .component("63000001", "ACIDE ACÉTYLSALICYLIQUE", "75 mg", false, 1)
            .product("68000001", "SERTRALINE ARROW 50 mg, gélule", true)
            .component("68000001", "SERTRALINE", "50 mg", true, 1)
            .build();

    static final Verifier VERIFIER = Verifier.builder().drugs(LEXICON).build();

    private static List<Finding> omissions(String generated, String... sources) {
        return VERIFIER.verify(generated, List.of(sources), List.of(), Verifier.Options.DEFAULT).findings().stream()
                .filter(f -> f.kind() == FindingKind.OMISSION).toList();
    }

    private static final String CONSULTATION = """
            Médecin : bonjour madame qu'est-ce qui vous amène
            Patiente : j'ai mal à la gorge depuis trois jours et de la fièvre
            Médecin : vous avez des allergies
            Patiente : oui je suis allergique à l'amoxicilline ça m'a fait des plaques
            Médecin : vous prenez un traitement
            Patiente : de la metformine 850 mg matin et soir pour mon diabète
            Médecin : la tension est à quatorze huit le poids soixante-treize kilos
            Médecin : on se revoit dans trois mois
            """;

    @Test
    void aDroppedAllergyIsAnErrorThatCitesTheSourcePassage() {
        String note = "Angine fébrile depuis 3 jours. Diabète de type 2 sous metformine 850 mg x2/j. TA 140/80, poids 73 kg. "
                + "Revoir dans 3 mois.";
        List<Finding> found = omissions(note, CONSULTATION);
        assertThat(found).hasSize(1);
        Finding allergy = found.get(0);
        assertThat(allergy.category()).isEqualTo(FactCategory.ALLERGY.label());
        assertThat(allergy.severity()).isEqualTo(Severity.ERROR);
        assertThat(allergy.source().sourceIndex()).isZero();
        String passage = CONSULTATION.substring(allergy.source().start(), allergy.source().end());
        assertThat(passage).contains("allergique à l'amoxicilline");
        assertThat(allergy.suggestion()).startsWith("oui je suis allergique").doesNotContain("Patiente");
        assertThat(allergy.start()).isEqualTo(note.length());
    }

    @Test
    void theSameNoteWithTheAllergyHasNoOmission() {
        String note = "Allergie à l'amoxicilline (plaques). Angine fébrile depuis 3 jours. DT2 sous metformine 850 mg x2/j. "
                + "TA 14/8, poids soixante-treize kg. Revoir dans 3 mois.";
        assertThat(omissions(note, CONSULTATION)).isEmpty();
    }

    @Test
    void aDroppedDoseIsAWarning() {
        String note = "Allergie amoxicilline. Angine fébrile depuis 3 jours. Diabète sous metformine. TA 140/80, poids 73 kg. "
                + "Contrôle à 3 mois.";
        List<Finding> found = omissions(note, CONSULTATION);
        assertThat(found).extracting(Finding::category).containsExactly(FactCategory.DOSE.label());
        assertThat(found.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(found.get(0).message()).contains("850 mg");
    }

    @Test
    void valuesWrittenInWordsOrInAnotherUnitAreNotOmitted() {
        String source = "Poids 73 kg, température 38,5 °C, tension 140/90. Metformine 1 g le matin.";
        String note = "Pèse soixante-treize kilos ; trente-huit virgule cinq de fièvre ; TA quatorze-neuf ; metformine 1000 mg.";
        assertThat(omissions(note, source)).isEmpty();
    }

    @Test
    void aDroppedWeightIsAWarning() {
        String source = "Tension 140/90. Poids 73 kg.";
        List<Finding> found = omissions("TA 140/90.", source);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).category()).isEqualTo("vital_sign");
        assertThat(found.get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void htaKeepsHypertensionArterielleAndTheReverse() {
        assertThat(omissions("Patient aux antécédents d'HTA.", "Il a une hypertension artérielle depuis dix ans.")).isEmpty();
        assertThat(omissions("Antécédent d'hypertension artérielle.", "ATCD : HTA, dyslipidémie.")).extracting(Finding::category)
                .containsExactly("diagnosis");
    }

    @Test
    void theFrenchPossessiveTaIsNotABloodPressure() {
        assertThat(omissions("RAS.", "Ta fille a 12 ans ?")).isEmpty();
    }

    @Test
    void aDroppedSuicidalIdeaIsAnErrorInFrenchSpokenText() {
        String source = "euh depuis quelques semaines je dors plus et j'ai des idées noires je pense à en finir des fois";
        List<Finding> found = omissions("Troubles du sommeil depuis quelques semaines.", source);
        assertThat(found).extracting(Finding::category).containsExactly("safety");
        assertThat(found.get(0).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void aDroppedSuicidalIdeaIsAnErrorInEnglish() {
        String source = """
                Doctor: How have you been feeling lately?
                Patient: Pretty down. Honestly I've had thoughts of suicide over the past month.
                Doctor: Are you taking anything for it?
                Patient: Sertraline, 50 mg a day.
                """;
        List<Finding> found = omissions("Depressed mood for one month. On sertraline 50 mg daily.", source);
        assertThat(found).extracting(Finding::category).containsExactly("safety");
        assertThat(found.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(found.get(0).suggestion()).contains("thoughts of suicide").doesNotContain("Patient:");
    }

    @Test
    void aDeniedSuicidalIdeaIsOneStepLessSevere() {
        String source = "Doctor: Any thoughts of hurting yourself or suicide?\nPatient: No, never.";
        List<Finding> found = omissions("Low mood.", source);
        assertThat(found).extracting(Finding::category).contains("safety");
        assertThat(found.stream().filter(f -> f.category().equals("safety")).findFirst().orElseThrow().severity())
                .isEqualTo(Severity.WARNING);
        assertThat(omissions("Low mood. Denies suicidal ideation.", source)).isEmpty();
    }

    @Test
    void englishAllergyAndNkdaMeetAcrossSpellings() {
        String source = "Doctor: Do you have any allergies to medications?\nPatient: No, none that I know of.";
        assertThat(omissions("NKDA.", source)).isEmpty();
        List<Finding> found = omissions("Healthy.", source);
        assertThat(found).extracting(Finding::category).containsExactly("allergy");
        assertThat(found.get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void smallTalkAndRepeatedFactsGiveNoOmission() {
        String source = """
                Doctor: Nice weather today, isn't it? How was the drive?
                Patient: Fine, thanks. My chest pain is back, the chest pain I told you about.
                Doctor: Okay, and still on lisinopril 20 mg?
                Patient: Yes, lisinopril 20 mg.
                """;
        assertThat(omissions("Recurrent chest pain. Lisinopril 20 mg daily.", source)).isEmpty();
    }

    @Test
    void aDroppedNegatedSymptomIsInformation() {
        String source = "Doctor: Any fever or chills?\nPatient: No.\nDoctor: Cough?\nPatient: Yes, a dry cough.";
        List<Finding> found = omissions("Dry cough.", source);
        assertThat(found).extracting(Finding::category).containsOnly("symptom");
        assertThat(found).allMatch(f -> f.severity() == Severity.INFO);
        assertThat(found).extracting(Finding::message).anyMatch(m -> m.contains("absence of") && m.contains("fever"));
    }

    @Test
    void withoutSourcesOrWhenDisabledNoOmissionIsReported() {
        assertThat(VERIFIER.verify("Angine.", List.of(), List.of(), Verifier.Options.DEFAULT).findings())
                .noneMatch(f -> f.kind() == FindingKind.OMISSION);
        Verifier off = Verifier.builder().drugs(LEXICON).omissions(false).build();
        assertThat(off.verify("Angine.", List.of(CONSULTATION), List.of(), Verifier.Options.DEFAULT).findings())
                .noneMatch(f -> f.kind() == FindingKind.OMISSION);
    }

    @Test
    void theScoreIsTheOmittedShareOfTheFacts() {
        var result = OmissionCheck.detect("Angine fébrile.", List.of(CONSULTATION), LEXICON);
        assertThat(result.facts()).hasSizeGreaterThan(5);
        assertThat(result.score()).isGreaterThan(0.5).isLessThan(1.0);
        assertThat(OmissionCheck.detect("x", List.of("Bonjour, il fait beau."), LEXICON).score()).isZero();
    }

    private static String resource(String name) {
        try (var in = OmissionCheckTest.class.getResourceAsStream("/fr/avec/verify/omission/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFaithfulNoteOfASpokenFrenchConsultationHasNoOmission() {
        // Transcript without punctuation, numbers in words, small talk; the note abbreviates (HTA, TA, FC, PA).
        String transcript = resource("consultation-douleur-thoracique.txt");
        assertThat(omissions(resource("note-complete.txt"), transcript)).isEmpty();
    }

    @Test
    void anIncompleteNoteOfTheSameConsultationListsExactlyWhatItDrops() {
        String transcript = resource("consultation-douleur-thoracique.txt");
        List<Finding> found = omissions(resource("note-incomplete.txt"), transcript);
        assertThat(found).extracting(Finding::category).containsExactlyInAnyOrder("risk_factor", "risk_factor", "allergy", "symptom",
                "social", "social", "vital_sign", "follow_up", "dose");
        // « des allergies à des médicaments / non aucune »: answered no without a question mark, so a warning.
        Finding allergy = found.stream().filter(f -> f.category().equals("allergy")).findFirst().orElseThrow();
        assertThat(allergy.severity()).isEqualTo(Severity.WARNING);
        assertThat(allergy.message()).contains("absence of");
        assertThat(found.stream().filter(f -> f.category().equals("follow_up")).findFirst().orElseThrow().suggestion())
                .contains("on se revoit dans quinze jours");
    }
}
