package fr.avec.server.literature;

import fr.avec.verify.source.Reference;
import fr.avec.verify.source.ReferenceFormat;
import fr.avec.verify.source.Vancouver;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A reference of a synthesis as stored: the bibliographic fields, its source text, whether it is chosen for the
 * draft and who ticked « source consulted », when.
 */
public record SynthesisReference(long id, long synthesisId, int position, boolean chosen, Reference reference,
                                 String consultedBy, Instant consultedAt) {

    public boolean consulted() {
        return consultedAt != null;
    }

    /** The Vancouver line (without number). */
    public String vancouver() {
        return Vancouver.format(reference);
    }

    /** Where the professional can read the source: PubMed, else the DOI resolver, else nothing. */
    public String link() {
        if (!reference.pmid().isEmpty()) {
            return "https://pubmed.ncbi.nlm.nih.gov/" + reference.pmid() + "/";
        }
        return reference.doi().isEmpty() ? null : "https://doi.org/" + reference.doi();
    }

    static String joinAuthors(List<String> authors) {
        return String.join("; ", authors);
    }

    static List<String> splitAuthors(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(";\\s*")).toList();
    }

    static Reference reference(String title, String authors, String journal, String year, String volume, String issue, String pages,
                               String doi, String pmid, String text, String format) {
        return new Reference(title, splitAuthors(authors), journal, year, volume, issue, pages, doi, pmid, text, ReferenceFormat.valueOf(format));
    }
}
