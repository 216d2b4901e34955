package fr.avec.server.communicate.notice;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.communicate.PatientNotice;
import fr.avec.verify.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The notice as patients read it: the easy-to-read version passes the Verify engine's readability checks
 * (Kandel–Moles score, sentence length) that the standard version is allowed to miss, and the PDF layouts
 * carry every part of the notice (the poster at A3).
 */
class NoticeReadabilityTest {

    static final PatientNotice.Context CONTEXT = new PatientNotice.Context("Centre de santé des Lilas", "l’accueil, 01 23 45 67 89",
            "dpo@cds-lilas.example");
    static final List<PatientNotice.Tool> TOOLS = List.of(new PatientNotice.Tool("Mistral Small 3.2",
            "Proposer le compte rendu d’une consultation", "Drafting the report of a consultation", PatientNotice.Hosting.ON_PREMISE));

    @Test
    void theEasyToReadNoticeHasNoReadabilityFinding() {
        Verifier verifier = Verifier.builder().build();
        List<String> easy = NoticeController.readability(verifier, PatientNotice.write(PatientNotice.Version.EASY_FR, CONTEXT, TOOLS));
        List<String> standard = NoticeController.readability(verifier, PatientNotice.write(PatientNotice.Version.STANDARD_FR, CONTEXT, TOOLS));
        System.out.printf("notice readability findings: easy_fr=%d standard_fr=%d%n", easy.size(), standard.size());
        assertThat(easy).isEmpty();
        assertThat(standard.size()).isGreaterThan(easy.size());
    }

    @Test
    void thePosterIsA3AndKeepsEveryHeading() throws IOException {
        PatientNotice.Notice notice = PatientNotice.write(PatientNotice.Version.EASY_FR, CONTEXT, TOOLS);
        byte[] pdf = NoticePdf.render(notice, NoticePdf.Layout.POSTER, "Centre de santé des Lilas");
        Files.createDirectories(Path.of("target", "screenshots", "notice"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(1190.55f, org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            for (PatientNotice.Section section : notice.sections()) {
                assertThat(text).contains(section.heading());
            }
            assertThat(text).contains("Mistral Small 3.2 est installé dans l'hôpital.");
        }
    }
}
