package fr.avec.estimate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The precision of Avec's own alerts, per finding kind, from what professionals did with them: a
 * finding they fixed was a true alert, one they dismissed with a reason was a false alarm.
 */
public final class AlertPrecision {

    /** What became of one finding at validation. */
    public enum Fate { FIXED, DISMISSED }

    /** One finding's kind (as in CONTRACTS.md, e.g. UNKNOWN_DRUG) and its fate. */
    public record Outcome(String kind, Fate fate) {
    }

    /**
     * Counts per kind.
     *
     * @param fixed     findings the professional fixed
     * @param dismissed findings the professional dismissed
     */
    public record KindPrecision(String kind, int fixed, int dismissed) {

        /** fixed / (fixed + dismissed), or NaN when no finding of this kind was resolved. */
        public double precision() {
            int total = fixed + dismissed;
            return total == 0 ? Double.NaN : (double) fixed / total;
        }
    }

    private AlertPrecision() {
    }

    /** Precision per kind, sorted by kind. */
    public static Map<String, KindPrecision> byKind(List<Outcome> outcomes) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            int[] count = counts.computeIfAbsent(outcome.kind(), k -> new int[2]);
            count[outcome.fate() == Fate.FIXED ? 0 : 1]++;
        }
        Map<String, KindPrecision> result = new TreeMap<>();
        counts.forEach((kind, count) -> result.put(kind, new KindPrecision(kind, count[0], count[1])));
        return Collections.unmodifiableMap(result);
    }
}
