package fr.avec.server.gateway;

import java.util.Map;

/**
 * The Protect engine as the gateway uses it: pseudonymization that follows a conversation, and the
 * reverse for answers. Mappings are stored (sealed) with the audit event of the request, so that other
 * instances continue the conversation. Every method fails with {@link ShieldException} rather than let text through
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
     * @param fresh          true when the request cannot continue anything (first turn, no id given): the vault is not read
     */
    Session open(String owner, String conversationId, String policy, boolean fresh) throws ShieldException;

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

        /**
         * The mapping sealed for storage when it changed, to be written with the audit event (one
         * transaction, no extra round trip); empty when there is nothing new to store.
         */
        java.util.Optional<fr.avec.server.conversation.SealedConversation> seal() throws ShieldException;
    }

    /** Re-identifies a streamed answer chunk by chunk. */
    interface StreamReidentifier {

        /** Feeds a chunk; returns the text that can be sent now. */
        String next(String chunk) throws ShieldException;

        /** Returns what was held back, at the end of the stream. */
        String finish() throws ShieldException;
    }
}
