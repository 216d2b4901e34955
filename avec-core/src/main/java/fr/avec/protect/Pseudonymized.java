package fr.avec.protect;

import java.util.List;

/** The result of pseudonymizing a text: the text to send and every substitution made, in input order. */
public record Pseudonymized(String text, List<Substitution> substitutions) {

    public Pseudonymized {
        substitutions = List.copyOf(substitutions);
    }

    @Override
    public String toString() {
        return "Pseudonymized[" + substitutions.size() + " substitutions]";
    }
}
