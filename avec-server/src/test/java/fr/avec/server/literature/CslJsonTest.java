package fr.avec.server.literature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.avec.verify.source.Deduplication;
import fr.avec.verify.source.Reference;
import fr.avec.verify.source.ReferenceFormat;
import fr.avec.verify.source.ReferenceImport;
import fr.avec.verify.source.UnreadableReferences;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Zotero CSL-JSON export: numbers or strings, literal group authors, raw dates; it merges with the same article from PubMed. */
class CslJsonTest {

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = CslJsonTest.class.getResourceAsStream("/references/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void zoteroExportIsReadAndDeduplicatedAgainstPubmedText() throws Exception {
        byte[] json = resource("zotero-sample.json");
        assertThat(ReferenceImport.detect(json)).isEqualTo(ReferenceFormat.CSL_JSON);
        List<Reference> refs = CslJson.read(json);
        assertThat(refs).hasSize(2);
        Reference r = refs.get(0);
        // Initials keep their accent, as PubMed writes them in its XML (« Lefèvre AC », « Moreau É »).
        assertThat(r.authors()).containsExactly("Moreau É", "Benali K", "TELE-HTA Study Group");
        assertThat(r.journal()).isEqualTo("Heart");
        assertThat(r.issue()).isEqualTo("4");
        assertThat(r.year()).isEqualTo("2021");
        assertThat(r.pmid()).isEqualTo("33440001");
        assertThat(r.text()).contains("8.4 mmHg");
        assertThat(refs.get(1).year()).isEqualTo("2005");
        assertThat(refs.get(1).authors()).containsExactly("Haute Autorité de Santé");
        List<Reference> medline = ReferenceImport.read(resource("pubmed-sample.txt"));
        assertThat(Deduplication.merge(medline, refs).duplicates()).isEqualTo(1);
    }

    @Test
    void malformedJsonIsRefused() {
        assertThatThrownBy(() -> CslJson.read("[{\"title\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableReferences.class).hasMessage("malformed CSL-JSON");
        assertThatThrownBy(() -> CslJson.read("[1, 2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableReferences.class);
    }
}
