package fr.avec.protect;

import java.util.Objects;

/**
 * One piece of identifying data found in a text: its label and its span in UTF-16 code units
 * ({@link String} indexes) of the input, end exclusive.
 */
public record Entity(Label label, int start, int end, String text) {

    public Entity {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start || end - start != text.length()) {
            throw new IllegalArgumentException("invalid span " + start + ".." + end);
        }
    }

    /** The number of code units covered. */
    public int length() {
        return end - start;
    }

    // No patient text in toString: records end up in logs.
    @Override
    public String toString() {
        return label + "[" + start + ".." + end + ")";
    }
}
