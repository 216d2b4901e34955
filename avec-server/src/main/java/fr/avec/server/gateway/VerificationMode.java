package fr.avec.server.gateway;

import java.util.Locale;

/** When the answer is verified relative to the client seeing it. */
public enum VerificationMode {
    /** The whole answer is verified before the client sees any of it: the clinical default. */
    BUFFER_THEN_RELEASE,
    /** The answer streams at once; findings follow as a final event and are recorded. */
    STREAM_THEN_FLAG,
    /** No verification (e.g. a translation route whose output is reviewed elsewhere). */
    NONE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
