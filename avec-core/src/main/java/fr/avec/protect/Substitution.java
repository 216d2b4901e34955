package fr.avec.protect;

import java.util.Objects;

/**
 * An entity of the input and what replaced it in the pseudonymized text; {@code start}/{@code end}
 * index the INPUT text (UTF-16 code units, end exclusive), as CONTRACTS.md requires.
 */
public record Substitution(Label label, int start, int end, String text, String replacement) {

    public Substitution {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(replacement, "replacement");
    }

    @Override
    public String toString() {
        return label + "[" + start + ".." + end + ")";
    }
}
