package fr.avec.communicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatientNoticeTest {

    private final PatientNotice.Context chu = new PatientNotice.Context("CHU de Rivebelle",
            "le secrétariat (01 23 45 67 89)", "dpo@chu-rivebelle.example");
    private final List<PatientNotice.Tool> tools = List.of(
            new PatientNotice.Tool("Mistral Small", "Rédaction des comptes rendus de consultation", "Drafting consultation reports",
                    PatientNotice.Hosting.ON_PREMISE),
            new PatientNotice.Tool("Albert", "Synthèses de la littérature scientifique", null, PatientNotice.Hosting.HDS));

    @Test
    void standardNoticeNamesEachToolItsUseAndHosting() {
        PatientNotice.Notice notice = PatientNotice.write(PatientNotice.Version.STANDARD_FR, chu, tools);
        String text = notice.plainText();
        assertThat(text).contains("CHU de Rivebelle")
                .contains("Mistral Small : rédaction des comptes rendus de consultation, hébergé sur les serveurs de l'établissement.")
                .contains("Albert : synthèses de la littérature scientifique, hébergé chez un hébergeur certifié pour les données de santé (HDS)")
                .contains("validé").contains("vous opposer").contains("dpo@chu-rivebelle.example").contains("CNIL");
        assertThat(notice.sections()).extracting(PatientNotice.Section::heading)
                .containsExactly("Ce que nous faisons", "Un professionnel vérifie toujours", "Vos données", "Vos droits");
    }

    @Test
    void easyToReadVersionKeepsSentencesShort() {
        PatientNotice.Notice notice = PatientNotice.write(PatientNotice.Version.EASY_FR, chu, tools);
        // FALC: one idea per sentence; no sentence of the body longer than 15 words.
        for (PatientNotice.Section section : notice.sections()) {
            for (String paragraph : section.paragraphs()) {
                for (String sentence : paragraph.split("(?<=[.!?])\\s+")) {
                    assertThat(Arrays.stream(sentence.split("\\s+")).count()).as(sentence).isLessThanOrEqualTo(15);
                }
            }
        }
        assertThat(notice.plainText()).contains("Vous pouvez refuser").contains("Vous serez soigné de la même façon");
    }

    @Test
    void englishVersionFallsBackToTheFrenchPurpose() {
        String text = PatientNotice.write(PatientNotice.Version.ENGLISH, chu, tools).plainText();
        assertThat(text).contains("Mistral Small: drafting consultation reports, hosted on the hospital's own servers.")
                .contains("Albert: synthèses de la littérature scientifique");
    }

    @Test
    void aRegisterWithoutToolsHasNothingToAnnounce() {
        assertThatThrownBy(() -> PatientNotice.write(PatientNotice.Version.STANDARD_FR, chu, List.of()))
                .hasMessageContaining("no AI tool");
    }
}
