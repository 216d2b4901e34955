package fr.avec.server.literature;

import java.time.Instant;

/** A literature synthesis from its question to its validated text, as stored. */
public record Synthesis(long id, String owner, String question, String population, String intervention, String comparison,
                        String outcome, String model, Status status, String draft, String workingText, String requestId,
                        String modelVersion, Instant createdAt, Instant updatedAt, String validatedBy, String validatorName,
                        String validatorTitle, Instant validatedAt, String finalText, String draftDiff, String aiMention) {

    /** Where a synthesis is on its path. */
    public enum Status {
        /** References being imported and chosen; no draft yet. */
        REFERENCES,
        /** A draft (or a text written without AI) under review. */
        REVIEW,
        /** Validated: the text no longer changes. */
        VALIDATED
    }

    public boolean validated() {
        return status == Status.VALIDATED;
    }

    public boolean aiUsed() {
        return draft != null;
    }

    /** Whether a PICO field was filled. */
    public boolean hasPico() {
        return filled(population) || filled(intervention) || filled(comparison) || filled(outcome);
    }

    private static boolean filled(String s) {
        return s != null && !s.isBlank();
    }
}
