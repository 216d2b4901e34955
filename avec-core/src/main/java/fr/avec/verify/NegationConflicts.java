package fr.avec.verify;

import fr.avec.text.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The frequent clinical flips between output and sources: « pas d'allergie » against « allergie à la
 * pénicilline », « non fumeur » against « fumeur ». A term conflicts when the output gives it one polarity
 * and the sources only ever give it the other; two-word phrases are compared first (« douleur thoracique »
 * is not « douleur abdominale »).
 */
final class NegationConflicts {

    private NegationConflicts() {
    }

    static void check(String generated, List<Token> tokens, Sources sources, List<Finding> out) {
        Set<String> reported = new HashSet<>();
        for (NegationScopes.Occurrence o : NegationScopes.occurrences(generated, tokens)) {
            if (o.polarity() == NegationScopes.HYPOTHETICAL) {
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
            if (mask == 0 || (mask & o.polarity()) != 0 || !reported.add(key)) {
                continue;
            }
            boolean outputNegates = o.polarity() == NegationScopes.NEGATED;
            String message = outputNegates
                    ? "the output negates « " + key + " », which the sources affirm"
                    : "the output affirms « " + key + " », which the sources negate";
            out.add(Finding.of(FindingKind.NEGATION_CONFLICT, generated, o.start(), o.end(), message, null));
        }
    }
}
