package fr.avec.verify.source;

import fr.avec.text.FoldedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges reference lists, one entry per work: two references are the same when they share a DOI, a PMID
 * or a normalised title (folded, punctuation removed: the same article exported by PubMed and by Zotero).
 * The first one is kept, with the longer source text of the two (a PDF's full text beats an abstract) and
 * the identifiers it lacked.
 */
public final class Deduplication {

    /** The merged list and how many incoming references were duplicates. */
    public record Result(List<Reference> references, int duplicates) {
        public Result {
            references = List.copyOf(references);
        }
    }

    private Deduplication() {
    }

    /** The title key: folded, letters and digits only, single spaces. */
    public static String titleKey(String title) {
        return FoldedText.fold(title).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** {@code existing} followed by the incoming references that are not already there. */
    public static Result merge(List<Reference> existing, List<Reference> incoming) {
        List<Reference> out = new ArrayList<>(existing);
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < out.size(); k++) {
            for (String key : keys(out.get(k))) {
                index.putIfAbsent(key, k);
            }
        }
        int duplicates = 0;
        for (Reference r : incoming) {
            Integer same = null;
            for (String key : keys(r)) {
                same = index.get(key);
                if (same != null) {
                    break;
                }
            }
            if (same == null) {
                out.add(r);
                for (String key : keys(r)) {
                    index.putIfAbsent(key, out.size() - 1);
                }
            } else {
                duplicates++;
                Reference kept = combine(out.get(same), r);
                out.set(same, kept);
                for (String key : keys(kept)) {
                    index.putIfAbsent(key, same);
                }
            }
        }
        return new Result(out, duplicates);
    }

    private static Reference combine(Reference kept, Reference other) {
        String text = other.text().length() > kept.text().length() ? other.text() : kept.text();
        return new Reference(kept.title(), kept.authors().isEmpty() ? other.authors() : kept.authors(),
                kept.journal().isEmpty() ? other.journal() : kept.journal(), kept.year().isEmpty() ? other.year() : kept.year(),
                kept.volume().isEmpty() ? other.volume() : kept.volume(), kept.issue().isEmpty() ? other.issue() : kept.issue(),
                kept.pages().isEmpty() ? other.pages() : kept.pages(), kept.doi().isEmpty() ? other.doi() : kept.doi(),
                kept.pmid().isEmpty() ? other.pmid() : kept.pmid(), text, kept.format());
    }

    /** Keys in order of trust; a title shorter than 20 characters (« Editorial ») identifies nothing. */
    static List<String> keys(Reference r) {
        List<String> keys = new ArrayList<>(3);
        if (!r.doi().isEmpty()) {
            keys.add("doi:" + r.doi());
        }
        if (!r.pmid().isEmpty()) {
            keys.add("pmid:" + r.pmid());
        }
        String title = titleKey(r.title());
        if (title.length() >= 20) {
            keys.add("title:" + title);
        }
        return keys;
    }
}
