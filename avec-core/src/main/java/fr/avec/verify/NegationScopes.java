package fr.avec.verify;

import fr.avec.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A French and English negation and hypothesis scope detector in the spirit of NegEx (Chapman et al., 2001;
 * French adaptation after Deléger &amp; Grouin, 2012): a trigger (« pas de », « absence de », « aucun »,
 * « sans », « non », « nie », « denies », « no ») negates the words that follow it up to a terminator
 * (punctuation, « mais », « sauf », « but ») or five words; post-triggers (« absent », « négatif »,
 * « exclu », « ruled out ») negate the words before them; hypothesis triggers (« suspicion de », « si »,
 * « éventuel », « possible », « à éliminer », « if ») put words out of both camps.
 */
final class NegationScopes {

    static final int AFFIRMED = 1;
    static final int NEGATED = 2;
    static final int HYPOTHETICAL = 4;

    private static final int WINDOW = 4;

    private static final Set<String> PRE_NEGATION = words("pas", "aucun", "aucune", "aucuns", "aucunes", "sans", "non", "ni",
            "jamais", "nie", "nies", "niant", "absence", "negatif", "negative", "negatifs", "negatives", "no", "not", "denies",
            "denied", "deny", "without", "never", "none", "nor", "plus");
    private static final Set<String> POST_NEGATION = words("absent", "absente", "absents", "absentes", "exclu", "exclue",
            "exclus", "exclues", "ecarte", "ecartee", "negatif", "negative", "negatifs", "negatives", "absent", "retrouve",
            "retrouvee");
    private static final Set<String> HYPOTHESIS = words("suspicion", "suspect", "suspecte", "possible", "possibles",
            "probable", "probables", "eventuel", "eventuelle", "eventuels", "eventuelles", "si", "hypothese", "evoque",
            "evoquer", "eliminer", "rechercher", "risque", "if", "possibly", "probably", "suspected", "rule", "whether",
            "craindre", "doute", "surveiller", "surveillance");
    private static final Set<String> TERMINATORS = words("mais", "cependant", "toutefois", "sauf", "hormis", "car", "donc",
            "neanmoins", "pourtant", "excepte", "but", "however", "except", "although", "though", "which", "who", "qui", "que");
    static final Set<String> FUNCTION_WORDS = words("de", "d", "des", "du", "la", "le", "les", "l", "un", "une", "a", "au", "aux",
            "en", "et", "ou", "the", "of", "to", "an", "any", "and", "or", "ne", "n", "y", "il", "elle", "ils", "elles", "on",
            "se", "s", "sa", "son", "ses", "leur", "leurs", "ce", "cet", "cette", "ces", "est", "a", "ont", "sont", "etait",
            "signe", "signes", "notion", "notions", "antecedent", "antecedents", "trace", "argument", "arguments", "evidence",
            "history", "sign", "signs", "symptom", "symptoms", "has", "have", "had", "is", "was", "were", "are", "be", "been",
            "his", "her", "their", "for", "with", "any", "pas", "plus", "jamais", "fait", "faite", "presente", "presentait",
            "rapporte", "signale", "retrouve", "decrit", "report", "reports", "reported", "complain", "complains", "patient",
            "patiente", "il", "chez", "lors", "ete", "avoir", "etre", "tres", "peu", "bien", "mal", "aussi", "dans", "par",
            "pour", "sur", "avec", "sous", "vers", "at", "in", "on", "by", "as", "from", "into", "also", "very", "much",
            "more", "some", "other", "autre", "autres", "tout", "tous", "toute", "toutes", "je", "tu", "nous", "vous", "me",
            "te", "i", "you", "he", "she", "we", "they", "it", "my", "your", "our", "do", "does", "did", "she's", "he's");

    /** Qualifiers that do not make a negated phrase specific: « pas d'allergie connue » negates « allergie ». */
    private static final Set<String> QUALIFIERS = words("connu", "connue", "connus", "connues", "particulier", "particuliere",
            "notable", "notables", "significatif", "significative", "recent", "recente", "majeur", "majeure", "evident",
            "evidente", "actuel", "actuelle", "known", "significant", "particular", "recent", "current", "notable", "obvious");

    /** The polarity of one occurrence of a content word, with the next content word of its phrase. */
    record Occurrence(String term, String next, int polarity, int start, int end) {
    }

    /** The polarities each term and two-word phrase has somewhere in the sources. */
    static final class Polarities {
        final Map<String, Integer> masks = new HashMap<>();

        void add(String key, int polarity) {
            masks.merge(key, polarity, (a, b) -> a | b);
        }

