package fr.avec.protect;

/**
 * Re-identifies an answer that arrives in chunks (server-sent events): each chunk's text is released at
 * once except the shortest tail that could be the beginning of a replacement split across chunks.
 * Not thread-safe: one instance per stream.
 */
public final class StreamingReidentifier {

    private final Reidentifier reidentifier;
    private final StringBuilder pending = new StringBuilder();
    private boolean finished;

    StreamingReidentifier(Reidentifier reidentifier) {
        this.reidentifier = reidentifier;
    }

    /** Accepts the next chunk and returns the re-identified text that can be sent now (possibly empty). */
    public String accept(String chunk) {
        if (finished) {
            throw new IllegalStateException("the stream is finished");
        }
        try {
            pending.append(chunk);
            int hold = reidentifier.holdFrom(pending);
            StringBuilder out = new StringBuilder(hold + 16);
            reidentifier.apply(pending, 0, hold, hold < pending.length() ? pending.charAt(hold) : -2, out);
            pending.delete(0, hold);
            return out.toString();
        } catch (RuntimeException e) {
            throw new ProtectionException("re-identification failed", e);
        }
    }

    /** Flushes what was held back at the end of the stream. */
    public String finish() {
        finished = true;
        StringBuilder out = new StringBuilder(pending.length());
        reidentifier.apply(pending, 0, pending.length(), -1, out);
        pending.setLength(0);
        return out.toString();
    }

    /** How many characters are currently held back. */
    public int held() {
        return pending.length();
    }
}
