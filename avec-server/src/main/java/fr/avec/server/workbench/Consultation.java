package fr.avec.server.workbench;

import java.time.Instant;

/**
 * One consultation on its way from transcript to validated document.
 *
 * @param draft       the model's proposal as it came back (null until generated, or without AI)
 * @param workingText the clinician's current text, saved as it is edited
 * @param finalText   the validated text (null until validated)
 */
public record Consultation(long id, String owner, String patientRef, Long templateId, String model, RecordingConsent consent,
                           boolean aiUsed, Status status, String transcript, String draft, String workingText,
                           String requestId, String modelVersion, Instant createdAt, Instant updatedAt,
                           String validatedBy, String validatorName, String validatorTitle, Instant validatedAt,
                           String finalText, String draftDiff, String aiMention) {

    /** Where the consultation stands. */
    public enum Status {
        /** Transcript recorded, no draft yet. */
        TRANSCRIPT,
        /** A text is being reviewed; with AI, it is a proposal until validated. */
        REVIEW,
        /** Validated: the document is final and carries its mention. */
        VALIDATED
    }

    /** The patient's answer about an identifying voice recording. */
    public enum RecordingConsent {
        GRANTED, REFUSED
    }

    public boolean validated() {
        return status == Status.VALIDATED;
    }
}
