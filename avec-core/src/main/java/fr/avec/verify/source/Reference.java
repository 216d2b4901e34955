package fr.avec.verify.source;

import java.util.List;
import java.util.Objects;

/**
 * One bibliographic reference with the text a synthesis is checked against (its abstract, or the full text
 * of a PDF). Fields that the export did not carry are empty strings, never null.
 *
 * @param authors Vancouver-style names: family name then initials (« Dupont JP »), or a group name
 * @param journal the journal's abbreviation where the export has it (NLM style), else its full title
 * @param text    the abstract or full text that stands as the source; may be empty
 * @param format  the format it was read from
 */
public record Reference(String title, List<String> authors, String journal, String year, String volume, String issue,
                        String pages, String doi, String pmid, String text, ReferenceFormat format) {

    public Reference {
        Objects.requireNonNull(format, "format");
        title = clean(title);
        authors = authors == null ? List.of() : authors.stream().map(Reference::clean).filter(a -> !a.isEmpty()).toList();
        journal = clean(journal);
        year = clean(year);
        volume = clean(volume);
        issue = clean(issue);
        pages = clean(pages);
        doi = normaliseDoi(doi);
        pmid = clean(pmid);
        text = text == null ? "" : text.strip();
    }

    /** The same reference with another source text (a fuller one found in a duplicate). */
    public Reference withText(String newText) {
        return new Reference(title, authors, journal, year, volume, issue, pages, doi, pmid, newText, format);
    }

    /** Whether anything identifies this reference at all. */
    public boolean identified() {
        return !title.isEmpty() || !doi.isEmpty() || !pmid.isEmpty();
    }

    /** A DOI without its resolver prefix, lower-cased (DOIs are case-insensitive). */
    static String normaliseDoi(String doi) {
        String d = clean(doi);
        d = d.replaceFirst("(?i)^(https?://(dx\\.)?doi\\.org/|doi:\\s*)", "");
        return d.replaceAll("[.;,]+$", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private static String clean(String value) {
        return value == null ? "" : SPACES.matcher(value).replaceAll(" ").strip();
    }
}
