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

    /** Content words a trigger reaches: lists of findings (« pas de fièvre, toux, dyspnée ») are negated whole. */
    private static final int WINDOW = 8;

    private static final Set<String> PRE_NEGATION = words("pas", "aucun", "aucune", "aucuns", "aucunes", "sans", "non", "ni",
            "jamais", "nie", "nies", "niant", "absence", "negatif", "negative", "negatifs", "negatives", "no", "not", "denies",
            "denied", "deny", "without", "never", "none", "nor", "plus", "unaware", "free", "absence");
    /**
     * Verb negations (« ne ... pas », « does not », « never »): they negate a verb, often an ordinary one
     * (« does not know »), so their scope is one word and it counts neither as affirmed nor as negated.
     */
    private static final Set<String> WEAK_NEGATION = words("not", "never", "jamais", "plus");
    private static final Set<String> ANSWER_NO = words("no", "non", "nope", "nah", "never", "jamais", "none", "negative",
            "aucun", "aucune", "pas", "not");
    private static final Set<String> ANSWER_YES = words("yes", "oui", "yeah", "yep", "yup", "si", "absolutely", "correct",
            "exactly", "exactement", "ouais", "effectivement", "tout", "right", "sure", "mhm", "uh");
    private static final Set<String> POST_NEGATION = words("absent", "absente", "absents", "absentes", "exclu", "exclue",
            "exclus", "exclues", "ecarte", "ecartee", "negatif", "negative", "negatifs", "negatives", "absent", "retrouve",
            "retrouvee");
    private static final Set<String> HYPOTHESIS = words("suspicion", "suspect", "suspecte", "possible", "possibles",
            "probable", "probables", "eventuel", "eventuelle", "eventuels", "eventuelles", "si", "hypothese", "evoque",
            "evoquer", "eliminer", "rechercher", "risque", "if", "possibly", "probably", "suspected", "rule", "whether",
            "craindre", "doute", "surveiller", "surveillance");
    private static final Set<String> TERMINATORS = words("mais", "cependant", "toutefois", "sauf", "hormis", "car", "donc",
            "neanmoins", "pourtant", "excepte", "but", "however", "except", "although", "though", "which", "who", "qui", "que",
            "presente", "presentait", "rapporte", "signale", "decrit", "has", "had", "reports", "reported", "complains", "endorses",
            "endorsed", "admits", "notes", "positive", "positif", "positive", "retrouve", "retrouvee", "mentions", "describes",
            "until", "when", "while", "after", "before", "because", "since", "jusqu", "lorsque", "quand", "puis", "then", "apres",
            "avant", "depuis");
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

    // HashSet rather than Set.of: these are probed for every token of every request.
    private static Set<String> words(String... words) {
        return new java.util.HashSet<>(java.util.Arrays.asList(words));
    }

    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    /** Words that are never content words: one probe instead of four. */
    private static final Set<String> NOT_CONTENT = union(FUNCTION_WORDS, PRE_NEGATION, POST_NEGATION, HYPOTHESIS);
    /** Words that may open or close a scope: tokens outside it skip the trigger tests. */
    private static final Set<String> TRIGGERS = union(PRE_NEGATION, POST_NEGATION, HYPOTHESIS, words("out"));

    /** Every content-word occurrence with its polarity (affirmed, negated or hypothetical). */
    static List<Occurrence> occurrences(String text, List<Token> tokens) {
        int n = tokens.size();
        int[] polarity = new int[n];
        java.util.Arrays.fill(polarity, AFFIRMED);
        questions(text, tokens, polarity);
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (!t.isWord()) {
                continue;
            }
            String w = t.text();
            if (!TRIGGERS.contains(w)) {
                continue;
            }
            boolean pre = PRE_NEGATION.contains(w) && !(w.equals("plus") && !(i > 0 && isNe(tokens, i)))
                    && !(w.equals("non") && i + 1 < n && tokens.get(i + 1).is("seulement"));
            if (w.equals("absence") || w.equals("negatif") || w.equals("negative")) {
                pre = i + 1 < n && (tokens.get(i + 1).is("de") || tokens.get(i + 1).is("d") || tokens.get(i + 1).is("for")
                        || tokens.get(i + 1).is("pour"));
            }
            boolean weak = WEAK_NEGATION.contains(w) || w.equals("pas") && !(i + 1 < n && (tokens.get(i + 1).is("de")
                    || tokens.get(i + 1).is("d") || tokens.get(i + 1).is("du") || tokens.get(i + 1).is("des")));
            if (pre && weak) {
                markWeak(tokens, polarity, i + 1);
            } else if (pre) {
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

    /** A verb negation covers the next content word only, which is then left out of conflicts. */
    private static void markWeak(List<Token> tokens, int[] polarity, int from) {
        for (int k = from; k < tokens.size() && k < from + 4; k++) {
            Token t = tokens.get(k);
            if (t.type() == Token.Type.SYMBOL && !t.is("'")) {
                return;
            }
            polarity[k] = HYPOTHETICAL;
            if (isContent(t)) {
                return;
            }
        }
    }

    /**
     * In a dialogue, a question takes the polarity of its answer: « Any fever? — No. » negates « fever »,
     * « Yes » affirms it, anything else leaves it hypothetical. Speaker labels (« Patient: ») are skipped.
     */
    private static void questions(String text, List<Token> tokens, int[] polarity) {
        int n = tokens.size();
        int questionStart = 0;
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            boolean boundary = t.is(".") || t.is("!") || t.is(":") || t.is(";")
                    || i > 0 && lineBreakBetween(text, tokens.get(i - 1).end(), t.start());
            if (boundary && !t.is("?")) {
                questionStart = t.is(".") || t.is("!") || t.is(":") || t.is(";") ? i + 1 : i;
            }
            if (!t.is("?")) {
                continue;
            }
            int answer = i + 1;
            // Skip a speaker label: « Patient: », « Doctor: », « Médecin : ».
            if (answer + 1 < n && tokens.get(answer).isWord() && tokens.get(answer + 1).is(":")) {
                answer += 2;
            }
            int value = HYPOTHETICAL;
            if (answer < n && tokens.get(answer).isWord()) {
                String first = tokens.get(answer).text();
                if (ANSWER_NO.contains(first)) {
                    value = NEGATED;
                } else if (ANSWER_YES.contains(first)) {
                    value = AFFIRMED;
                } else if (first.equals("i") || first.equals("je") || first.equals("j")) {
                    for (int k = answer + 1; k < n && k <= answer + 3; k++) {
                        String w = tokens.get(k).text();
                        if (w.equals("don") || w.equals("didn") || w.equals("haven") || w.equals("hasn") || w.equals("n")
                                || w.equals("ne") || w.equals("not") || w.equals("never")) {
                            value = NEGATED;
                            break;
                        }
                    }
                }
            }
            for (int k = questionStart; k < i; k++) {
                polarity[k] = value;
            }
            questionStart = i + 1;
        }
    }

    private static boolean lineBreakBetween(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '\n') {
                return true;
            }
        }
        return false;
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
            if (t.type() == Token.Type.SYMBOL && !t.is("-") && !t.is("'") && !t.is("/") && !t.is(",")) {
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
        return t.isWord() && t.text().length() >= 3 && !NOT_CONTENT.contains(t.text()) && !UnknownDrugs.isCommonWord(t.text());
    }

    /** A light stem, so that « smoking » meets « smoke » and « allergies » meets « allergie ». */
    static String term(String folded) {
        String t = folded;
        if (t.length() > 4 && (t.endsWith("s") || t.endsWith("x"))) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.length() > 5 && t.endsWith("ing")) {
            t = t.substring(0, t.length() - 3);
        } else if (t.length() > 4 && t.endsWith("ed")) {
            t = t.substring(0, t.length() - 2);
        }
        if (t.length() > 4 && t.endsWith("e")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** Records the polarities of a source's terms: bare heads and two-word phrases. */
    static void collect(String text, List<Token> tokens, Polarities into) {
        for (Occurrence o : occurrences(text, tokens)) {
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
