package fr.avec.verify;

import fr.avec.text.Quantity;
import fr.avec.text.QuantityScanner;
import fr.avec.text.Token;
import fr.avec.text.Tokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The verification engine: checks an AI-generated clinical text for unknown drugs, unmarketed doses and
 * never-events, values, drugs and negations absent from or contradicted by the sources, unsupported
 * sentences, citations missing from the references, identifying data and readability. Built once from the
 * drug database; immutable and safe to share between threads.
 */
public final class Verifier {

    /** Per-request choices. */
    public record Options(boolean patientMaterial, double readabilityTarget, double supportThreshold, int maxLength) {

        /** Clinical text for professionals; readability checked only for patient material. */
        public static final Options DEFAULT = new Options(false, Readability.DEFAULT_TARGET, SentenceSupport.DEFAULT_THRESHOLD, 2_000_000);

        /** The same options, checking readability as patient material against {@code target} (Kandel–Moles score). */
        public Options forPatients(double target) {
            return new Options(true, target, supportThreshold, maxLength);
        }
    }

    /** Finds identifying data in a text (the Protect engine); returns spans with their label. */
    @FunctionalInterface
    public interface IdentifyingDataDetector {
        /** Spans of identifying data, offsets in {@code text}. */
        List<IdentifyingSpan> detect(String text);
    }

    /** A span of identifying data with its label (NOM, TEL...). */
    public record IdentifyingSpan(String label, int start, int end) {
    }

    private final DrugLexicon drugs;
    private final DrugSuggester suggester;
    private final IdentifyingDataDetector identifyingData;
    private final fr.avec.verify.omission.OmissionDetector omissions;

    private Verifier(DrugLexicon drugs, IdentifyingDataDetector identifyingData, boolean omissions) {
        this.drugs = drugs;
        this.suggester = drugs == null ? null : new DrugSuggester(drugs);
        this.identifyingData = identifyingData;
        this.omissions = omissions ? OmissionCheck.detector(drugs) : null;
    }

    /** Starts a verifier; without a drug database the drug checks are reported as not run. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link Verifier}. */
    public static final class Builder {
        private DrugLexicon drugs;
        private IdentifyingDataDetector identifyingData;
        private boolean omissions = true;

        private Builder() {
        }

        public Builder drugs(DrugLexicon lexicon) {
            this.drugs = lexicon;
            return this;
        }

        public Builder identifyingData(IdentifyingDataDetector detector) {
            this.identifyingData = detector;
            return this;
        }

        /** Whether to report what the sources say and the output leaves out ({@code OMISSION}); on by default. */
        public Builder omissions(boolean enabled) {
            this.omissions = enabled;
            return this;
        }

        /**
         * Uses the Protect engine for {@code PHI_IN_OUTPUT}. Dates are left out: a clinical letter is full of
         * dates of care that are not a re-identification risk on their own; names, places, contacts and
         * identifiers are reported.
         */
        public Builder protector(fr.avec.protect.Protector protector) {
            this.identifyingData = text -> {
                List<IdentifyingSpan> spans = new ArrayList<>();
                for (fr.avec.protect.Entity e : protector.detect(text)) {
                    if (e.label().family() != fr.avec.protect.Label.Family.DATE || e.label() == fr.avec.protect.Label.DATE_NAISSANCE) {
                        spans.add(new IdentifyingSpan(e.label().name(), e.start(), e.end()));
                    }
                }
                return spans;
            };
            return this;
        }

        public Verifier build() {
            return new Verifier(drugs, identifyingData, omissions);
        }
    }

    /** Whether a source writes this folded word (checked only for the rare unknown-drug candidates). */
    private static boolean saidIn(List<String> sources, String folded) {
        for (String source : sources) {
            for (Token t : Tokenizer.tokenize(source)) {
                if (t.text().equals(folded)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The drug lexicon, or null when no drug database was given. */
    public DrugLexicon drugs() {
        return drugs;
    }

    /**
     * Verifies {@code generated} against the sources (transcript, previous letters, articles) and the
     * references of a literature synthesis; either list may be empty, which disables the checks needing it.
     */
    public Report verify(String generated, List<String> sources, List<String> references, Options options) {
        Objects.requireNonNull(generated, "generated");
        Objects.requireNonNull(options, "options");
        sources = sources == null ? List.of() : sources;
        references = references == null ? List.of() : references;
        if (generated.length() > options.maxLength()) {
            throw new IllegalArgumentException("generated text too long: " + generated.length() + " characters (limit "
                    + options.maxLength() + ")");
        }
        List<Finding> findings = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        List<Token> tokens = Tokenizer.tokenize(generated);
        List<Quantity> quantities = QuantityScanner.scan(tokens);
        List<DrugMention> mentions = List.of();
        List<DrugLexicon.Match> matches = List.of();
        if (drugs != null) {
            matches = drugs.matches(tokens);
            mentions = drugs.mentions(generated, tokens);
            boolean[] inMention = new boolean[tokens.size()];
            for (DrugLexicon.Match m : matches) {
                for (int k = m.firstToken(); k < m.endToken(); k++) {
                    inMention[k] = true;
                }
            }
            List<String> sourceTexts = sources;
            UnknownDrugs.find(generated, tokens, inMention, quantities, drugs, suggester, word -> saidIn(sourceTexts, word), findings);
            Doses.notMarketed(generated, tokens, matches, quantities, drugs, findings);
        } else {
            notRun.add("UNKNOWN_DRUG, DOSE_NOT_MARKETED and DRUG_NOT_IN_SOURCE: no drug database");
        }
        Doses.neverEvents(generated, tokens, quantities, findings);
        double unsupportedShare = Double.NaN;
        if (!sources.isEmpty()) {
            Sources prepared = Sources.of(sources, drugs);
            NumberGrounding.check(generated, quantities, prepared, findings);
            if (drugs != null) {
                for (DrugLexicon.Match m : matches) {
                    if (!prepared.mentionsAny(m.entry())) {
                        findings.add(Finding.of(FindingKind.DRUG_NOT_IN_SOURCE, generated, m.start(), m.end(),
                                "« " + generated.substring(m.start(), m.end()) + " » (" + String.join(", ", m.entry().substances())
                                        + ") appears in no source", null));
                    }
                }
            }
            NegationConflicts.check(generated, tokens, prepared, findings);
            unsupportedShare = SentenceSupport.check(generated, tokens, prepared, options.supportThreshold(), findings);
            if (omissions != null) {
                OmissionCheck.check(omissions, generated, tokens, quantities, mentions, drugs, prepared, findings);
            }
        }
        if (!references.isEmpty()) {
            Citations.check(generated, references, findings);
        }
        if (identifyingData != null) {
            for (IdentifyingSpan span : identifyingData.detect(generated)) {
                findings.add(Finding.of(FindingKind.PHI_IN_OUTPUT, generated, span.start(), span.end(),
                        "identifying data (" + span.label() + ") in the output", null));
            }
        } else {
            notRun.add("PHI_IN_OUTPUT: no identifying-data detector");
        }
        if (options.patientMaterial()) {
            Readability.check(generated, options.readabilityTarget(), findings);
        }
        findings.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end).thenComparing(f -> f.kind().ordinal()));
        return new Report(findings, mentions, notRun, unsupportedShare);
    }
}
