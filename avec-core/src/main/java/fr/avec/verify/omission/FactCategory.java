package fr.avec.verify.omission;

import fr.avec.verify.Severity;
import java.util.Locale;

/**
 * What kind of clinical fact a source states, and how serious it is for the note to drop it: a missing
 * allergy or suicidal idea is an error, a missing value or drug a warning, a missing symptom information.
 * A negated fact (« pas d'allergie », « denies suicidal ideas ») is one step less serious than an affirmed one.
 */
public enum FactCategory {
    /** Allergies and intolerances, with the allergen when the source names it. */
    ALLERGY(Severity.ERROR),
    /** Suicidal ideas, self-harm, violence and abuse: safety facts. */
    SAFETY(Severity.ERROR),
    /** Psychiatric conditions and mental-health follow-up. */
    MENTAL_HEALTH(Severity.WARNING),
    /** Living conditions: alone, homeless, carer, dependence. */
    SOCIAL(Severity.WARNING),
    /** Tobacco, alcohol, other substances, pregnancy and breastfeeding. */
    RISK_FACTOR(Severity.WARNING),
    /** A drug named in the source (BDPM lexicon or a drug class of the vocabulary). */
    DRUG(Severity.WARNING),
    /** A strength or dose said right after a drug. */
    DOSE(Severity.WARNING),
    /** Blood pressure, heart rate, temperature, saturation, weight, height, with their value. */
    VITAL_SIGN(Severity.WARNING),
    /** A laboratory value with its result. */
    LAB_VALUE(Severity.WARNING),
    /** Another measured value (a length, a percentage, a volume) said without the name of a vital sign or test. */
    MEASUREMENT(Severity.INFO),
    /** Diagnoses and past conditions. */
    DIAGNOSIS(Severity.WARNING),
    /** Symptoms and signs, affirmed or negated; also any other finding a source negates (« no siblings »). */
    SYMPTOM(Severity.INFO),
    /** Follow-up instructions, appointments and their dates or delays. */
    FOLLOW_UP(Severity.WARNING);

    private final Severity severity;

    FactCategory(Severity severity) {
        this.severity = severity;
    }

    /** The severity of an omitted affirmed fact of this category. */
    public Severity severity() {
        return severity;
    }

    /** The severity of an omitted fact: one step lower when the source negates it. */
    public Severity severity(boolean negated) {
        if (!negated) {
            return severity;
        }
        return switch (severity) {
            case ERROR -> Severity.WARNING;
            case WARNING, INFO -> Severity.INFO;
        };
    }

    /** The lower-case name used in JSON (« allergy », « vital_sign »). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
