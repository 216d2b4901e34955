package fr.avec.verify.omission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.avec.text.Tokenizer;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClinicalVocabularyTest {

    private static List<String> concepts(String text, boolean lenient) {
        return ClinicalVocabulary.standard().scan(text, Tokenizer.tokenize(text), lenient).stream()
                .map(h -> h.concept().id()).toList();
    }

    @Test
    void abbreviationsAndFullNamesAreOneConcept() {
        assertThat(concepts("ATCD : HTA, DT2, BPCO.", false)).containsExactly("hypertension", "diabetes", "copd");
        assertThat(concepts("hypertension artérielle, diabète de type 2, bronchopneumopathie chronique obstructive", false))
                .containsExactly("hypertension", "diabetes", "copd");
        assertThat(concepts("high blood pressure and sugar diabetes", false)).containsExactly("hypertension", "diabetes");
    }

    @Test
    void shortAbbreviationsMatchOnlyInCapitals() {
        assertThat(concepts("ta fille, ts les jours", false)).isEmpty();
        assertThat(concepts("TA 14/9, ATCD de TS", false)).containsExactly("blood-pressure", "suicide");
    }

    @Test
    void inflectionsHyphensAndSpokenDeterminersMatch() {
        assertThat(concepts("Allergies multiples, non-fumeuse, idées suicidaires", false))
                .containsExactly("allergy", "tobacco/none", "suicide");
        assertThat(concepts("any blood in your urine", false)).containsExactly("hematuria");
        assertThat(concepts("j'ai mal à la tête", false)).containsExactly("headache");
    }

    @Test
    void ambiguousSpellingsKeepAFactButNeverMakeOne() {
        assertThat(concepts("She has two kids.", false)).isEmpty();
        assertThat(concepts("She has two kids.", true)).containsExactly("children");
    }

    @Test
    void malformedVocabularyLinesAreRefusedWithTheirNumber() {
        assertThatThrownBy(() -> ClinicalVocabulary.parse(new StringReader("# comment\nDIAGNOSIS\tx\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> ClinicalVocabulary.parse(new StringReader("ILLNESS\tx\ty\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown category ILLNESS");
    }

    @Test
    void everyCategoryButValuesHasConcepts() {
        var categories = ClinicalVocabulary.standard().concepts().stream().map(ClinicalVocabulary.Concept::category).distinct().toList();
        assertThat(categories).contains(FactCategory.ALLERGY, FactCategory.SAFETY, FactCategory.MENTAL_HEALTH, FactCategory.SOCIAL,
                FactCategory.RISK_FACTOR, FactCategory.DIAGNOSIS, FactCategory.SYMPTOM, FactCategory.VITAL_SIGN,
                FactCategory.LAB_VALUE, FactCategory.FOLLOW_UP, FactCategory.DRUG);
    }
}
