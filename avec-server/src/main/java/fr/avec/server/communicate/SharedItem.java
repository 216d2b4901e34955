package fr.avec.server.communicate;

import java.time.Instant;

/**
 * A note or a prompt template shared with colleagues, and where its moderation stands.
 *
 * @param sourceTemplate the note template it was proposed from (its id), or null
 */
public record SharedItem(long id, Kind kind, String title, String body, String author, Status status, Long sourceTemplate,
                         Instant createdAt, String moderatedBy, Instant moderatedAt, String moderationNote) {

    /** A note of experience, or a prompt template proven in practice. */
    public enum Kind {
        NOTE, PROMPT
    }

    /** Moderation by the AI referent: nothing is shown to colleagues before it is published. */
    public enum Status {
        PENDING, PUBLISHED, REJECTED
    }
}
