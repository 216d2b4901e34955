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
    private static final int WINDOW = 12;

    private static final Set<String> PRE_NEGATION = words("pas", "aucun", "aucune", "aucuns", "aucunes", "sans", "non", "ni",
            "jamais", "nie", "nies", "niant", "absence", "negatif", "negative", "negatifs", "negatives", "no", "not", "denies",
            "denied", "deny", "without", "never", "none", "nor", "plus", "unaware", "free", "absence");
    /**
     * Verb negations (« ne ... pas », « does not », « never »): they negate a verb, often an ordinary one
     * (« does not know »), so their scope is one word and it counts neither as affirmed nor as negated.
     */
    private static final Set<String> WEAK_NEGATION = words("not", "never", "jamais", "plus");
    private static final Set<String> ANSWER_NO = words("no", "non", "nope", "nah", "never", "jamais", "none", "negative",
            "aucun", "aucune", "pas", "not", "nothing", "rien", "nobody", "personne", "negatif");
    private static final Set<String> ANSWER_YES = words("yes", "oui", "yeah", "yep", "yup", "si", "absolutely", "correct",
            "exactly", "exactement", "ouais", "effectivement", "right", "sure", "mhm", "definitely", "indeed");
    /** Words that open a spoken answer without giving it: skipped before reading « yes » or « no ». */
    private static final Set<String> FILLERS = words("um", "uh", "umm", "uhm", "hmm", "hm", "er", "well", "oh", "ah", "so",
            "actually", "euh", "ben", "bah", "bon", "alors", "eh", "honestly", "doctor", "docteur");
    /** Verbs of an answer that is no answer (« I don't know », « je ne sais pas »). */
    private static final Set<String> UNSURE = words("know", "remember", "recall", "think", "sure", "believe", "sais", "sait",
            "souviens", "rappelle", "pense", "crois");
    /** Subjects of an answer that is negated by its verb (« I don't », « il n'a pas »). */
    private static final Set<String> SUBJECTS = words("i", "je", "j", "he", "she", "we", "they", "it", "there", "il", "elle",
            "on", "nous", "ils", "elles", "that", "ca", "c", "my", "his", "her");
    private static final Set<String> ANSWER_VERB_NEGATION = words("don", "didn", "haven", "hasn", "isn", "wasn", "doesn",
            "aren", "weren", "hadn", "not", "never", "no", "n", "ne", "pas", "jamais", "nothing", "rien", "t");
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
            "te", "i", "you", "he", "she", "we", "they", "it", "my", "your", "our", "do", "does", "did", "she's", "he's", "some",
            "much", "many", "few", "little", "bit", "lot", "kind", "sort", "type", "quelque", "quelques", "beaucoup");

    /** Qualifiers that do not make a negated phrase specific: « pas d'allergie connue » negates « allergie ». */
    private static final Set<String> QUALIFIERS = words("connu", "connue", "connus", "connues", "particulier", "particuliere",
            "notable", "notables", "significatif", "significative", "recent", "recente", "majeur", "majeure", "evident",
            "evidente", "actuel", "actuelle", "known", "significant", "particular", "recent", "current", "notable", "obvious",
            // Time and degree words that end a phrase rather than specify it: « no pain yet », « pas de toux actuellement ».
            "yet", "today", "now", "currently", "anymore", "lately", "recently", "elsewhere", "either", "all", "whatsoever",
            "associated", "associe", "associee", "associes", "associees", "aujourd", "actuellement", "ce", "moment", "really");

    /**
     * Words that name the same clinical fact, so that « ne fume pas » meets « tabagisme actif » and « absence de
     * fièvre » meets « fébrile »: each folded form to the fact's key. Kept to the facts whose flips matter most in
     * notes (tobacco, alcohol, allergy, fever, pain, the usual symptoms and risk factors), in French and English.
     */
    static final Map<String, String> CONCEPTS = concepts(
            "tabac", "tabac tabagique tabagiques tabagisme fume fumer fumeur fumeuse fumeurs fumeuses fumait fumant cigarette"
                    + " cigarettes smoke smokes smoked smoking smoker smokers tobacco",
            "alcool", "alcool alcoolique alcooliques alcoolisme ethylisme ethylique oenolisme alcohol alcoholic alcoholism",
            "allergie", "allergie allergies allergique allergiques allergy allergic",
            "fievre", "fievre fievres febrile febriles fever fevers feverish pyrexia hyperthermie febricule",
            "douleur", "douleur douleurs douloureux douloureuse douloureuses algique algiques pain pains painful",
            "dyspnee", "dyspnee dyspneique dyspneiques essoufflement essouffle essoufflee dyspnea dyspnoea breathless",
            "toux", "toux tousse tousser toussait cough coughs coughing",
            "nausee", "nausee nausees nauseeux nauseeuse nausea nauseous nauseated",
            "vomissement", "vomissement vomissements vomit vomits vomiting vomited emesis",
            "cephalee", "cephalee cephalees headache headaches",
            "diabete", "diabete diabetique diabetiques diabetes diabetic",
            "hypertension", "hypertension hypertendu hypertendue hta hypertensive",
            "grossesse", "grossesse enceinte pregnant pregnancy",
            "suicide", "suicide suicidaire suicidaires suicidal",
            "symptome", "symptome symptomes symptomatique symptom symptoms symptomatic");

    /**
     * Words that state a fact's absence on their own (« apyrétique » is « pas de fièvre »): the fact's key, with
     * the word's polarity reversed.
     */
    static final Map<String, String> NEGATIVE_CONCEPTS = concepts(
            "fievre", "apyretique apyretiques apyrexie afebrile afebriles",
            "douleur", "indolore indolores painless",
            "dyspnee", "eupneique eupneiques eupnee",
            "symptome", "asymptomatique asymptomatiques asymptomatic",
            "tabac", "nonsmoker nonsmokers",
            "alcool", "teetotal teetotaler abstinent abstinente");

    private static Map<String, String> concepts(String... keyAndForms) {
        Map<String, String> map = new HashMap<>();
        for (int k = 0; k < keyAndForms.length; k += 2) {
            for (String form : keyAndForms[k + 1].split(" ")) {
                map.put(form, keyAndForms[k]);
            }
        }
        return map;
    }

    private static final Set<String> PAST_WORDS = words("ancien", "ancienne", "anciens", "ex", "former", "quit", "quitting",
            "stopped", "sevre", "sevree", "sevres", "used", "arrete", "arretee", "previously", "autrefois");
    private static final Set<String> ANSWER_NONE_WORDS = words("none", "aucune", "aucun", "neant", "nkda", "nka", "nil", "negatif",
            "negative");

    /** Words that join the items of a list: a phrase never runs across them (« nausées ou vomissements »). */
    private static final Set<String> COORDINATORS = words("ou", "et", "or", "and", "nor", "ni");

    /** The polarity of one occurrence of a content word, with the next content word of its phrase. */
    record Occurrence(String term, String next, int polarity, int start, int end) {
    }

    /**
     * The polarities each term and two-word phrase has somewhere in the sources, with where each polarity was first
     * seen (source index, token start, token end), so that a conflict can cite the source passage.
     */
    static final class Polarities {
        final Map<String, Integer> masks = new HashMap<>();
        private final Map<String, int[]> firstAffirmed = new HashMap<>();
        private final Map<String, int[]> firstNegated = new HashMap<>();

        void add(String key, int polarity) {
            masks.merge(key, polarity, (a, b) -> a | b);
        }

        void add(String key, int polarity, int source, int start, int end) {
            add(key, polarity);
            (polarity == NEGATED ? firstNegated : firstAffirmed).putIfAbsent(key, new int[] {source, start, end});
        }

        int get(String key) {
            return masks.getOrDefault(key, 0);
        }

        /** Where the sources first give {@code key} this polarity: {source, start, end}, or null. */
        int[] where(String key, int polarity) {
            return (polarity == NEGATED ? firstNegated : firstAffirmed).get(key);
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
    private static final Set<String> TRIGGERS = union(PRE_NEGATION, POST_NEGATION, HYPOTHESIS, words("out", "t"), PAST_WORDS, ANSWER_NONE_WORDS);

    /** Words that put a fact in the past: neither affirmed nor negated now (« ancien fumeur », « quit smoking »). */
    private static final Set<String> PAST = PAST_WORDS;
    /** A list header answered « none » negates its header (« Allergies : aucune »). */
    private static final Set<String> ANSWER_NONE = ANSWER_NONE_WORDS;

    /** What makes a verb negation negate its object: « does not have », « haven't felt any », « n'a pas eu de ». */
    private static final Set<String> OBJECT_OPENERS = words("any", "de", "d", "du", "des", "aucun", "aucune");
    private static final Set<String> HAVE_VERBS = words("have", "has", "had", "having", "experience", "experienced", "experiencing",
            "report", "reported", "reports", "reporting", "complaining", "endorsing", "notice", "noticed", "noticing", "feel", "felt", "see", "seen", "show", "shows", "showed",
            "complain", "complained", "get", "got", "develop", "developed", "smoke", "smokes", "drink", "drinks", "use", "uses",
            "take", "takes", "took", "taking", "endorse", "endorsed", "demonstrate", "demonstrates", "reveal", "reveals",
            "revealed", "exhibit", "exhibits", "suffer", "suffered", "eu", "presente", "present", "presenter", "ressenti");

    /**
     * Where a verb negation negates what follows as strongly as « no » does: after « any » or « de » within three
     * words (« I haven't felt any pain », « n'a pas eu de fièvre »), or right after a verb of having
     * (« does not have fever », « did not show fracture »); -1 when it stays a weak verb negation.
     */
    private static int strongVerbNegation(List<Token> tokens, int i) {
        for (int k = i + 1; k < tokens.size() && k <= i + 4; k++) {
            Token t = tokens.get(k);
            if (t.type() == Token.Type.SYMBOL && !t.is("'")) {
                return -1;
            }
            if (OBJECT_OPENERS.contains(t.text())) {
                return k + 1;
            }
            if (HAVE_VERBS.contains(t.text())) {
                return k + 1;
            }
            if (!FUNCTION_WORDS.contains(t.text()) && !t.is("'") && !t.is("been") && !t.is("ever") && !t.is("really")) {
                return -1;
            }
        }
        return -1;
    }

    /** The verb between « ne » and « pas » (« ne fume pas », « n'a jamais fumé »). */
    private static void markVerb(List<Token> tokens, int[] polarity, int pas) {
        for (int k = pas - 1; k >= 0 && k >= pas - 3; k--) {
            Token t = tokens.get(k);
            if (t.is("ne") || t.is("n")) {
                return;
            }
            if (isContent(t)) {
                polarity[k] = NEGATED;
            }
        }
        // « n'a jamais fumé »: the participle after « jamais » or « pas ».
        if (pas + 1 < tokens.size() && isContent(tokens.get(pas + 1)) && tokens.get(pas + 1).text().endsWith("e")
                && CONCEPTS.containsKey(tokens.get(pas + 1).text())) {
            polarity[pas + 1] = NEGATED;
        }
    }

    /** Every content-word occurrence with its polarity (affirmed, negated or hypothetical). */
    static List<Occurrence> occurrences(String text, List<Token> tokens) {
        return occurrences(tokens, polarities(text, tokens));
    }

    /** The polarity of every token (short words such as « TS » included); omission detection reads them. */
    static int[] polarities(String text, List<Token> tokens) {
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
            if (w.equals("t")) {
                // « don't », « hasn't », « didn't »: the tokenizer leaves « t » after the apostrophe.
                pre = i >= 2 && tokens.get(i - 1).is("'") && tokens.get(i - 2).text().endsWith("n");
            }
            boolean weak = WEAK_NEGATION.contains(w) || w.equals("t") || w.equals("pas") && !(i + 1 < n && (tokens.get(i + 1).is("de")
                    || tokens.get(i + 1).is("d") || tokens.get(i + 1).is("du") || tokens.get(i + 1).is("des")));
            if (pre && (w.equals("pas") || w.equals("jamais") || w.equals("plus")) && isNe(tokens, i)) {
                // « il ne fume pas », « elle ne tousse plus »: the verb between « ne » and « pas » is negated.
                markVerb(tokens, polarity, i);
            }
            int strongFrom = pre && weak ? strongVerbNegation(tokens, i) : -1;
            if (strongFrom >= 0) {
                for (int k = i + 1; k < strongFrom; k++) {
                    if (CONCEPTS.containsKey(tokens.get(k).text())) {
                        polarity[k] = NEGATED; // « does not smoke », « doesn't drink alcohol »
                    }
                }
                mark(tokens, polarity, strongFrom, 1, NEGATED);
            } else if (pre && weak) {
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
            if (PAST.contains(w)) {
                // « ancien fumeur », « quit smoking », « used to have seizures »: not a present fact either way.
                markWeak(tokens, polarity, i + 1);
            }
            if (ANSWER_NONE.contains(w) && i > 0 && (tokens.get(i - 1).is(":") || tokens.get(i - 1).is("are")
                    || tokens.get(i - 1).is("is") || tokens.get(i - 1).is("-"))) {
                // « Allergies : aucune », « Allergies: none », « Tabac : néant ».
                mark(tokens, polarity, i - 2, -1, NEGATED);
            }
            if (w.equals("out") && i > 0 && tokens.get(i - 1).is("ruled")) {
                mark(tokens, polarity, i - 2, -1, NEGATED);
            }
        }
        return polarity;
    }

    private static List<Occurrence> occurrences(List<Token> tokens, int[] polarity) {
        int n = tokens.size();
        List<Occurrence> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (!isContent(t)) {
                continue;
            }
            String next = null;
            for (int k = i + 1; k < n && k <= i + 2; k++) {
                Token u = tokens.get(k);
                if (isContent(u) && !QUALIFIERS.contains(u.text()) && !TERMINATORS.contains(u.text())) {
                    next = term(u.text());
                    break;
                }
                if (!u.isWord() || !FUNCTION_WORDS.contains(u.text()) || COORDINATORS.contains(u.text()) || TERMINATORS.contains(u.text())) {
                    break;
                }
            }
            int p = polarity[i];
            String negative = NEGATIVE_CONCEPTS.get(t.text());
            if (negative != null) {
                // « apyrétique » is « pas de fièvre »; « pas apyrétique » affirms it.
                p = p == AFFIRMED ? NEGATED : p == NEGATED ? AFFIRMED : p;
                out.add(new Occurrence(negative, next, p, t.start(), t.end()));
            } else {
                out.add(new Occurrence(term(t.text()), next, p, t.start(), t.end()));
            }
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
            // Skip a speaker label (« Patient: », « Guest_family: », « Médecin : ») and fillers (« um », « well »).
            for (int k = answer; k < n && k <= answer + 3; k++) {
                if (tokens.get(k).is(":")) {
                    answer = k + 1;
                    break;
                }
                if (tokens.get(k).is("?") || tokens.get(k).is(".")) {
                    break;
                }
            }
            while (answer < n && (tokens.get(answer).is(",") || tokens.get(answer).isWord() && FILLERS.contains(tokens.get(answer).text()))) {
                answer++;
            }
            int value = HYPOTHETICAL;
            if (answer < n && tokens.get(answer).isWord()) {
                String first = tokens.get(answer).text();
                if (ANSWER_NO.contains(first)) {
                    value = NEGATED;
                } else if (ANSWER_YES.contains(first)) {
                    value = AFFIRMED;
                } else if (SUBJECTS.contains(first)) {
                    // « I don't », « He hasn't », « Je n'en ai pas », « Il n'a jamais »: a negated answer.
                    for (int k = answer + 1; k < n && k <= answer + 4; k++) {
                        Token u = tokens.get(k);
                        if (u.is(".") || u.is("?") || u.is(",")) {
                            break;
                        }
                        if (ANSWER_VERB_NEGATION.contains(u.text())) {
                            value = NEGATED;
                            // « I don't know », « je ne sais pas », « I don't remember »: no answer.
                            for (int v = k + 1; v < n && v <= k + 3; v++) {
                                if (UNSURE.contains(tokens.get(v).text())) {
                                    value = HYPOTHETICAL;
                                    break;
                                }
                            }
                            break;
                        }
                        if (UNSURE.contains(u.text())) {
                            break; // « je ne sais pas »: « sais » before « pas »
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
        return t.isWord() && (CONCEPTS.containsKey(t.text()) || NEGATIVE_CONCEPTS.containsKey(t.text()))
                || t.isWord() && t.text().length() >= 3 && !NOT_CONTENT.contains(t.text()) && !UnknownDrugs.isCommonWord(t.text());
    }

    /**
     * The comparable form of a word: the key of its clinical fact when it names one, else a light stem, so that
     * « smoking » meets « smoke », « allergies » meets « allergie » and « deformities » meets « deformity ».
     */
    static String term(String folded) {
        String concept = CONCEPTS.get(folded);
        if (concept != null) {
            return concept;
        }
        String t = folded;
        if (t.length() > 5 && t.endsWith("ies")) {
            return t.substring(0, t.length() - 3) + "y";
        }
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
        collect(tokens, polarities(text, tokens), into, 0);
    }

    /** The same, from the token polarities already computed (the sources keep them for omission detection). */
    static void collect(List<Token> tokens, int[] polarity, Polarities into, int source) {
        for (Occurrence o : occurrences(tokens, polarity)) {
            int s = o.start();
            int e = o.end();
            if (o.polarity() == HYPOTHETICAL) {
                continue;
            }
            if (o.polarity() == AFFIRMED) {
                into.add(o.term(), AFFIRMED, source, s, e);
                if (o.next() != null) {
                    into.add(o.term() + " " + o.next(), AFFIRMED, source, s, e);
                }
            } else if (o.next() != null) {
                into.add(o.term() + " " + o.next(), NEGATED, source, s, e);
                into.add("?" + o.term(), NEGATED, source, s, e);
            } else {
                into.add(o.term(), NEGATED, source, s, e);
            }
        }
    }
}
