package fr.avec.estimate;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A target set by a use case's needs sheet, e.g. « taux de correction médian ≤ 20 % » or « au moins 10 %
 * des documents rédigés sans IA ».
 *
 * @param indicator  what is measured
 * @param comparison whether the value must stay at most or at least the target
 * @param target     the target value, in the indicator's unit (shares as fractions: 0.2 for 20 %)
 */
public record Objective(Indicator indicator, Comparison comparison, double target) {

    /** The direction of an objective. */
    public enum Comparison { AT_MOST, AT_LEAST }

    /** Where an indicator stands against its objective. */
    public enum Status { MET, NOT_MET, NO_DATA }

    public Objective {
        if (Double.isNaN(target) || Double.isInfinite(target)) {
            throw new IllegalArgumentException("an objective needs a finite target");
        }
        if (indicator.share() && (target < 0 || target > 1)) {
            throw new IllegalArgumentException(indicator + " is a share: its target must be between 0 and 1");
        }
    }

    /** The status of a measured value; no value (no document in the period) is {@link Status#NO_DATA}. */
    public Status evaluate(OptionalDouble value) {
        if (value.isEmpty() || Double.isNaN(value.getAsDouble())) {
            return Status.NO_DATA;
        }
        double v = value.getAsDouble();
        boolean met = comparison == Comparison.AT_MOST ? v <= target : v >= target;
        return met ? Status.MET : Status.NOT_MET;
    }

    /** A readable statement of the objective in French, e.g. « taux de correction médian ≤ 20 % ». */
    public String describeFr() {
        String sign = comparison == Comparison.AT_MOST ? "≤" : "≥";
        String value = indicator.share()
                ? String.format(Locale.FRANCE, "%.0f %%", target * 100)
                : String.format(Locale.FRANCE, "%s", stripZeros(target));
        return indicator.labelFr() + " " + sign + " " + value;
    }

    private static String stripZeros(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value).replace('.', ',');
    }
}
