package fr.avec.verify.omission;

import fr.avec.text.Quantity;
import fr.avec.text.QuantityScanner;
import fr.avec.text.Token;
import fr.avec.text.Tokenizer;
import fr.avec.verify.DrugLexicon;
import fr.avec.verify.DrugMention;
import java.util.List;

/**
 * A text with what the engine already read in it: tokens, values, drug mentions and, for a source, the
 * polarity of each token. The verifier builds it once per request and omission detection reuses it, so that
 * omissions cost only their own work.
 *
 * @param polarity one entry per token, or null for an output (its polarity is not compared)
 */
public record AnalysedText(String text, List<Token> tokens, List<Quantity> quantities, List<DrugMention> drugs,
                           Polarity[] polarity) {

    /** Analyses a text from scratch (tests, evaluations); {@code drugs} may be null, {@code grounding} gives polarities. */
    public static AnalysedText of(String text, DrugLexicon drugs, Grounding grounding) {
        List<Token> tokens = Tokenizer.tokenize(text);
        return new AnalysedText(text, tokens, QuantityScanner.scan(tokens), drugs == null ? List.of() : drugs.mentions(text, tokens),
                grounding == null ? null : grounding.polarities(text, tokens));
    }
}
