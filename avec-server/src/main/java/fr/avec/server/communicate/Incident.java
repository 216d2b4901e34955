package fr.avec.server.communicate;

import java.time.Duration;
import java.time.Instant;

/**
 * A reported problem and where its triage stands. It references the document and the finding, never copies
 * their text; {@code description} and {@code analysis} were pseudonymized before they were stored.
 *
 * @param consultationId  the document reported on, or null for a report not tied to one
 * @param findingKind     the Verify finding reported on (CONTRACTS.md kind), or null for the whole document
 * @param findingStart    the finding's position in the text under review when reported (UTF-16), or null
 */
public record Incident(long id, String reporter, IncidentKind kind, Status status, Long consultationId, String findingKind,
                       String findingSeverity, Integer findingStart, Integer findingEnd, String description, String analysis,
                       boolean informProvider, Vigilance vigilance, Instant createdAt, Instant updatedAt, Instant closedAt) {

    /** GDPR art. 33: a breach is notified to the CNIL within 72 hours of becoming aware of it. */
    public static final Duration CNIL_DEADLINE = Duration.ofHours(72);

    /** Triage states. */
    public enum Status {
        NEW, ANALYSING, CLOSED;

        public static Status parse(String name) {
            for (Status status : values()) {
                if (status.name().equals(name)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("unknown incident status");
        }
    }

    /**
     * For a data leak, the latest time for a CNIL notification, counted from the report (the earliest moment the
     * establishment can be said to be aware); null for other kinds.
     */
    public Instant cnilDeadline() {
        return kind == IncidentKind.DATA_LEAK ? createdAt.plus(CNIL_DEADLINE) : null;
    }

    /** One recorded change: who changed which field from what to what. */
    public record Change(Instant at, String actor, String field, String oldValue, String newValue) {
    }
}
