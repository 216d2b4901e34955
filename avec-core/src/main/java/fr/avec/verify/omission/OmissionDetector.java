package fr.avec.verify.omission;

import fr.avec.text.Quantity;
import fr.avec.text.Token;
import fr.avec.verify.DrugLexicon;
import fr.avec.verify.DrugMention;
import fr.avec.verify.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds what the sources say and the output leaves out: extracts the sources' facts ({@link FactExtractor})
 * and looks for each in the output after normalisation. A concept is kept when the output names any concept
 * of its family (synonyms and abbreviations: « HTA » keeps « hypertension artérielle »); a value when the
 * output has the same value, written in words or digits, in any unit of its dimension (« soixante-treize
 * kilos » keeps « 73 kg », « 1 g » keeps « 1000 mg »); a drug when the output names one of its substances or
 * the same name; an allergy when the output names its allergen. Polarity is not compared: an output that
 * states the opposite has not omitted the fact, it contradicts it ({@code NEGATION_CONFLICT}).
 * Immutable and safe to share between threads.
 */
public final class OmissionDetector {

    /** Speaker labels of transcripts, left out of the suggested sentence. */
    private static final Pattern SPEAKER = Pattern.compile(
            "(?iu)(?<![\\p{L}])(doctor|patient|patiente|médecin|medecin|docteur|dr|infirmière|infirmier|nurse|guest_family|guest_clinician|family|mère|père|parent|aidant)\\s?:\\s*");

    private final ClinicalVocabulary vocabulary;
    private final DrugLexicon drugs;
    private final Grounding grounding;
    private final FactExtractor extractor;

    /** A detector with the given vocabulary, drug lexicon (null: no drug facts) and the engine's grounding. */
    public OmissionDetector(ClinicalVocabulary vocabulary, DrugLexicon drugs, Grounding grounding) {
        this.vocabulary = vocabulary;
        this.drugs = drugs;
        this.grounding = grounding;
        this.extractor = new FactExtractor(vocabulary, drugs, grounding);
    }

    /** A fact the output leaves out, with the severity of its omission and the source sentence to insert. */
    public record Omission(Fact fact, Severity severity, String passage, String suggestion) {
    }

    /** Every fact of the sources, and the omitted ones; {@link #score()} is the omitted share. */
    public record Result(List<Fact> facts, List<Omission> omissions) {

        public Result {
            facts = List.copyOf(facts);
            omissions = List.copyOf(omissions);
        }

        /** The share of the sources' facts the output leaves out (0 when the sources state none). */
        public double score() {
            return facts.isEmpty() ? 0 : (double) omissions.size() / facts.size();
        }
    }

    /** Detects what {@code output} leaves out of {@code sources}, all already analysed by the engine. */
    public Result detect(AnalysedText output, List<AnalysedText> sources) {
        List<Fact> facts = extractor.extract(sources);
        if (facts.isEmpty()) {
            return new Result(facts, List.of());
        }
        Output out = new Output(output);
        List<Omission> omissions = new ArrayList<>();
        for (Fact fact : facts) {
            if (!out.keeps(fact)) {
                String source = sources.get(fact.sourceIndex()).text();
                String passage = source.substring(fact.passageStart(), fact.passageEnd());
                String suggestion = SPEAKER.matcher(passage).replaceAll("").strip();
                omissions.add(new Omission(fact, fact.category().severity(fact.negated() || fact.asked()), passage,
                        suggestion.isEmpty() ? passage : suggestion));
            }
        }
        return new Result(facts, omissions);
    }

    /** What the output says, indexed for the look-ups. */
    private final class Output {
        final List<Quantity> quantities;
        final Set<String> families = new HashSet<>();
        final Set<String> words = new HashSet<>();
        final Set<String> substances = new HashSet<>();

        Output(AnalysedText output) {
            String text = output.text();
            List<Token> tokens = output.tokens();
            this.quantities = output.quantities();
            for (ClinicalVocabulary.Hit hit : vocabulary.scan(text, tokens, true)) {
                String id = hit.concept().id();
                int slash = id.indexOf('/');
                families.add(slash < 0 ? id : id.substring(0, slash));
            }
            for (Token t : tokens) {
                if (t.isWord()) {
                    words.add(ClinicalVocabulary.stripEndings(t.text()));
                }
            }
            for (DrugMention m : output.drugs()) {
                if (FactExtractor.spokenAsDrug(m)) {
                    substances.addAll(m.substances());
                }
            }
        }

        boolean keeps(Fact fact) {
            return switch (fact.category()) {
                // A drug class (« antibiotics ») is kept by a named drug of the output (« amoxicillin »): the class of
                // each BDPM substance is not known, so any named drug keeps it.
                case DRUG -> fact.substances().isEmpty() ? families.contains(fact.family()) || !substances.isEmpty()
                        : anySubstance(fact) || words.contains(firstWord(fact));
                case DOSE, VITAL_SIGN, LAB_VALUE, FOLLOW_UP -> fact.value() == null ? families.contains(fact.family()) : hasValue(fact.value());
                case ALLERGY -> {
                    if (!fact.substances().isEmpty()) {
                        yield anySubstance(fact) || fact.object() != null && words.contains(fact.object());
                    }
                    yield fact.object() != null ? words.contains(fact.object()) : families.contains(fact.family());
                }
                case MEASUREMENT -> hasValue(fact.value());
                default -> fact.object() != null ? anyWord(fact.object()) : families.contains(fact.family());
            };
        }

        private boolean anyWord(String words) {
            for (String w : words.split(" ")) {
                if (this.words.contains(w)) {
                    return true;
                }
            }
            return false;
        }

        private boolean anySubstance(Fact fact) {
            for (String s : fact.substances()) {
                if (substances.contains(s)) {
                    return true;
                }
            }
            return false;
        }

        private String firstWord(Fact fact) {
            String concept = fact.concept();
            int space = concept.indexOf(' ');
            return ClinicalVocabulary.normalise(space < 0 ? concept : concept.substring(0, space));
        }

        private boolean hasValue(Quantity value) {
            for (Quantity q : quantities) {
                if (grounding.sameValue(q, value)) {
                    return true;
                }
            }
            return false;
        }
    }
}
