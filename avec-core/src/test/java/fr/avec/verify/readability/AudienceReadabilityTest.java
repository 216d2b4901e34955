package fr.avec.verify.readability;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.verify.Finding;
import fr.avec.verify.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Patient leaflets in French for each audience. */
class AudienceReadabilityTest {

    static final String FALC_TEXT = """
            Vous avez du diabète.
            Le diabète, c'est trop de sucre dans le sang.
            Prenez votre médicament chaque matin.
            Mangez des légumes à chaque repas.
            Marchez un peu tous les jours.""";

    @Test
    void plainEasyToReadTextPasses() {
        assertThat(AudienceReadability.check(FALC_TEXT, Audience.FALC)).isEmpty();
        assertThat(KandelMoles.score(FALC_TEXT)).isGreaterThan(70);
    }

    @Test
    void aSentenceTooHardForFalcIsFlagged() {
        String hard = FALC_TEXT + "\nL'équilibre glycémique conditionne la prévention des complications microvasculaires, notamment la "
                + "rétinopathie et la néphropathie, d'où l'importance de l'observance thérapeutique.";
        List<Finding> findings = AudienceReadability.check(hard, Audience.FALC);
        int start = hard.indexOf("L'équilibre");
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.start()).isEqualTo(start);
            assertThat(f.end()).isEqualTo(hard.length());
            assertThat(f.message()).contains("easy-to-read (FALC)").contains("at most 12");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(findings).extracting(Finding::text).contains("rétinopathie", "néphropathie", "observance", "microvasculaires");
    }

    @Test
    void jargonExplainedInBracketsIsAccepted() {
        String text = "Vous avez de l'hypertension (une tension trop forte). Votre hypertension se soigne.";
        List<Finding> findings = AudienceReadability.check(text, Audience.FALC);
        assertThat(findings).extracting(Finding::text).containsExactly("hypertension");
        assertThat(findings.get(0).start()).isEqualTo(text.lastIndexOf("hypertension"));
    }

    @Test
    void abbreviationsAndPercentagesAreFlaggedForFalc() {
        String text = "Un AVC touche 25 % des personnes. Un accident vasculaire cérébral (AVC) est grave.";
        List<Finding> findings = AudienceReadability.check(text, Audience.FALC);
        assertThat(findings).extracting(Finding::text).containsExactly("AVC", "25 %");
    }

    @Test
    void adultTextIsHeldToAStandardLevelOnly() {
        String text = "Votre traitement associe un comprimé le matin et une surveillance de la tension à domicile pendant un mois.";
        assertThat(AudienceReadability.check(text, Audience.ADULT)).isEmpty();
        assertThat(AudienceReadability.check(text, Audience.FALC)).isNotEmpty();
    }

    @Test
    void kandelMolesFollowsThePublishedFormula() {
        // 2 sentences, 8 words, 9 syllables (de-hors): 207 − 1.015 × 4 − 73.6 × 9/8 = 120.14.
        assertThat(KandelMoles.score("Le chat dort. Il fait très beau dehors.")).isCloseTo(207 - 1.015 * 4 - 73.6 * 9 / 8.0,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(KandelMoles.syllables("médicament")).isEqualTo(3);
    }
}
