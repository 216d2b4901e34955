package fr.avec.protect;

import java.time.Instant;
import java.util.Optional;

/**
 * Where sealed conversations are kept (memory here, a database table in the server so that several
 * instances share them). Implementations only store bytes: encryption and expiry checks are the vault's.
 */
public interface VaultStore {

    /** Stores or replaces the sealed bytes of a conversation, with the instant after which they are useless. */
    void put(String id, byte[] sealed, Instant expiresAt);

    /** The sealed bytes of a conversation, if present and not expired at {@code now}. */
    Optional<byte[]> get(String id, Instant now);

    /** Forgets a conversation. */
    void remove(String id);

    /** Deletes every expired entry and returns how many were deleted. */
    int removeExpired(Instant now);
}
