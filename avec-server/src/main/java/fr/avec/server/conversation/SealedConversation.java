package fr.avec.server.conversation;

import java.time.Instant;

/**
 * A conversation mapping sealed by the vault and not yet stored: written in the same transaction as
 * the request's audit event, so that it is durable when the answer is released at no extra round trip.
 *
 * @param key       vault entry id
 * @param sealed    ciphertext
 * @param expiresAt end of its time to live
 */
public record SealedConversation(String key, byte[] sealed, Instant expiresAt) {
}
