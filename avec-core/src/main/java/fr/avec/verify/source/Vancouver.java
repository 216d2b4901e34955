package fr.avec.verify.source;

import java.util.List;

/**
 * The Vancouver style of the ICMJE recommendations as the NLM's « Citing Medicine » (2nd ed.) describes it for
 * journal articles: up to six authors then « et al. », title, journal abbreviation, « year;volume(issue):pages »,
 * then the DOI and PMID. Example:
 * {@code 1. Dupont J, Martin A. Titre de l'article. Rev Prat. 2020;70(3):245-52. doi:10.1000/xyz. PMID: 12345678.}
 */
public final class Vancouver {

    /** Citing Medicine lists the first six authors, then « et al. ». */
    static final int MAX_AUTHORS = 6;

    private Vancouver() {
    }

    /** One reference, without its number. */
    public static String format(Reference r) {
        StringBuilder out = new StringBuilder();
        List<String> authors = r.authors();
        if (!authors.isEmpty()) {
            out.append(String.join(", ", authors.subList(0, Math.min(MAX_AUTHORS, authors.size()))));
            if (authors.size() > MAX_AUTHORS) {
                out.append(", et al");
            }
            out.append(". ");
        }
        if (!r.title().isEmpty()) {
            out.append(r.title());
            if (!r.title().endsWith("?") && !r.title().endsWith("!")) {
                out.append('.');
            }
            out.append(' ');
        }
        if (!r.journal().isEmpty()) {
            out.append(r.journal().replaceAll("[.]$", "")).append(". ");
        }
        if (!r.year().isEmpty()) {
            out.append(r.year());
            if (!r.volume().isEmpty()) {
                out.append(';').append(r.volume());
                if (!r.issue().isEmpty()) {
                    out.append('(').append(r.issue()).append(')');
                }
            }
            if (!r.pages().isEmpty()) {
                out.append(':').append(r.pages());
            }
            out.append(". ");
        }
        if (!r.doi().isEmpty()) {
            out.append("doi:").append(r.doi()).append(". ");
        }
        if (!r.pmid().isEmpty()) {
            out.append("PMID: ").append(r.pmid()).append('.');
        }
        return out.toString().strip();
    }

    /** A numbered bibliography, one line per reference: « 1. ... ». */
    public static String bibliography(List<Reference> references) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < references.size(); k++) {
            out.append(k + 1).append(". ").append(format(references.get(k))).append('\n');
        }
        return out.toString();
    }
}
