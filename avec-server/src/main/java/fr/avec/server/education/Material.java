package fr.avec.server.education;

import fr.avec.verify.readability.Audience;
import java.time.Instant;

/** A piece of patient education material from its brief to its validated text, as stored. */
public record Material(long id, String owner, String topic, Audience audience, String language, Format format, String sources,
                       String model, Status status, String draft, String workingText, String requestId, String modelVersion,
                       Instant createdAt, Instant updatedAt, String validatedBy, String validatorName, String validatorTitle,
                       Instant validatedAt, String finalText, String draftDiff, String aiMention) {

    /** What kind of document it is. */
    public enum Format {
        /** An information leaflet (« fiche d'information »). */
        LEAFLET,
        /** A care-pathway sheet (« fiche parcours »): the steps, who, when. */
        PATHWAY
    }

    /** Where the material is on its path. */
    public enum Status { BRIEF, REVIEW, VALIDATED }

    public boolean validated() {
        return status == Status.VALIDATED;
    }

    public boolean aiUsed() {
        return draft != null;
    }
}
