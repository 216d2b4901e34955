package fr.avec.verify;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.verify.omission.FactCategory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Omissions from spoken consultations, one test per category of fact: French transcripts as speech recognition
 * writes them (no punctuation, « euh », numbers in words, turns answered without a question mark) and English
 * dialogues. Each test checks both sides: the note that drops the fact gets the omission, the note that keeps it
 * (in other words, abbreviations, another unit) does not.
 */
class SpokenOmissionTest {

    private static final Verifier VERIFIER = Verifier.builder().drugs(OmissionCheckTest.LEXICON).build();

    private static List<Finding> omissions(String note, String transcript) {
        return VERIFIER.verify(note, List.of(transcript), List.of(), Verifier.Options.DEFAULT).findings().stream()
                .filter(f -> f.kind() == FindingKind.OMISSION).toList();
    }

    private static List<String> categories(String note, String transcript) {
        return omissions(note, transcript).stream().map(Finding::category).toList();
    }

    // Drugs and doses

    @Test
    void aDrugSaidByItsBrandIsKeptByItsSubstanceAndDroppedWhenAbsent() {
        String transcript = """
                Médecin : vous prenez quoi comme traitement
                Patient : euh il prend du Kardégic 75 le matin et du Doliprane quand il a mal
                """;
        assertThat(categories("Traitement : acide acétylsalicylique 75 mg/j, paracétamol si douleur.", transcript)).isEmpty();
        List<Finding> found = omissions("Traitement : paracétamol si douleur.", transcript);
        assertThat(found).extracting(Finding::category).containsExactly(FactCategory.DRUG.label());
        assertThat(found.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(found.get(0).suggestion()).contains("Kardégic 75");
    }

    @Test
    void aDoseSaidInWordsIsKeptByDigitsAndDroppedWhenTheNoteHasNone() {
        String transcript = "Patiente : je prends de la metformine huit cent cinquante milligrammes matin et soir\n";
        assertThat(categories("Metformine 850 mg x2/j.", transcript)).isEmpty();
        assertThat(categories("Sous metformine.", transcript)).containsExactly(FactCategory.DOSE.label());
    }

    // Allergies

    @Test
    void aSpokenNoToAnAllergyQuestionIsANegatedAllergy() {
        String transcript = """
                Médecin : vous avez des allergies
                Patient : euh non aucune
                """;
        List<Finding> found = omissions("Angine. Pas de traitement.", transcript);
        assertThat(found).extracting(Finding::category).containsExactly(FactCategory.ALLERGY.label());
        assertThat(found.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(found.get(0).message()).contains("absence of");
        assertThat(categories("Pas d'allergie connue.", transcript)).isEmpty();
    }

    @Test
    void anAllergenNamedInTheAnswerIsAnErrorWhenDropped() {
        String french = """
                Médecin : vous êtes allergique à quelque chose
                Patiente : euh oui à l'amoxicilline
                """;
        List<Finding> found = omissions("Angine.", french);
        assertThat(found).extracting(Finding::category).containsExactly(FactCategory.ALLERGY.label());
        assertThat(found.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(categories("Allergie à l'amoxicilline.", french)).isEmpty();
        String english = "Doctor: Any allergies?\nPatient: Penicillin.\n";
        assertThat(omissions("Sore throat.", english)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Penicillin"));
        assertThat(categories("Allergic to penicillin.", english)).isEmpty();
        // An allergy word without its allergen does not keep the allergen.
        assertThat(categories("Allergies.", english)).containsExactly(FactCategory.ALLERGY.label());
    }

    @Test
    void wordsAfterAnAllergyWordAreNotAnAllergenUnlessLinkedToIt() {
        String transcript = "Patient: My allergies are acting up again since we moved.\n";
        assertThat(categories("Seasonal allergies, worse lately.", transcript)).isEmpty();
    }

    // Vital signs and lab values

    @Test
    void vitalSignsSaidInWordsAreKeptByTheirAbbreviationsAndDroppedWhenAbsent() {
        String transcript = "Médecin : alors la tension est à quatorze huit et il pèse quatre-vingt-deux kilos\n";
        assertThat(categories("TA 140/80 mmHg, poids 82 kg.", transcript)).isEmpty();
        List<Finding> found = omissions("TA 140/80 mmHg.", transcript);
        assertThat(found).extracting(Finding::category).containsExactly(FactCategory.VITAL_SIGN.label());
        assertThat(found.get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aLabValueIsKeptByItsSynonym() {
        String transcript = "Médecin : votre HbA1c est à 7,2 % c'est un peu haut\n";
        assertThat(categories("Hémoglobine glyquée 7,2 %.", transcript)).isEmpty();
        assertThat(categories("Diabète à surveiller.", transcript)).containsExactly(FactCategory.LAB_VALUE.label());
    }

    // Diagnoses and symptoms, negation and certainty

    @Test
    void unpunctuatedSpeechEndsANegationAtTheNextClause() {
        String transcript = "Patient : pas de douleur thoracique pas de fièvre il vit seul il a des idées noires\n";
        List<Finding> found = omissions("Pas de douleur thoracique, apyrétique... pas de fièvre.", transcript);
        assertThat(found).extracting(Finding::category).containsExactlyInAnyOrder(FactCategory.SOCIAL.label(),
                FactCategory.SAFETY.label());
        // Affirmed, not negated: a dropped dark thought is an error, living alone a warning.
        assertThat(found).filteredOn(f -> f.category().equals("safety")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(found).filteredOn(f -> f.category().equals("social")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(categories("Pas de douleur thoracique ni fièvre. Vit seul. Idées noires.", transcript)).isEmpty();
    }

    @Test
    void verbNegationsDenyTheSymptomInFrenchAndEnglish() {
        String transcript = """
                Patient : il ne tousse pas et j'ai pas mal à la tête
                Patient: I don't have any chest pain.
                """;
        List<Finding> found = omissions("RAS.", transcript);
        assertThat(found).extracting(Finding::category).containsOnly(FactCategory.SYMPTOM.label()).hasSize(3);
        assertThat(found).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("absence of");
        });
    }

    @Test
    void aSymptomQuestionAnsweredAfterAFillerIsNegated() {
        String transcript = "Doctor: Are you having any chest pain or shortness of breath?\nPatient: Oh no, I am not feeling that.\n";
        assertThat(omissions("Follow-up for atrial fibrillation.", transcript)).hasSize(2)
                .allSatisfy(f -> assertThat(f.message()).contains("absence of"));
        assertThat(categories("No chest pain or dyspnea.", transcript)).isEmpty();
    }

    @Test
    void anAbbreviationKeepsTheDiagnosisAndASuspicionIsNotAFact() {
        String transcript = "Médecin : donc vous avez de la tension depuis longtemps et on suspecte une pneumopathie\n";
        assertThat(categories("HTA ancienne.", transcript)).isEmpty();
        assertThat(categories("Toux.", transcript)).containsExactly(FactCategory.DIAGNOSIS.label());
    }

    @Test
    void speakersLabelledWithoutTheirRoleStillAnswerQuestions() {
        // Speech recognition with diarisation names speakers, not roles; a hesitation may sit inside a term.
        String transcript = """
                Locuteur 1 : est-ce que vous avez des douleurs euh thoraciques
                Locuteur 2 : euh non
                Locuteur 1 : et vous toussez
                Locuteur 2 : oui un peu le matin
                """;
        List<Finding> found = omissions("Consultation.", transcript);
        assertThat(found).extracting(Finding::category).containsExactly(FactCategory.SYMPTOM.label(), FactCategory.SYMPTOM.label());
        assertThat(found.get(0).message()).contains("absence of");
        assertThat(found.get(1).message()).doesNotContain("absence of");
        assertThat(categories("Pas de douleur thoracique. Toux matinale.", transcript)).isEmpty();
    }

    // Risk factors

    @Test
    void riskFactorsSaidWithInflectedVerbsAndSpokenAnswers() {
        String transcript = """
                Médecin : vous fumez
                Patient : non jamais
                Médecin : et l'alcool
                Patient : bah deux trois verres de vin le soir
                """;
        List<Finding> found = omissions("Consultation pour toux.", transcript);
        assertThat(found).extracting(Finding::category).containsExactly(FactCategory.RISK_FACTOR.label(),
                FactCategory.RISK_FACTOR.label());
        assertThat(categories("Non-fumeur. Alcool : 2 à 3 verres de vin par jour.", transcript)).isEmpty();
    }

    // Mental health and social situation

    @Test
    void mentalHealthAndSocialFactsOfSpeech() {
        String transcript = "Patiente : depuis le décès de mon mari je vis seule j'ai pas le moral je dors mal\n";
        List<Finding> found = omissions("Consultation de suivi.", transcript);
        assertThat(found).extracting(Finding::category).contains(FactCategory.SOCIAL.label(), FactCategory.MENTAL_HEALTH.label());
        assertThat(categories("Veuve, vit seule. Humeur dépressive, insomnie.", transcript)).isEmpty();
    }

    // Follow-up

    @Test
    void aFollowUpDelaySaidInWordsIsKeptInDigits() {
        String transcript = "Médecin : on se revoit dans quinze jours avec la prise de sang\n";
        assertThat(categories("À revoir dans 15 jours avec bilan.", transcript)).isEmpty();
        assertThat(omissions("Bilan biologique prescrit.", transcript)).singleElement()
                .satisfies(f -> assertThat(f.category()).isEqualTo(FactCategory.FOLLOW_UP.label()));
    }
}
