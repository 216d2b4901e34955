package fr.avec.estimate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spots professionals who validate AI drafts without reading them: a draft validated unedited faster
 * than it can be read (at 240 words a minute, a brisk reading pace for clinical text) is a "rubber
 * stamp". Many of them in a period is the automation-bias signal the guide warns about.
 */
public final class AutomationBias {

    /** Words a person reads in a minute when reading attentively; faster than this is skimming. */
    public static final int READING_WORDS_PER_MINUTE = 240;

    /**
     * One validated draft.
     *
     * @param user           who validated
     * @param unedited       whether no word was changed
     * @param timeToValidate from the draft being shown to its validation
     * @param words          the draft's length
     */
    public record Validation(String user, boolean unedited, Duration timeToValidate, int words) {

        /** Validated unedited in less time than it takes to read the draft. */
        public boolean rubberStamp() {
            double readingSeconds = words * 60.0 / READING_WORDS_PER_MINUTE;
            return unedited && timeToValidate.toMillis() / 1000.0 < readingSeconds;
        }
    }

    /**
     * A warning for one person.
     *
     * @param validations   their validations in the period
     * @param rubberStamps  those validated unedited faster than reading speed
     */
    public record Signal(String user, int validations, int rubberStamps) {
        public double share() {
            return (double) rubberStamps / validations;
        }
    }

    private AutomationBias() {
    }

    /**
     * The people to warn: at least {@code minimumValidations} validations in the period, of which at
     * least {@code share} were rubber stamps.
     */
    public static List<Signal> signals(List<Validation> validations, int minimumValidations, double share) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Validation validation : validations) {
            int[] count = counts.computeIfAbsent(validation.user(), u -> new int[2]);
            count[0]++;
            if (validation.rubberStamp()) {
                count[1]++;
            }
        }
        List<Signal> signals = new ArrayList<>();
        counts.forEach((user, count) -> {
            if (count[0] >= minimumValidations && (double) count[1] / count[0] >= share) {
                signals.add(new Signal(user, count[0], count[1]));
            }
        });
        return signals;
    }
}
