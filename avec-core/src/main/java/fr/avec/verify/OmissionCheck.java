package fr.avec.verify;

import fr.avec.text.Quantity;
import fr.avec.text.Token;
import fr.avec.verify.omission.AnalysedText;
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
            return OmissionCheck.polarities(NegationScopes.polarities(text, tokens));
        }

        @Override
        public boolean sameValue(Quantity output, Quantity source) {
            return NumberGrounding.compare(output, source) == NumberGrounding.Match.SAME;
        }
    };

    private OmissionCheck() {
    }

    private static Polarity[] polarities(int[] scopes) {
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
        List<AnalysedText> analysed = new ArrayList<>();
        for (String source : sources) {
            analysed.add(AnalysedText.of(source, drugs, GROUNDING));
        }
        return detector(drugs).detect(AnalysedText.of(generated, drugs, null), analysed);
    }

    /** Adds an {@code OMISSION} finding per fact of the sources that the output leaves out. */
    static void check(OmissionDetector detector, String generated, List<Token> tokens, List<Quantity> quantities,
                      List<DrugMention> mentions, DrugLexicon drugs, Sources sources, List<Finding> out) {
        List<AnalysedText> analysed = new ArrayList<>(sources.texts.size());
        for (int i = 0; i < sources.texts.size(); i++) {
            String text = sources.texts.get(i);
            List<DrugMention> sourceDrugs = new ArrayList<>();
            for (DrugLexicon.Match m : sources.drugMatches.get(i)) {
                sourceDrugs.add(drugs.mention(text, m));
            }
            analysed.add(new AnalysedText(text, sources.tokens.get(i), sources.quantitiesBySource.get(i), sourceDrugs,
                    polarities(sources.tokenPolarities.get(i))));
        }
        OmissionDetector.Result result = detector.detect(new AnalysedText(generated, tokens, quantities, mentions, null), analysed);
        for (OmissionDetector.Omission o : result.omissions()) {
            Fact f = o.fact();
            String message = (f.asked() ? "the source asks about " : "the source states " + (f.negated() ? "the absence of " : ""))
                    + f.label() + ", which the output leaves out";
            out.add(new Finding(FindingKind.OMISSION, o.severity(), generated.length(), generated.length(), "", message,
                    o.suggestion(), new Finding.SourceSpan(f.sourceIndex(), f.passageStart(), f.passageEnd()), f.category().label()));
        }
    }
}
