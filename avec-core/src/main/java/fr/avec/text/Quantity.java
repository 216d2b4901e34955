package fr.avec.text;

/**
 * A value found in a text: a number with its unit when it has one, a ratio (« 14/9 », « 140/90 mmHg »)
 * or a date. Offsets index the original text in UTF-16 code units.
 */
public record Quantity(int start, int end, Kind kind, double value, double second, Unit unit, boolean inWords) {

    /** What the value is. */
    public enum Kind { NUMBER, RATIO, DATE }

    /** The value in the base unit of its dimension (« 1 g » and « 1000 mg » both give 1). */
    public double baseValue() {
        return unit == null ? value : value * unit.factor();
    }

    /** The unit's dimension, or the empty string for a bare number. */
    public String dimension() {
        return unit == null ? "" : unit.dimension();
    }

    public boolean hasUnit() {
        return unit != null;
    }

    /** How the value reads in a message: « 38.5 °C », « 14/9 ». */
    public String describe() {
        String number = format(value);
        if (kind == Kind.RATIO) {
            number = number + "/" + format(second);
        } else if (kind == Kind.DATE) {
            long v = (long) value;
            return v / 10000 == 0 ? String.format("%02d/%02d", v % 100, (v / 100) % 100)
                    : String.format("%02d/%02d/%04d", v % 100, (v / 100) % 100, v / 10000);
        }
        return unit == null ? number : number + " " + unit.symbol();
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
