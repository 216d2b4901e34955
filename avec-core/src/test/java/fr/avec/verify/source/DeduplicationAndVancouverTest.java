package fr.avec.verify.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The same article from PubMed and from Zotero is kept once; the bibliography follows Citing Medicine. */
class DeduplicationAndVancouverTest {

    @Test
    void duplicatesByDoiPmidOrTitleAreMergedKeepingTheLongerText() throws Exception {
        List<Reference> pubmed = ReferenceImport.read(ReferenceImportTest.resource("pubmed-sample.xml"));
        List<Reference> zotero = ReferenceImport.read(ReferenceImportTest.resource("zotero-sample.ris"));
        List<Reference> medline = ReferenceImport.read(ReferenceImportTest.resource("pubmed-sample.txt"));
        Deduplication.Result first = Deduplication.merge(pubmed, zotero);
        // The vitamin D trial is in both (DOI written as a URL in upper case in Zotero).
        assertThat(first.duplicates()).isEqualTo(1);
        assertThat(first.references()).hasSize(3);
        Deduplication.Result second = Deduplication.merge(first.references(), medline);
        assertThat(second.duplicates()).isEqualTo(1);
        assertThat(second.references()).hasSize(4);
        assertThat(second.references().get(0).text()).contains("RESULTS");
        Reference sameTitleOnly = new Reference("EXERCISE programmes to prevent falls — a systematic review and meta-analysis of 108 trials",
                List.of(), "", "", "", "", "", "", "", "longer text ".repeat(100), ReferenceFormat.MANUAL);
        Deduplication.Result third = Deduplication.merge(second.references(), List.of(sameTitleOnly));
        assertThat(third.duplicates()).isEqualTo(1);
        assertThat(third.references().get(1).text()).startsWith("longer text");
    }

    @Test
    void vancouverListsSixAuthorsThenEtAl() {
        Reference r = new Reference("Vitamin D and falls", List.of("Lefèvre AC", "Okafor C", "Durand P", "Martin B", "Petit L", "Roux M", "Blanc F"),
                "J Am Geriatr Soc", "2019", "67", "9", "1812-1820", "10.1111/jgs.15987", "31234567", "", ReferenceFormat.MEDLINE_XML);
        assertThat(Vancouver.format(r)).isEqualTo("Lefèvre AC, Okafor C, Durand P, Martin B, Petit L, Roux M, et al. Vitamin D and falls. "
                + "J Am Geriatr Soc. 2019;67(9):1812-1820. doi:10.1111/jgs.15987. PMID: 31234567.");
        Reference bare = new Reference("Is it worth it?", List.of("FALLS-D Investigators"), "BMC Geriatr", "2022", "22", "", "45", "", "", "",
                ReferenceFormat.MANUAL);
        assertThat(Vancouver.bibliography(List.of(bare))).isEqualTo("1. FALLS-D Investigators. Is it worth it? BMC Geriatr. 2022;22:45.\n");
    }
}