        int get(String key) {
            return masks.getOrDefault(key, 0);
        }
    }

    private NegationScopes() {
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    /** Every content-word occurrence with its polarity (affirmed, negated or hypothetical). */
    static List<Occurrence> occurrences(List<Token> tokens) {
        int n = tokens.size();
        int[] polarity = new int[n];
        java.util.Arrays.fill(polarity, AFFIRMED);
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (!t.isWord()) {
                continue;
            }
            String w = t.text();
            boolean pre = PRE_NEGATION.contains(w) && !(w.equals("plus") && !(i > 0 && isNe(tokens, i)))
                    && !(w.equals("non") && i + 1 < n && tokens.get(i + 1).is("seulement"));
            if (w.equals("absence") || w.equals("negatif") || w.equals("negative")) {
                pre = i + 1 < n && (tokens.get(i + 1).is("de") || tokens.get(i + 1).is("d") || tokens.get(i + 1).is("for")
                        || tokens.get(i + 1).is("pour"));
            }
            if (pre) {
                mark(tokens, polarity, i + 1, 1, NEGATED);
            } else if (HYPOTHESIS.contains(w)) {
                mark(tokens, polarity, i + 1, 1, HYPOTHETICAL);
            }
            if (POST_NEGATION.contains(w) && !(w.equals("retrouve") || w.equals("retrouvee")) || (w.equals("retrouve") || w.equals("retrouvee"))
                    && i > 0 && (tokens.get(i - 1).is("non") || tokens.get(i - 1).is("pas"))) {
                mark(tokens, polarity, i - 1, -1, NEGATED);
            }
            if (w.equals("out") && i > 0 && tokens.get(i - 1).is("ruled")) {
                mark(tokens, polarity, i - 2, -1, NEGATED);
            }
            if (t.is("?")) {
                mark(tokens, polarity, i - 1, -1, HYPOTHETICAL);
            }
        }
        List<Occurrence> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (!isContent(t)) {
                continue;
            }
            String next = null;
            for (int k = i + 1; k < n && k <= i + 2; k++) {
                Token u = tokens.get(k);
                if (isContent(u) && !QUALIFIERS.contains(u.text())) {
                    next = term(u.text());
                    break;
                }
                if (!u.isWord() || !FUNCTION_WORDS.contains(u.text())) {
                    break;
                }
            }
            out.add(new Occurrence(term(t.text()), next, polarity[i], t.start(), t.end()));
        }
        return out;
    }

    private static boolean isNe(List<Token> tokens, int i) {
        for (int k = Math.max(0, i - 3); k < i; k++) {
            if (tokens.get(k).is("ne") || tokens.get(k).is("n")) {
                return true;
            }
        }
        return false;
    }

    private static void mark(List<Token> tokens, int[] polarity, int from, int step, int value) {
        int counted = 0;
        for (int k = from; k >= 0 && k < tokens.size() && counted < WINDOW; k += step) {
            Token t = tokens.get(k);
            if (t.type() == Token.Type.SYMBOL && !t.is("-") && !t.is("'") && !t.is("/")) {
                break;
            }
            if (t.isWord() && TERMINATORS.contains(t.text())) {
                break;
            }
            if (t.isWord() && (PRE_NEGATION.contains(t.text()) && step < 0)) {
                break;
            }
            polarity[k] = value;
            if (isContent(t)) {
                counted++;
            }
        }
    }

    static boolean isContent(Token t) {
        return t.isWord() && t.text().length() >= 3 && !FUNCTION_WORDS.contains(t.text()) && !PRE_NEGATION.contains(t.text())
                && !POST_NEGATION.contains(t.text()) && !HYPOTHESIS.contains(t.text()) && !UnknownDrugs.isCommonWord(t.text());
    }

    static String term(String folded) {
        if (folded.length() > 4 && (folded.endsWith("s") || folded.endsWith("x"))) {
            return folded.substring(0, folded.length() - 1);
        }
        return folded;
    }

    /** Records the polarities of a source's terms: bare heads and two-word phrases. */
    static void collect(List<Token> tokens, Polarities into) {
        for (Occurrence o : occurrences(tokens)) {
            if (o.polarity() == HYPOTHETICAL) {
                continue;
            }
            if (o.polarity() == AFFIRMED) {
                into.add(o.term(), AFFIRMED);
                if (o.next() != null) {
                    into.add(o.term() + " " + o.next(), AFFIRMED);
                }
            } else if (o.next() != null) {
                into.add(o.term() + " " + o.next(), NEGATED);
                into.add("?" + o.term(), NEGATED);
            } else {
                into.add(o.term(), NEGATED);
            }
        }
    }
}
