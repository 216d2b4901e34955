package fr.avec.verify;

import fr.avec.text.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The frequent clinical flips between output and sources: « pas d'allergie » against « allergie à la
 * pénicilline », « ne fume pas » against « tabagisme actif », « absence de fièvre » against « fébrile ». A term
 * conflicts when the output gives it one polarity and the sources only ever give it the other; two-word phrases
 * are compared first (« douleur thoracique » is not « douleur abdominale »), and words naming the same clinical
 * fact are compared as one ({@link NegationScopes#CONCEPTS}). The finding cites the source passage that says the
 * opposite (its sentence, with the answer when the source asked a question).
 */
final class NegationConflicts {

    /** A cited passage never runs longer than this (a dialogue turn without punctuation). */
    private static final int MAX_PASSAGE = 300;

    private NegationConflicts() {
    }

    /**
     * Words whose polarity is no clinical fact (time, place, quantity, order, saying and ordinary verbs): « not
     * the first time », « no change since last month » contradict nothing a clinician must check.
     */
    private static final Set<String> NOT_FACTS = Set.of("use", "used", "led", "worse", "better", "left", "right", "first", "second",
            "last", "ago", "long", "just", "another", "new", "state", "said", "say", "all", "double", "morning", "evening", "night",
            "month", "year", "day", "week", "time", "hour", "minute", "today", "tonight", "know", "think", "sure", "able", "good",
            "well", "change", "problem", "issue", "concern", "concerned", "further", "other", "more", "less", "same",
            "different", "normal", "much", "many", "okay", "fine", "help", "need", "want", "like", "feel", "felt", "seen", "noted",
            "notice", "discharge", "discharged", "access", "remember", "still", "ever", "take", "taking", "took", "get", "got", "come",
            "came", "went", "going", "back", "side", "thing", "anything", "something", "nothing", "everything", "one", "two", "three",
            "jour", "mois", "semaine", "heure", "annee", "fois", "premier", "premiere", "dernier", "derniere", "autre", "meme",
            "nouveau", "nouvelle", "droit", "droite", "gauche", "matin", "soir", "nuit", "depui", "encore", "toujour", "chose",
            "probleme", "chang", "bien", "mieux", "pire", "sai", "pens", "veut", "besoin", "aide", "rien");

    static void check(String generated, List<Token> tokens, Sources sources, List<Finding> out) {
        Set<String> reported = new HashSet<>();
        List<NegationScopes.Occurrence> occurrences = NegationScopes.occurrences(generated, tokens);
        int consumedUpTo = -1;
        for (int i = 0; i < occurrences.size(); i++) {
            NegationScopes.Occurrence o = occurrences.get(i);
            if (o.start() < consumedUpTo) {
                continue; // the second word of a phrase already reported
            }
            if (o.polarity() == NegationScopes.HYPOTHETICAL || o.term().length() < 4 || NOT_FACTS.contains(o.term())) {
                continue;
            }
            String key = null;
            int mask = 0;
            if (o.next() != null) {
                String phrase = o.term() + " " + o.next();
                mask = sources.polarities.get(phrase);
                if (mask != 0) {
                    key = phrase;
                }
            }
            if (key == null) {
                // A negated phrase (« pas de douleur thoracique ») is compared as a phrase only: any mention of
                // « douleur » elsewhere in the sources does not make it a conflict.
                if (o.polarity() == NegationScopes.NEGATED && o.next() != null) {
                    continue;
                }
                mask = sources.polarities.get(o.term());
                key = o.term();
            }
            // Whether the output is ambivalent is asked last: it scans the sentence, and conflicts are rare.
            if (mask == 0 || (mask & o.polarity()) != 0 || ambivalent(generated, o, occurrences) || !reported.add(key)) {
                continue;
            }
            boolean outputNegates = o.polarity() == NegationScopes.NEGATED;
            int[] where = sources.polarities.where(key, outputNegates ? NegationScopes.AFFIRMED : NegationScopes.NEGATED);
            Finding.SourceSpan span = null;
            String cited = "";
            if (where != null) {
                String source = sources.texts.get(where[0]);
                int[] passage = passage(source, where[1], where[2]);
                span = new Finding.SourceSpan(where[0], passage[0], passage[1]);
                cited = ": « " + source.substring(passage[0], passage[1]).replaceAll("\\s+", " ") + " »";
            }
            int end = o.end();
            if (key.indexOf(' ') > 0) {
                // A phrase: the finding covers both words (« chest pain », « tabagisme actif »).
                for (int j = i + 1; j < occurrences.size() && j <= i + 3; j++) {
                    if (occurrences.get(j).term().equals(o.next())) {
                        end = occurrences.get(j).end();
                        consumedUpTo = end;
                        break;
                    }
                }
            }
            String said = generated.substring(o.start(), end);
            String message = outputNegates
                    ? "the output negates « " + said + " », which the source affirms" + cited
                    : "the output affirms « " + said + " », which the source negates" + cited;
            out.add(new Finding(FindingKind.NEGATION_CONFLICT, FindingKind.NEGATION_CONFLICT.defaultSeverity(), o.start(), end,
                    said, message, null, span));
        }
    }

    /**
     * Whether the output gives the same term the other polarity in the same sentence (« Allergies : pas
     * d'allergie connue »): the output is not flipping the source, it is writing a list header.
     */
    private static boolean ambivalent(String generated, NegationScopes.Occurrence o, List<NegationScopes.Occurrence> all) {
        int[] sentence = passage(generated, o.start(), o.end());
        for (NegationScopes.Occurrence other : all) {
            if (other != o && other.start() >= sentence[0] && other.end() <= sentence[1] && other.term().equals(o.term())
                    && other.polarity() != o.polarity() && other.polarity() != NegationScopes.HYPOTHETICAL) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sentence of {@code text} around a word; when that sentence is a question (a dialogue), the answer that
     * follows is included, since the answer gives the polarity.
     */
    static int[] passage(String text, int start, int end) {
        int from = start;
        while (from > 0 && start - from < MAX_PASSAGE && !isBreak(text.charAt(from - 1))) {
            from--;
        }
        while (from < start && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        int to = end;
        while (to < text.length() && to - from < MAX_PASSAGE && !isBreak(text.charAt(to))) {
            to++;
        }
        if (to < text.length() && text.charAt(to) != '\n') {
            to++;
        }
        if (to > 0 && text.charAt(to - 1) == '?') {
            int answer = to;
            while (answer < text.length() && Character.isWhitespace(text.charAt(answer))) {
                answer++;
            }
            int stop = answer;
            while (stop < text.length() && stop - from < MAX_PASSAGE && !isBreak(text.charAt(stop))) {
                stop++;
            }
            if (stop < text.length() && text.charAt(stop) != '\n') {
                stop++;
            }
            to = Math.max(to, stop);
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return new int[] {from, to};
    }

    private static boolean isBreak(char c) {
        return c == '.' || c == '?' || c == '!' || c == '\n' || c == ';';
    }
}
