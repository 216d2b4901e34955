package fr.avec.verify.omission;

import fr.avec.text.FoldedText;
import fr.avec.text.Token;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adjusts the engine's token polarities to what omission detection needs from speech and letters. The engine
 * reads negations for contradictions, so it leaves a verb negation undecided (« I don't have chest pain », « il
 * ne tousse pas », « j'ai pas mal à la tête ») and lets a « pas de » scope run over unpunctuated speech (« pas de
 * douleur thoracique il vit seul »); an omitted fact, though, must know that the source denies it. Three passes:
 * <ol>
 *   <li>a negation scope stops at a line break and at a new clause of speech (a subject pronoun after the negated
 *   finding: « pas de fièvre <b>il</b> vit seul », « no fever <b>she</b> lives alone »);</li>
 *   <li>a verb negation negates the verb and the few words after it (« don't have any chest pain », « ne tousse
 *   pas », « tousse pas », « n'a jamais fumé »), outside questions;</li>
 *   <li>a clinician's turn answered by « non » / « no » on the next turn is negated, by « oui » affirmed, fillers
 *   and short negative clauses included (« euh non pas du tout », « Oh no, I am not feeling that », « I don't think
 *   so », « Not that I know of »): transcribed speech often has no question mark.</li>
 * </ol>
 * Pure functions over the token list; the input array is not changed.
 */
final class SpokenPolarity {

    /** Content words a verb negation reaches (« I don't have any chest pain or fever »). */
    static final int VERB_WINDOW = 4;

    /** Pronouns that open a new clause in speech, ending a negation scope that has already negated a finding. */
    private static final Set<String> CLAUSE_START = Set.of("il", "elle", "ils", "elles", "je", "j", "on", "nous", "vous", "c",
            "ca", "he", "she", "we", "they", "i");
    /** Words that end a verb negation's reach: another clause, a cause, a condition, a contrast. */
    private static final Set<String> STOP = Set.of("mais", "but", "sauf", "except", "because", "car", "parce", "quand", "when",
            "if", "si", "whether", "lorsque", "since", "depuis", "until", "jusqu", "puis", "then", "however", "cependant", "par",
            "although", "though", "que", "qui", "which", "who", "that", "anymore", "sure", "sur", "sais", "know", "remember",
            "souviens", "rappelle", "think", "pense", "crois", "believe", "seem", "seems", "semble");
    /** Second halves of « ne ... pas » and their spoken forms without « ne ». */
    private static final Set<String> FRENCH_PARTICLES = Set.of("pas", "plus", "jamais", "rien", "point", "guere");
    /** English auxiliaries before « 't » (the tokenizer splits « don't » into « don », « ' », « t »). */
    private static final Set<String> NT = Set.of("don", "didn", "doesn", "haven", "hasn", "hadn", "isn", "wasn", "aren", "weren",
            "won", "can", "couldn", "wouldn", "shouldn", "ain");
    /** Words that are never the finding a verb negation denies, and do not count in its reach. */
    private static final Set<String> LIGHT = Set.of("have", "has", "had", "been", "be", "being", "get", "got", "gotten", "feel",
            "feeling", "felt", "experience", "experienced", "experiencing", "notice", "noticed", "any", "a", "an", "the", "of",
            "some", "really", "much", "very", "too", "see", "seen", "ai", "as", "eu", "avez", "avoir", "de", "d", "du", "des",
            "la", "le", "les", "l", "un", "une", "ressens", "ressenti", "sens", "senti", "remarque", "y", "en", "vraiment",
            "trop", "tres", "beaucoup", "do", "does", "did", "am", "is", "are", "was", "were", "suffer", "suffering", "from",
            "souffre", "ete", "fait", "me", "m", "se", "s", "te", "t", "my", "his", "her", "mon", "ma", "mes", "son", "sa", "ses");

    private static final Pattern CLINICIAN_LINE = Pattern.compile(
            "(?iu)^\\s*(médecin|medecin|docteur|doctor|dr|md|praticien|praticienne|soignant|soignante|infirmière|infirmiere"
            + "|infirmier|ide|nurse|interne|externe|sage-femme|pharmacien|pharmacienne|kiné|kine|guest_clinician|clinician)\\s?:");
    /** A turn's opening answer: fillers, then a yes or no word or a short negative clause. */
    private static final Pattern ANSWER_LINE = Pattern.compile(
            "(?iu)^\\s*[\\p{L}_][\\p{L}\\p{N}_ ]{0,24}?\\s?:\\s*(?:(?:euh|heu|hum|hmm|hm|mm|mmh|bah|ben|bon|alors|ah|oh|eh|um|uh|uhm|umm|well|so|okay|ok|d'accord),?\\s*)*"
            + "(non|no|nope|nan|nah|pas du tout|du tout|pas vraiment|pas que je sache|pas à ma connaissance|aucun|aucune|jamais|rien|never"
            + "|none|nothing|neither|not really|not that i know|not that i['’]m aware|not that i am aware|not at all|i don['’]t|i do not"
            + "|i haven['’]t|i have not|i didn['’]t|i did not|i['’]m not|i am not|je n['’]ai pas|j['’]ai pas|j['’]en ai pas|je ne|je n['’]"
            + "|oui|yes|ouais|yeah|yep|yup|si|absolument|tout à fait|effectivement|exactement|exactly|correct|un peu|a little"
            + "|parfois|sometimes|i have none|none of|(?:she|he) (?:has not|hasn['’]t|does not|doesn['’]t|did not|didn['’]t|is not|isn['’]t)"
            + "|(?:il|elle) (?:n['’]a pas|a pas|ne|n['’]))\\b");

    private SpokenPolarity() {
    }

    /** The polarities of {@code tokens} after the three passes. */
    static Polarity[] refine(String text, List<Token> tokens, Polarity[] engine) {
        Polarity[] out = engine.clone();
        boolean[] question = questionSentences(tokens);
        cutScopes(text, tokens, out, question);
        verbNegations(text, tokens, out, question);
        spokenAnswers(text, tokens, out);
        return out;
    }

    /** For each token, whether its sentence (up to « . ! ? » or a line break) ends with a question mark. */
    private static boolean[] questionSentences(List<Token> tokens) {
        boolean[] question = new boolean[tokens.size()];
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            boolean end = i == tokens.size() || tokens.get(i).is(".") || tokens.get(i).is("!") || tokens.get(i).is("?");
            if (end) {
                boolean q = i < tokens.size() && tokens.get(i).is("?");
                for (int k = start; k <= i && k < tokens.size(); k++) {
                    question[k] = q;
                }
                start = i + 1;
            }
        }
        return question;
    }

    /** Whether a line break separates two tokens (only the gap between them is read). */
    static boolean lineBreak(String text, Token before, Token after) {
        for (int c = before.end(); c < after.start(); c++) {
            if (text.charAt(c) == '\n') {
                return true;
            }
        }
        return false;
    }

    /** Ends negation scopes at a line break or at a new spoken clause after a negated content word. */
    private static void cutScopes(String text, List<Token> tokens, Polarity[] polarity, boolean[] question) {
        int i = 0;
        int n = tokens.size();
        while (i < n) {
            if (polarity[i] != Polarity.NEGATED || question[i]) {
                i++;
                continue;
            }
            boolean content = false;
            int k = i;
            while (k < n && polarity[k] == Polarity.NEGATED) {
                Token t = tokens.get(k);
                if (k > i && (lineBreak(text, tokens.get(k - 1), t) || content && t.isWord() && CLAUSE_START.contains(t.text())
                        && !(k > 0 && tokens.get(k - 1).is("'")))) {
                    while (k < n && polarity[k] == Polarity.NEGATED) {
                        polarity[k++] = Polarity.AFFIRMED;
                    }
                    break;
                }
                content |= t.isWord() && t.text().length() >= 4;
                k++;
            }
            i = Math.max(k, i + 1);
        }
    }

    /** Negates what a verb negation denies: the verb between « ne » and « pas », and the few words after. */
    private static void verbNegations(String text, List<Token> tokens, Polarity[] polarity, boolean[] question) {
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (!t.isWord() || question[i]) {
                continue;
            }
            String w = t.text();
            int from = -1;
            if (w.equals("not") || w.equals("never") || w.equals("t") && i >= 2 && tokens.get(i - 1).is("'")
                    && NT.contains(tokens.get(i - 2).text())) {
                from = i + 1;
            } else if (w.equals("ne") || w.equals("n") && i + 1 < n && tokens.get(i + 1).is("'")) {
                // « ne tousse pas », « n'a jamais fumé », « ne boit plus »: the verb is inside the negation.
                for (int k = i + 1; k < n && k <= i + 5; k++) {
                    Token u = tokens.get(k);
                    if (u.type() == Token.Type.SYMBOL && !u.is("'") && !u.is("-")) {
                        break;
                    }
                    if (u.isWord() && FRENCH_PARTICLES.contains(u.text())) {
                        for (int m = i + 1; m < k; m++) {
                            if (polarity[m] == Polarity.AFFIRMED || polarity[m] == Polarity.HYPOTHETICAL) {
                                polarity[m] = Polarity.NEGATED;
                            }
                        }
                        from = k + 1;
                        i = k;
                        break;
                    }
                }
            } else if (FRENCH_PARTICLES.contains(w) && !w.equals("plus") && !w.equals("rien") && !neBefore(tokens, i)
                    && !(i + 1 < n && (tokens.get(i + 1).is("de") || tokens.get(i + 1).is("d") || tokens.get(i + 1).is("du")
                    || tokens.get(i + 1).is("des")))) {
                // Spoken French drops « ne »: « il tousse pas », « j'ai pas mal ». The verb before « pas » is denied too.
                if (i > 0 && tokens.get(i - 1).isWord() && !CLAUSE_START.contains(tokens.get(i - 1).text())
                        && polarity[i - 1] != Polarity.NEGATED) {
                    polarity[i - 1] = Polarity.NEGATED;
                }
                from = i + 1;
            }
            if (from < 0) {
                continue;
            }
            int counted = 0;
            for (int k = from; k < n && counted < VERB_WINDOW; k++) {
                Token u = tokens.get(k);
                if (u.type() == Token.Type.SYMBOL && !u.is("'") && !u.is("-") && !u.is(",") || k > from && lineBreak(text, tokens.get(k - 1), u)) {
                    break;
                }
                if (u.isWord() && (STOP.contains(u.text()) || CLAUSE_START.contains(u.text()) && !(k > 0 && tokens.get(k - 1).is("'")))) {
                    break;
                }
                if (u.isWord() && polarity[k] != Polarity.NEGATED) {
                    polarity[k] = Polarity.NEGATED;
                }
                if (u.isWord() && u.text().length() >= 3 && !LIGHT.contains(u.text())) {
                    counted++;
                }
            }
        }
    }

    private static boolean neBefore(List<Token> tokens, int i) {
        for (int k = Math.max(0, i - 4); k < i; k++) {
            if (tokens.get(k).is("ne") || tokens.get(k).is("n") && k + 1 < tokens.size() && tokens.get(k + 1).is("'")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A clinician's turn answered by « non » / « no » on the next turn is negated, by « oui » affirmed, whatever
     * the engine's scopes said. On turns with a question mark the engine reads the answer already; only the words
     * it left undecided are settled (« Any chest pain? — Oh no, I am not feeling that »).
     */
    private static void spokenAnswers(String text, List<Token> tokens, Polarity[] polarity) {
        if (text.indexOf('\n') < 0) {
            return;
        }
        int lineStart = 0;
        int k = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            if (CLINICIAN_LINE.matcher(line).find() || askedOfAnotherSpeaker(line, text, lineEnd)) {
                int nextEnd = text.indexOf('\n', lineEnd + 1);
                String next = lineEnd + 1 < text.length() ? text.substring(lineEnd + 1, nextEnd < 0 ? text.length() : nextEnd) : "";
                Matcher answer = ANSWER_LINE.matcher(next);
                if (answer.find() && !CLINICIAN_LINE.matcher(next).find()) {
                    Polarity value = answerPolarity(FoldedText.fold(answer.group(1)));
                    boolean asked = line.indexOf('?') >= 0;
                    while (k < tokens.size() && tokens.get(k).start() < lineStart) {
                        k++;
                    }
                    // Every question of the turn takes the answer: « I see you took Zyrtec, correct? Did it help? —
                    // Yeah, that's correct. » (the engine gives the first question the second one as its answer).
                    for (int t = k; t < tokens.size() && tokens.get(t).start() < lineEnd; t++) {
                        if (tokens.get(t).isWord() && (!asked || polarity[t] == Polarity.HYPOTHETICAL)) {
                            polarity[t] = value;
                        }
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
    }

    private static final Pattern LABEL = Pattern.compile("^\\s*([\\p{L}_][\\p{L}\\p{N}_ ]{0,24}?)\\s?:");
    /** Question forms of speech without a question mark (« vous fumez », « est-ce que », « do you »). */
    private static final Pattern QUESTION_FORM = Pattern.compile("(?iu)(est[- ]ce qu|\\bvous (avez|prenez|fumez|buvez|êtes"
            + "|ressentez|toussez|dormez|vivez|habitez)\\b|\\b(avez|prenez|fumez|buvez|êtes)[- ]vous\\b|\\bdes allergies\\b"
            + "|\\btu (as|prends|fumes|bois)\\b|\\b(do|did|have|are|were) you\\b)");

    /**
     * Whether a turn of an unnamed speaker (« Locuteur 1 : », « SPEAKER_00: ») asks something of the next turn's
     * speaker: speech recognition labels speakers without saying who is the clinician.
     */
    private static boolean askedOfAnotherSpeaker(String line, String text, int lineEnd) {
        Matcher label = LABEL.matcher(line);
        if (!label.find() || !QUESTION_FORM.matcher(line).find() || lineEnd + 1 >= text.length()) {
            return false;
        }
        int nextEnd = text.indexOf('\n', lineEnd + 1);
        Matcher next = LABEL.matcher(text.substring(lineEnd + 1, nextEnd < 0 ? text.length() : nextEnd));
        return next.find() && !next.group(1).equalsIgnoreCase(label.group(1));
    }

    /** Whether the line starting at {@code lineStart} is a clinician's turn (« Médecin : », « Doctor: »). */
    static boolean clinicianTurn(String text, int lineStart) {
        int lineEnd = text.indexOf('\n', lineStart);
        return CLINICIAN_LINE.matcher(text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd)).find();
    }

    private static Polarity answerPolarity(String word) {
        return switch (word) {
            case "oui", "yes", "ouais", "yeah", "yep", "yup", "si", "absolument", "tout a fait", "effectivement", "exactement",
                 "exactly", "correct", "un peu", "a little", "parfois", "sometimes" -> Polarity.AFFIRMED;
            default -> Polarity.NEGATED;
        };
    }
}
