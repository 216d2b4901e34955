package fr.avec.verify.citation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.verify.Finding;
import fr.avec.verify.FindingKind;
import fr.avec.verify.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A French synthesis of English abstracts, checked claim by claim against the texts it cites. */
class CitationCheckTest {

    static final List<CitedReference> REFERENCES = List.of(
            new CitedReference(1, "Vitamin D supplementation and falls in community-dwelling older adults: a randomized controlled trial. "
                    + "We randomly assigned 1200 adults aged 70 years or older to vitamin D3 800 IU daily or placebo for 24 months. "
                    + "Vitamin D reduced the rate of falls by 19% among participants with low baseline vitamin D levels."),
            new CitedReference(2, "Exercise programmes to prevent falls: a systematic review and meta-analysis of 108 trials. Exercise "
                    + "programmes that include balance training reduced the rate of falls by 23% in people aged 65 years and over."),
            new CitedReference(3, "Home blood pressure telemonitoring in primary care. Systolic blood pressure fell by 8.4 mmHg more with "
                    + "telemonitoring at 12 months."));

    private static List<Finding> of(List<Finding> findings, FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void aFaithfulSynthesisRaisesNothing() {
        String text = """
                ## Résultats
                Chez les adultes âgés de 70 ans ou plus, la vitamine D quotidienne réduit de 19 % le taux de chutes lorsque le taux de vitamine D initial est bas [1].
                Les programmes d'exercice avec un entraînement de l'équilibre réduisent les chutes de 23 % [2].
                La télésurveillance à domicile fait baisser la pression artérielle systolique de 8,4 mmHg à 12 mois. [3]""";
        assertThat(CitationCheck.check(text, REFERENCES)).isEmpty();
    }

    @Test
    void aFabricatedCitationIsAnError() {
        String text = "L'activité physique adaptée réduit le risque de chute de moitié chez les personnes âgées [7].";
        List<Finding> findings = CitationCheck.check(text, REFERENCES);
        Finding f = of(findings, FindingKind.CITATION_NOT_IN_REFERENCES).get(0);
        assertThat(f.text()).isEqualTo("[7]");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("3 chosen references");
    }

    @Test
    void aRangeCitingBeyondTheListFlagsOnlyTheMissingNumbers() {
        List<Finding> findings = CitationCheck.check("Les chutes diminuent avec l'exercice et la vitamine D [1-2, 4].", REFERENCES);
        assertThat(of(findings, FindingKind.CITATION_NOT_IN_REFERENCES)).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("reference [4]"));
    }

    @Test
    void aNumberTheCitedTextDoesNotContainIsFlagged() {
        String text = "La vitamine D réduit le taux de chutes de 35 % chez les adultes âgés [1].";
        Finding f = of(CitationCheck.check(text, REFERENCES), FindingKind.CITED_NUMBER_NOT_IN_REFERENCE).get(0);
        assertThat(f.text()).isEqualTo("35 %");
        // 19 % is in [1]; [2] has 23 %: citing the right reference for each value raises nothing.
        assertThat(CitationCheck.check("La vitamine D réduit les chutes de 19 % [1], l'exercice de 23 % [2].", REFERENCES)).isEmpty();
    }

    @Test
    void aClaimOnAnotherSubjectThanItsCitationIsUnsupported() {
        String text = "Le paracétamol soulage la douleur arthrosique du genou mieux que les anti-inflammatoires [3].";
        List<Finding> unsupported = of(CitationCheck.check(text, REFERENCES), FindingKind.UNSUPPORTED_SENTENCE);
        assertThat(unsupported).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("[3]");
        });
    }

    @Test
    void aClaimWithoutCitationIsPointedOutButHeadingsAreNot() {
        String text = "Synthèse\nLa marche quotidienne prévient les fractures du col du fémur chez la femme âgée.";
        List<Finding> findings = CitationCheck.check(text, REFERENCES);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.UNSUPPORTED_SENTENCE);
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.text()).startsWith("La marche");
        });
    }

    @Test
    void cognateKeysJoinFrenchAndEnglish() {
        assertThat(ClaimSupport.keys("mortalité hypertension essais enfants")).containsExactly("morta", "hyper", "trial", "child");
        assertThat(ClaimSupport.keys("mortality hypertensive trials children")).containsExactly("morta", "hyper", "trial", "child");
    }
}
