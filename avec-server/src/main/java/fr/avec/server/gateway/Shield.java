package fr.avec.server.gateway;

import java.util.Map;

/**
 * The Protect engine as the gateway uses it: pseudonymization that follows a conversation, and the
 * reverse for answers. Every method fails with {@link ShieldException} rather than let text through
 * unchecked (fail closed).
 */
public interface Shield {

    /**
     * Opens a conversation of the owner (its mapping read from the vault), or a new one when the id is
     * null or unknown.
     *
     * @param owner          the user; conversations are private to their owner
     * @param conversationId the client's conversation id, or null for a new one
     * @param policy         the operators of the use case ({@code placeholder}, {@code surrogate,DATE=mask}...), or null for the default
     */
    Session open(String owner, String conversationId, String policy) throws ShieldException;

    /** One conversation's pseudonym mapping during one request. */
    interface Session {

        /** The id to give back to the client so that its next turn continues this mapping. */
        String conversationId();

        /** Identifying data in a text, count by label (NOM, DATE...); the text is not changed. */
        Map<String, Integer> detect(String text) throws ShieldException;

        /** The text with identifying data replaced by this conversation's pseudonyms. */
        String pseudonymize(String text) throws ShieldException;

        /** What {@link #pseudonymize} replaced during this request, count by label. */
        Map<String, Integer> categories();

        /** The text with this conversation's pseudonyms replaced by the original values. */
        String reidentify(String text) throws ShieldException;

        /** A re-identifier for a streamed answer, which may hold back the start of a pseudonym cut between chunks. */
        StreamReidentifier streamReidentifier();

        /** Stores the mapping (encrypted, with its time to live) so that other instances can continue it. */
        void save() throws ShieldException;
    }

    /** Re-identifies a streamed answer chunk by chunk. */
    interface StreamReidentifier {

        /** Feeds a chunk; returns the text that can be sent now. */
        String next(String chunk) throws ShieldException;

        /** Returns what was held back, at the end of the stream. */
        String finish() throws ShieldException;
    }
}
