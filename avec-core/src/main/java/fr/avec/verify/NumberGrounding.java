package fr.avec.verify;

import fr.avec.text.Quantity;
import fr.avec.text.Unit;
import java.util.List;

/**
 * Grounds every value of the output in the sources after normalisation: « 1 g » is « 1000 mg », « 38,5 » is
 * « trente-huit virgule cinq », « quatorze-neuf » is 14/9 and 140/90 mmHg, « soixante-treize kilos » is 73 kg.
 * A value found only with an incompatible unit is a {@code UNIT_MISMATCH}; a value found nowhere is a
 * {@code NUMBER_NOT_IN_SOURCE}. A source value without a unit supports the output value with any unit
 * (transcripts often leave units unsaid).
 */
final class NumberGrounding {

    private NumberGrounding() {
    }

    static void check(String generated, List<Quantity> quantities, Sources sources, List<Finding> out) {
        for (Quantity q : quantities) {
            if (listMarker(generated, q)) {
                continue;
            }
            Quantity sameValueOtherUnit = null;
            boolean grounded = false;
            boolean groundedByBareNumber = false;
            Quantity sameDimensionOtherScale = null;
            for (Quantity s : sources.quantities) {
                Match m = compare(q, s);
                if (m == Match.SAME) {
                    if (q.hasUnit() && !s.hasUnit() && q.kind() == Quantity.Kind.NUMBER) {
                        groundedByBareNumber = true;
                        continue;
                    }
                    grounded = true;
                    break;
                }
                if (m == Match.OTHER_UNIT && sameValueOtherUnit == null) {
                    sameValueOtherUnit = s;
                }
                if (m == Match.OTHER_UNIT && sameDimensionOtherScale == null && q.hasUnit() && s.hasUnit()
                        && q.dimension().equals(s.dimension())) {
                    sameDimensionOtherScale = s;
                }
            }
            // A bare number of a transcript supports a value with any unit, unless the source also says the
            // value with another unit of the same kind: « 24 years » said explicitly contradicts « 24 months ».
            if (grounded || groundedByBareNumber && sameDimensionOtherScale == null) {
                continue;
            }
            if (sameDimensionOtherScale != null) {
                sameValueOtherUnit = sameDimensionOtherScale;
            }
            String written = generated.substring(q.start(), q.end());
            if (sameValueOtherUnit != null) {
                out.add(Finding.of(FindingKind.UNIT_MISMATCH, generated, q.start(), q.end(),
                        "« " + written + " »: the source has " + sameValueOtherUnit.describe() + ", another unit",
                        sameValueOtherUnit.describe()));
            } else {
                out.add(Finding.of(FindingKind.NUMBER_NOT_IN_SOURCE, generated, q.start(), q.end(),
                        "« " + written + " » (" + q.describe() + ") is in no source", null));
            }
        }
    }

    /** « 1. », « 2) » opening a line or following a sentence: the number of a list item, not a value. */
    static boolean listMarker(String text, Quantity q) {
        if (q.hasUnit() || q.kind() != Quantity.Kind.NUMBER || q.value() > 50 || q.value() != Math.rint(q.value())) {
            return false;
        }
        int after = q.end();
        if (after >= text.length() || text.charAt(after) != '.' && text.charAt(after) != ')'
                || after + 1 < text.length() && !Character.isWhitespace(text.charAt(after + 1))) {
            return false;
        }
        int k = q.start() - 1;
        while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k--;
        }
        return k < 0 || text.charAt(k) == '\n' || text.charAt(k) == '.' || text.charAt(k) == ':' || text.charAt(k) == ';';
    }

    enum Match { SAME, OTHER_UNIT, NONE }

    static Match compare(Quantity out, Quantity source) {
        if (out.kind() == Quantity.Kind.DATE || source.kind() == Quantity.Kind.DATE) {
            if (out.kind() != source.kind()) {
                return Match.NONE;
            }
            long a = (long) out.value();
            long b = (long) source.value();
            // A date without its year (« le 12 mars ») matches the same day and month of any year.
            boolean same = a == b || (a / 10000 == 0 || b / 10000 == 0) && a % 10000 == b % 10000;
            return same ? Match.SAME : Match.NONE;
        }
        if (out.kind() == Quantity.Kind.RATIO || source.kind() == Quantity.Kind.RATIO) {
            if (out.kind() != source.kind()) {
                return Match.NONE;
            }
            return ratioEquals(out, source) ? Match.SAME : Match.NONE;
        }
        if (!out.hasUnit() || !source.hasUnit()) {
            return close(out.value(), source.value()) ? Match.SAME : Match.NONE;
        }
        if (out.dimension().equals(source.dimension())) {
            if (close(out.baseValue(), source.baseValue())) {
                return Match.SAME;
            }
            // « 5 g » written for « 5 mg »: the same figure with a swapped unit.
            return close(out.value(), source.value()) ? Match.OTHER_UNIT : Match.NONE;
        }
        // « 1 g/j » against « un gramme »: the same dose, one side without its frequency.
        Unit outHead = out.unit().head();
        Unit sourceHead = source.unit().head();
        if (outHead.dimension().equals(sourceHead.dimension()) && (out.unit() != outHead || source.unit() != sourceHead)
                && close(out.value() * outHead.factor(), source.value() * sourceHead.factor())) {
            return Match.SAME;
        }
        // « 26 ans » against « 26-year-old » already match; a dose against a duration does not.
        return close(out.value(), source.value()) ? Match.OTHER_UNIT : Match.NONE;
    }

    /** 14/9 (cmHg, as said in French) is 140/90 mmHg. */
    private static boolean ratioEquals(Quantity a, Quantity b) {
        if (close(a.value(), b.value()) && close(a.second(), b.second())) {
            return true;
        }
        return close(a.value() * 10, b.value()) && close(a.second() * 10, b.second())
                || close(a.value(), b.value() * 10) && close(a.second(), b.second() * 10);
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 + 1e-6 * Math.max(Math.abs(a), Math.abs(b));
    }
}
