package fr.avec.estimate;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares a replay of a use case's reference cases on a new model (or version) with the previous
 * replay: more error findings per case, or outputs further from the validated texts, beyond a
 * threshold, is a degradation that must be looked at before the new model is trusted.
 */
public final class Drift {

    /**
     * The result of one reference case on one model.
     *
     * @param caseId        the reference case
     * @param errorFindings findings of severity error in the output
     * @param similarity    1 − the normalised word edit rate between the output and the validated text
     */
    public record CaseResult(String caseId, int errorFindings, double similarity) {
    }

    /**
     * When a change is a degradation.
     *
     * @param maxFindingsIncrease tolerated increase of error findings per case (e.g. 0.25)
     * @param maxSimilarityDrop   tolerated drop of mean similarity (e.g. 0.05)
     */
    public record Thresholds(double maxFindingsIncrease, double maxSimilarityDrop) {
        public static final Thresholds DEFAULT = new Thresholds(0.25, 0.05);
    }

    /**
     * The comparison of two replays on the cases they share.
     *
     * @param cases    the number of cases compared
     * @param reasons  why the change is a degradation, in French; empty when it is not
     */
    public record Report(int cases, double baselineFindingsPerCase, double candidateFindingsPerCase,
                         double baselineSimilarity, double candidateSimilarity, List<String> reasons) {

        public Report {
            reasons = List.copyOf(reasons);
        }

        public boolean degraded() {
            return !reasons.isEmpty();
        }
    }

    private Drift() {
    }

    /** Compares the candidate replay with the baseline on the cases present in both. */
    public static Report compare(List<CaseResult> baseline, List<CaseResult> candidate, Thresholds thresholds) {
        List<CaseResult[]> pairs = new ArrayList<>();
        for (CaseResult before : baseline) {
            candidate.stream().filter(c -> c.caseId().equals(before.caseId())).findFirst()
                    .ifPresent(after -> pairs.add(new CaseResult[] {before, after}));
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("the two replays share no reference case");
        }
        double findingsBefore = pairs.stream().mapToInt(p -> p[0].errorFindings()).average().orElseThrow();
        double findingsAfter = pairs.stream().mapToInt(p -> p[1].errorFindings()).average().orElseThrow();
        double similarityBefore = pairs.stream().mapToDouble(p -> p[0].similarity()).average().orElseThrow();
        double similarityAfter = pairs.stream().mapToDouble(p -> p[1].similarity()).average().orElseThrow();
        List<String> reasons = new ArrayList<>();
        if (findingsAfter - findingsBefore > thresholds.maxFindingsIncrease()) {
            reasons.add(String.format(java.util.Locale.FRANCE, "alertes de gravité erreur par cas : %.2f → %.2f", findingsBefore, findingsAfter));
        }
        if (similarityBefore - similarityAfter > thresholds.maxSimilarityDrop()) {
            reasons.add(String.format(java.util.Locale.FRANCE, "similarité aux textes validés : %.0f %% → %.0f %%",
                    similarityBefore * 100, similarityAfter * 100));
        }
        return new Report(pairs.size(), findingsBefore, findingsAfter, similarityBefore, similarityAfter, reasons);
    }
}
