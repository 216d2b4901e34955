package fr.avec.verify.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Reference files come from other programs and from the Internet (PubMed XML and text, RIS, BibTeX, PDF): any
 * bytes give references or an {@link UnreadableReferences} with a message for the person importing them; never
 * another exception, and never a reference without its format. The seeds are the sample exports of the tests.
 */
class ReferenceImportFuzzTest {

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"<PubmedArticle>", "<MedlineCitation", "<AbstractText>", "<!DOCTYPE", "<!ENTITY", "PMID- ", "TI  - ",
            "AB  - ", "TY  - JOUR", "ER  - ", "@article{", "title = {", "author = ", " and ", "%PDF-1.4", "\\'e"})
    void anyFileIsReadOrRefusedWithAMessage(byte[] bytes) {
        try {
            List<Reference> references = ReferenceImport.read(bytes);
            assertThat(references).allSatisfy(reference -> assertThat(reference.format()).isNotNull());
        } catch (UnreadableReferences refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
