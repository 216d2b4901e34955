package fr.avec.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contradictions between the output and its sources (« pas d'allergie » against « allergie à la pénicilline »,
 * « ne fume pas » against « tabagisme actif », « absence de fièvre » against « fébrile »), with the NegEx-style
 * cues of French and English and the source passage cited.
 */
class NegationConflictsTest {

    private static final Verifier VERIFIER = Verifier.builder().omissions(false).build();

    private static List<Finding> conflicts(String generated, String... sources) {
        return VERIFIER.verify(generated, List.of(sources), List.of(), Verifier.Options.DEFAULT).findings().stream()
                .filter(f -> f.kind() == FindingKind.NEGATION_CONFLICT).toList();
    }

    private static String cited(Finding f, String source) {
        return source.substring(f.source().start(), f.source().end());
    }

    @Test
    void allergyDeniedInTheSourceAffirmedInTheOutput() {
        String source = "Antécédents : HTA. Pas d'allergie connue. Traitement : amlodipine.";
        List<Finding> found = conflicts("Allergie à la pénicilline (urticaire).", source);
        assertThat(found).extracting(Finding::text).containsExactly("Allergie");
        assertThat(found.get(0).source().sourceIndex()).isZero();
        assertThat(cited(found.get(0), source)).isEqualTo("Pas d'allergie connue.");
        assertThat(conflicts("Pas d'allergie connue.", source)).isEmpty();
    }

    @Test
    void tobaccoWordsMeetWhateverTheirForm() {
        String source = "Il ne fume pas et ne boit pas d'alcool.";
        assertThat(conflicts("Tabagisme actif à 20 paquets-années.", source)).extracting(Finding::text).containsExactly("Tabagisme");
        assertThat(conflicts("Patient fumeur.", "Non-fumeur. Pas d'alcool.")).extracting(Finding::text).containsExactly("fumeur");
        assertThat(conflicts("Non fumeur, pas d'alcool.", source)).isEmpty();
        // A former smoker does not smoke now: neither side of the conflict.
        assertThat(conflicts("Ancien fumeur, sevré depuis 2015.", source)).isEmpty();
    }

    @Test
    void feverAndItsAdjectives() {
        assertThat(conflicts("Patient fébrile à 39 °C.", "Absence de fièvre. Examen normal.")).extracting(Finding::text)
                .containsExactly("fébrile");
        assertThat(conflicts("Apyrétique.", "Fièvre à 39 depuis hier soir.")).extracting(Finding::text).containsExactly("Apyrétique");
        assertThat(conflicts("Pas de fièvre.", "Patient apyrétique, eupnéique.")).isEmpty();
    }

    @Test
    void frenchCues() {
        String source = "Pas de douleur thoracique. Sans dyspnée. Il nie toute perte de connaissance. Aucune toux. "
                + "Ni nausée ni vomissement.";
        assertThat(conflicts("Douleur thoracique depuis ce matin.", source)).extracting(Finding::text).containsExactly("Douleur thoracique");
        assertThat(conflicts("Dyspnée d'effort.", source)).extracting(Finding::text).containsExactly("Dyspnée");
        assertThat(conflicts("Toux productive.", source)).extracting(Finding::text).containsExactly("Toux");
        assertThat(conflicts("Vomissements répétés.", source)).extracting(Finding::text).containsExactly("Vomissements");
        // Another site of pain is no contradiction of « pas de douleur thoracique ».
        assertThat(conflicts("Douleur abdominale.", source)).isEmpty();
    }

    @Test
    void englishCuesAndVerbNegations() {
        String dialogue = "Doctor: Any fever or chills?\nPatient: Um, no.\nDoctor: Do you smoke?\nPatient: I don't smoke.\n"
                + "Doctor: Any pain?\nPatient: I haven't felt any pain yet.";
        assertThat(conflicts("She reports fever.", dialogue)).extracting(Finding::text).containsExactly("fever");
        assertThat(conflicts("Active smoker.", dialogue)).extracting(Finding::text).containsExactly("smoker");
        assertThat(conflicts("She reports pain in the wrist.", dialogue)).extracting(Finding::text).containsExactly("pain");
        assertThat(conflicts("She denies fever and chills. She does not smoke.", dialogue)).isEmpty();
    }

    @Test
    void anAnswerThatIsNoAnswerLeavesTheQuestionOpen() {
        String dialogue = "Médecin : des antécédents de diabète dans la famille ?\nPatient : je ne sais pas trop.";
        assertThat(conflicts("Antécédents familiaux de diabète.", dialogue)).isEmpty();
        assertThat(conflicts("Diabetes in the family.", "Doctor: Diabetes in the family?\nPatient: I don't know really.")).isEmpty();
    }

    @Test
    void theAffirmedSourceIsCitedWhenTheOutputNegates() {
        String source = "Doctor: Any nausea?\nPatient: Yes, since Monday.";
        List<Finding> found = conflicts("No nausea.", source);
        assertThat(found).extracting(Finding::text).containsExactly("nausea");
        assertThat(found.get(0).message()).startsWith("the output negates « nausea », which the source affirms");
        assertThat(cited(found.get(0), source)).isEqualTo("Doctor: Any nausea?\nPatient: Yes, since Monday.");
    }

    @Test
    void aListHeaderIsNotAFlip() {
        assertThat(conflicts("Allergies : aucune allergie connue.", "Allergies : aucune.")).isEmpty();
        assertThat(conflicts("His allergies are no known drug allergies.", "Doctor: Any allergies?\nPatient: No, I don't have any."))
                .isEmpty();
    }

    @Test
    void ordinaryWordsAreNoClinicalFact() {
        assertThat(conflicts("It is not the first time; she went back to work.", "Doctor: Is this the first time?\nPatient: Yes.")).isEmpty();
    }
}
