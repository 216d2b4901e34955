package fr.avec.learn;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Grades quiz answers and decides whether a person's training is current. A module is passed with at
 * least 80 % right answers; the path must be passed again after a refresher period set by the hospital.
 */
public final class Quiz {

    /** The share of right answers needed to pass a module. */
    public static final double PASS_MARK = 0.8;

    private Quiz() {
    }

    /**
     * The grade of one attempt.
     *
     * @param moduleId the module
     * @param right    the number of right answers
     * @param total    the number of questions
     * @param wrong    the indexes of the questions answered wrongly (or not answered), to show their explanation
     */
    public record Grade(String moduleId, int right, int total, List<Integer> wrong) {

        public Grade {
            wrong = List.copyOf(wrong);
        }

        public boolean passed() {
            return total > 0 && (double) right / total >= PASS_MARK;
        }
    }

    /** Grades answers given as question index → chosen answer index; a missing answer counts as wrong. */
    public static Grade grade(TrainingModule module, Map<Integer, Integer> answers) {
        int right = 0;
        List<Integer> wrong = new java.util.ArrayList<>();
        for (int q = 0; q < module.questions().size(); q++) {
            Integer answer = answers.get(q);
            if (answer != null && answer == module.questions().get(q).correct()) {
                right++;
            } else {
                wrong.add(q);
            }
        }
        return new Grade(module.id(), right, module.questions().size(), wrong);
    }

    /**
     * Whether a person's training is current: every module of the catalogue passed, and the oldest of
     * those passes younger than the refresher period.
     *
     * @param passedAt when each module was last passed, by module id
     */
    public static boolean current(TrainingCatalog catalog, Map<String, Instant> passedAt, Duration refresher, Instant now) {
        for (TrainingModule module : catalog.modules()) {
            Instant passed = passedAt.get(module.id());
            if (passed == null || passed.plus(refresher).isBefore(now)) {
                return false;
            }
        }
        return !catalog.modules().isEmpty();
    }
}
