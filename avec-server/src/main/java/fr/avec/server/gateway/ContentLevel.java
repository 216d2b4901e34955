package fr.avec.server.gateway;

import java.util.Locale;

/** How much of a request's text the audit trail keeps, per route. */
public enum ContentLevel {
    /** Nothing beyond the audit event's mandatory fields. */
    NONE,
    /** Counts, sizes and identifiers only (the default). */
    METADATA,
    /** The pseudonymized prompt and answer, as the upstream saw them. */
    PSEUDONYMIZED,
    /** The original prompt and answer, encrypted with {@code avec.audit.content-key}. */
    FULL_ENCRYPTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
