package fr.avec.verify.omission;

import fr.avec.text.Quantity;
import fr.avec.text.Token;
import java.util.List;

/**
 * The verification engine's judgements that omission detection reuses rather than repeats: the polarity of
 * each word (its negation and hypothesis scopes, dialogue answers included) and whether two values are the
 * same after unit conversion. Supplied by {@code fr.avec.verify.OmissionCheck}.
 */
public interface Grounding {

    /** The polarity of every token of {@code text} (one entry per token; non-content tokens affirmed). */
    Polarity[] polarities(String text, List<Token> tokens);

    /** Whether {@code output} states the same value as {@code source} (« 1 g » and « 1000 mg », 14/9 and 140/90). */
    boolean sameValue(Quantity output, Quantity source);
}
