package fr.avec.verify;

import fr.avec.text.Quantity;
import fr.avec.text.QuantityScanner;
import fr.avec.text.Token;
import fr.avec.text.Tokenizer;
import fr.avec.verify.omission.ClinicalVocabulary;
import fr.avec.verify.omission.Fact;
import fr.avec.verify.omission.Grounding;
import fr.avec.verify.omission.OmissionDetector;
import fr.avec.verify.omission.Polarity;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's omission check: what the sources say and the output leaves out, reported as {@code OMISSION}
 * findings that cite the source passage ({@link Finding#source()}) and carry the fact's category and the
 * source sentence to insert. It lends {@link fr.avec.verify.omission} the engine's negation scopes and value
 * comparison, so that omissions and the other grounding checks judge polarity and values alike.
 */
public final class OmissionCheck {

    /** The engine's judgements, as omission detection needs them. */
    static final Grounding GROUNDING = new Grounding() {
        @Override
        public Polarity[] polarities(String text, List<Token> tokens) {
            int[] scopes = NegationScopes.polarities(text, tokens);
            Polarity[] out = new Polarity[scopes.length];
            for (int i = 0; i < scopes.length; i++) {
                out[i] = switch (scopes[i]) {
                    case NegationScopes.NEGATED -> Polarity.NEGATED;
                    case NegationScopes.HYPOTHETICAL -> Polarity.HYPOTHETICAL;
                    default -> Polarity.AFFIRMED;
                };
            }
            return out;
        }

        @Override
        public boolean sameValue(Quantity output, Quantity source) {
            return NumberGrounding.compare(output, source) == NumberGrounding.Match.SAME;
        }
    };

    private OmissionCheck() {
    }

    /** The engine's negation scopes and value comparison, for evaluations that select or match by them. */
    public static Grounding grounding() {
        return GROUNDING;
    }

    /** A detector over the standard vocabulary and the given drug lexicon (null: no drug facts). */
    public static OmissionDetector detector(DrugLexicon drugs) {
        return new OmissionDetector(ClinicalVocabulary.standard(), drugs, GROUNDING);
    }

    /** The facts of the sources and those {@code generated} leaves out (for evaluations and scores). */
    public static OmissionDetector.Result detect(String generated, List<String> sources, DrugLexicon drugs) {
        List<Token> tokens = Tokenizer.tokenize(generated);
        List<List<Token>> sourceTokens = new ArrayList<>();
        for (String source : sources) {
            sourceTokens.add(Tokenizer.tokenize(source));
        }
        return detector(drugs).detect(generated, tokens, QuantityScanner.scan(tokens), sources, sourceTokens);
    }

    /** Adds an {@code OMISSION} finding per fact of the sources that the output leaves out. */
    static void check(OmissionDetector detector, String generated, List<Token> tokens, List<Quantity> quantities, Sources sources,
                      List<Finding> out) {
        OmissionDetector.Result result = detector.detect(generated, tokens, quantities, sources.texts, sources.tokens);
        for (OmissionDetector.Omission o : result.omissions()) {
            Fact f = o.fact();
            String message = "the source states " + (f.negated() ? "the absence of " : "") + f.label()
                    + ", which the output leaves out";
            out.add(new Finding(FindingKind.OMISSION, o.severity(), generated.length(), generated.length(), "", message,
                    o.suggestion(), new Finding.SourceSpan(f.sourceIndex(), f.passageStart(), f.passageEnd()), f.category().label()));
        }
    }
}
