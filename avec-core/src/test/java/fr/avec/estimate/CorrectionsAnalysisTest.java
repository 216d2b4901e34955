package fr.avec.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CorrectionsAnalysisTest {

    private static final String DRAFT = """
            Motif : douleur thoracique depuis deux jours.
            Antécédents : HTA traitée par amlodipine 5 mg.
            Examen clinique : TA 14/9, FC 88, T 38,5 °C.
            Conclusion : probable péricardite.
            Conduite à tenir : ibuprofène 400 mg x 3/j pendant 10 jours.
            """;

    @Test
    void identicalTextIsUneditedWhateverTheWhitespace() {
        Corrections corrections = CorrectionsAnalysis.compare(DRAFT, DRAFT.replace("\n", "\r\n  "));
        assertThat(corrections.unedited()).isTrue();
        assertThat(corrections.editRate()).isZero();
        assertThat(corrections.draftWords()).isEqualTo(corrections.validatedWords());
    }

    @Test
    void aCorrectedDoseIsOneSubstitutionInItsSection() {
        String validated = DRAFT.replace("ibuprofène 400 mg", "ibuprofène 200 mg");
        Corrections corrections = CorrectionsAnalysis.compare(DRAFT, validated);
        assertThat(corrections.substituted()).isEqualTo(1);
        assertThat(corrections.inserted()).isZero();
        assertThat(corrections.deleted()).isZero();
        assertThat(corrections.editRate()).isCloseTo(1.0 / corrections.draftWords(), within(1e-9));
        assertThat(corrections.sections()).extracting(Corrections.SectionChange::title)
                .containsExactly("Motif", "Antécédents", "Examen clinique", "Conclusion", "Conduite à tenir");
        assertThat(corrections.sections()).filteredOn(s -> s.edits() > 0).singleElement()
                .satisfies(s -> assertThat(s.title()).isEqualTo("Conduite à tenir"));
    }

    @Test
    void decimalCommaAndFractionsAreSingleWords() {
        Corrections corrections = CorrectionsAnalysis.compare("T 38,5 °C et TA 14/9", "T 38,9 °C et TA 14/9");
        // T, 38,5, °C, et, TA, 14/9
        assertThat(corrections.draftWords()).isEqualTo(6);
        assertThat(corrections.substituted()).isEqualTo(1);
    }

    @Test
    void addedAndRemovedSentencesAreCounted() {
        String validated = DRAFT.replace("Conclusion : probable péricardite.", "Conclusion : péricardite aiguë probable, ECG à refaire.")
                .replace(" pendant 10 jours", "");
        Corrections corrections = CorrectionsAnalysis.compare(DRAFT, validated);
        assertThat(corrections.deleted()).isGreaterThanOrEqualTo(3);
        assertThat(corrections.inserted()).isGreaterThanOrEqualTo(3);
        assertThat(corrections.sections()).filteredOn(s -> s.edits() > 0).extracting(Corrections.SectionChange::title)
                .containsExactly("Conclusion", "Conduite à tenir");
    }

    @Test
    void rewritingEverythingIsRateOne() {
        Corrections corrections = CorrectionsAnalysis.compare("patient vu ce jour", "Consultation annulée : la patiente ne s'est pas présentée au rendez-vous prévu");
        assertThat(corrections.editRate()).isEqualTo(1.0);
    }

    @Test
    void textWithoutHeadingsIsOneUntitledSection() {
        Corrections corrections = CorrectionsAnalysis.compare("patient vu ce jour pour une toux", "patient vu ce jour pour une toux sèche");
        assertThat(corrections.sections()).singleElement().satisfies(s -> {
            assertThat(s.title()).isEmpty();
            assertThat(s.edits()).isEqualTo(1);
        });
        assertThat(CorrectionsAnalysis.compare("", "").editRate()).isZero();
    }

    @Test
    void upperCaseHeadingsAreSections() {
        Corrections corrections = CorrectionsAnalysis.compare("EXAMEN NEUROLOGIQUE : normal.\nBILAN : à prévoir.", "EXAMEN NEUROLOGIQUE : normal.\nBILAN : IRM à prévoir.");
        assertThat(corrections.sections()).extracting(Corrections.SectionChange::title).containsExactly("EXAMEN NEUROLOGIQUE", "BILAN");
        assertThat(corrections.sections().get(1).edits()).isEqualTo(1);
    }
}
