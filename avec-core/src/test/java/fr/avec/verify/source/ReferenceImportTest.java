package fr.avec.verify.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** Each export format read from a small but faithful sample file, and the bad inputs refused with a clear message. */
class ReferenceImportTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ReferenceImportTest.class.getResourceAsStream("/references/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void pubmedXmlGivesAuthorsJournalIdentifiersAndTheStructuredAbstract() throws Exception {
        byte[] xml = resource("pubmed-sample.xml");
        assertThat(ReferenceImport.detect(xml)).isEqualTo(ReferenceFormat.MEDLINE_XML);
        List<Reference> refs = ReferenceImport.read(xml);
        assertThat(refs).hasSize(2);
        Reference first = refs.get(0);
        assertThat(first.pmid()).isEqualTo("31234567");
        assertThat(first.doi()).isEqualTo("10.1111/jgs.15987");
        assertThat(first.title()).isEqualTo("Vitamin D supplementation and falls in community-dwelling older adults: a randomized controlled trial");
        assertThat(first.authors()).containsExactly("Lefèvre AC", "Okafor C", "van der Berg PJ", "FALLS-D Investigators");
        assertThat(first.journal()).isEqualTo("J Am Geriatr Soc");
        assertThat(first.year()).isEqualTo("2019");
        assertThat(first.volume()).isEqualTo("67");
        assertThat(first.issue()).isEqualTo("9");
        assertThat(first.pages()).isEqualTo("1812-1820");
        assertThat(first.text()).startsWith("BACKGROUND: Falls are a leading cause").contains("vitamin D3 800 IU daily")
                .contains("RESULTS: Vitamin D reduced the rate of falls by 19%");
        Reference second = refs.get(1);
        assertThat(second.year()).isEqualTo("2022");
        assertThat(second.title()).contains("systematic review and meta-analysis of 108 trials");
        assertThat(second.doi()).isEqualTo("10.1186/s12877-022-02745-1");
    }

    @Test
    void pubmedXmlNeverResolvesExternalEntities() {
        String evil = """
                <?xml version="1.0"?>
                <!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&xxe;</ArticleTitle>
                </Article></MedlineCitation></PubmedArticle></PubmedArticleSet>""";
        try {
            List<Reference> refs = ReferenceImport.read(evil.getBytes(StandardCharsets.UTF_8));
            assertThat(refs.get(0).title()).doesNotContain("root:");
        } catch (UnreadableReferences refused) {
            assertThat(refused.getMessage()).contains("PubMed XML");
        }
    }

    @Test
    void truncatedXmlIsRefusedWithItsLine() {
        assertThatThrownBy(() -> ReferenceImport.read("<PubmedArticleSet><PubmedArticle><MedlineCitation>\n<PMID>1</PMID>\n<Article>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableReferences.class).hasMessageContaining("malformed PubMed XML");
    }

    @Test
    void medlineTextJoinsContinuationLinesAndFindsTheDoi() throws Exception {
        List<Reference> refs = ReferenceImport.read(resource("pubmed-sample.txt"));
        assertThat(refs).hasSize(2);
        Reference r = refs.get(0);
        assertThat(r.format()).isEqualTo(ReferenceFormat.MEDLINE_TEXT);
        assertThat(r.title()).isEqualTo("Home blood pressure telemonitoring in primary care: a randomised trial in French general practice");
        assertThat(r.authors()).containsExactly("Moreau E", "Benali K");
        assertThat(r.doi()).isEqualTo("10.1136/heartjnl-2020-317345");
        assertThat(r.year()).isEqualTo("2021");
        assertThat(r.journal()).isEqualTo("Heart");
        assertThat(r.text()).contains("Systolic blood pressure fell by 8.4 mmHg");
    }

    @Test
    void risReadsZoteroExportWithInvertedNamesAndPmidInNotes() throws Exception {
        List<Reference> refs = ReferenceImport.read(resource("zotero-sample.ris"));
        assertThat(refs).hasSize(2);
        Reference r = refs.get(0);
        assertThat(r.authors()).containsExactly("Lefèvre AC", "Girard JP");
        assertThat(r.journal()).isEqualTo("Rev Med Interne");
        assertThat(r.pages()).isEqualTo("180-187");
        assertThat(r.pmid()).isEqualTo("31955908");
        assertThat(r.year()).isEqualTo("2020");
        assertThat(r.text()).contains("une personne de plus de 65 ans sur trois").contains("L'activité physique adaptée");
        assertThat(refs.get(1).doi()).isEqualTo("10.1111/jgs.15987");
    }

    @Test
    void risWithoutEndOfRecordIsRefused() {
        assertThatThrownBy(() -> ReferenceImport.read("TY  - JOUR\nTI  - Title\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableReferences.class).hasMessageContaining("ER");
    }

    @Test
    void bibtexReadsMacrosLatexAccentsAndBothNameForms() throws Exception {
        List<Reference> refs = ReferenceImport.read(resource("mendeley-sample.bib"));
        assertThat(refs).hasSize(2);
        Reference r = refs.get(0);
        assertThat(r.title()).isEqualTo("Activité physique et prévention des chutes : une méta-analyse");
        assertThat(r.authors()).containsExactly("Durand P", "Müller H", "François L");
        assertThat(r.journal()).isEqualTo("La Revue du Praticien");
        assertThat(r.pages()).isEqualTo("145-152");
        assertThat(r.pmid()).isEqualTo("33990012");
        assertThat(r.text()).isEqualTo("L'activité physique réduit de 23 % le nombre de chutes.");
        assertThat(refs.get(1).authors()).containsExactly("Nguyen TM", "Durand P");
        assertThat(refs.get(1).journal()).startsWith("Proceedings");
    }

    @Test
    void unbalancedBibtexIsRefusedWithItsLine() {
        assertThatThrownBy(() -> ReferenceImport.read("@article{k,\n title = {Open\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableReferences.class).hasMessageContaining("BibTeX line");
    }

    @Test
    void pdfArticleGivesItsTextTitleAndDoi() throws Exception {
        byte[] pdf = pdf("Hypertension in older adults: home monitoring", "doi: 10.1000/pdf.2024.7",
                "Home monitoring lowered systolic blood pressure by 6 mmHg in 240 patients.");
        assertThat(ReferenceImport.detect(pdf)).isEqualTo(ReferenceFormat.PDF);
        Reference r = ReferenceImport.read(pdf).get(0);
        assertThat(r.title()).isEqualTo("Hypertension in older adults: home monitoring");
        assertThat(r.doi()).isEqualTo("10.1000/pdf.2024.7");
        assertThat(r.text()).contains("lowered systolic blood pressure by 6 mmHg");
    }

    @Test
    void unknownFormatsAreRefused() {
        assertThatThrownBy(() -> ReferenceImport.read("just some words".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableReferences.class).hasMessageContaining("unrecognised format");
        assertThatThrownBy(() -> ReferenceImport.read("%PDF-1.7 broken".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableReferences.class).hasMessageContaining("PDF");
    }

    @Test
    void hundredRecordsParse() throws Exception {
        byte[] big = hundredRecords();
        long start = System.nanoTime();
        List<Reference> refs = MedlineXml.read(new java.io.ByteArrayInputStream(big));
        long micros = (System.nanoTime() - start) / 1000;
        assertThat(refs).hasSize(100);
        assertThat(refs).extracting(Reference::pmid).doesNotHaveDuplicates();
        // Reported, never asserted (timings are noisy on a shared machine): see BENCHMARKS.md.
        start = System.nanoTime();
        MedlineXml.read(new java.io.ByteArrayInputStream(big));
        long warm = (System.nanoTime() - start) / 1000;
        System.out.println("MEDLINE XML, 100 records, " + big.length + " bytes, first parse in this JVM: " + micros + " µs, second: " + warm + " µs");
    }

    /** 100 PubMed records: the sample's two articles, repeated with distinct identifiers. */
    static byte[] hundredRecords() throws IOException {
        String xml = new String(resource("pubmed-sample.xml"), StandardCharsets.UTF_8);
        int from = xml.indexOf("<PubmedArticle>");
        int to = xml.lastIndexOf("</PubmedArticle>") + "</PubmedArticle>".length();
        String articles = xml.substring(from, to);
        StringBuilder out = new StringBuilder(xml.substring(0, from));
        for (int k = 0; k < 50; k++) {
            out.append(articles.replace("31234567", String.valueOf(31234567 + 1000 + k)).replace("35550001", String.valueOf(35550001 + 1000 + k))
                    .replace("10.1111/jgs.15987", "10.1111/jgs." + (16000 + k)));
        }
        out.append(xml.substring(to));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] pdf(String title, String... lines) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            document.getDocumentInformation().setTitle(title);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.newLineAtOffset(72, 720);
                content.showText(title);
                for (String line : lines) {
                    content.newLineAtOffset(0, -16);
                    content.showText(line);
                }
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
