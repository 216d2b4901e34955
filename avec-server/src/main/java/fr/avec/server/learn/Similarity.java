package fr.avec.server.learn;

import fr.avec.text.FoldedText;
import fr.avec.text.Token;
import fr.avec.text.Tokenizer;
import java.util.List;

/**
 * How close a model's output is to the reference text: ROUGE-L F1 (Lin, 2004) over words and numbers,
 * compared after French folding (lower case, no accents) and without punctuation. It rewards the same
 * facts in the same order and ignores layout; it does not know synonyms, so a correct paraphrase scores
 * lower than a copy. It is one signal next to the Verify findings, never a verdict on its own.
 */
public final class Similarity {

    private Similarity() {
    }

    /** ROUGE-L F1 in [0, 1]; 0 when either text has no word. */
    public static double rougeL(String candidate, String reference) {
        List<String> a = words(candidate);
        List<String> b = words(reference);
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int lcs = lcs(a, b);
        if (lcs == 0) {
            return 0;
        }
        double precision = (double) lcs / a.size();
        double recall = (double) lcs / b.size();
        return 2 * precision * recall / (precision + recall);
    }

    static List<String> words(String text) {
        return Tokenizer.tokenize(FoldedText.of(text == null ? "" : text)).stream()
                .filter(t -> t.type() != Token.Type.SYMBOL).map(Token::text).toList();
    }

    /** Length of the longest common subsequence, in two rows of memory. */
    static int lcs(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] row = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                row[j] = x.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], row[j - 1]);
            }
            int[] swap = previous;
            previous = row;
            row = swap;
        }
        return previous[b.size()];
    }
}
