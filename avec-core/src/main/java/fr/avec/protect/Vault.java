package fr.avec.protect;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps conversations encrypted at rest (AES-256-GCM with the caller's key, a fresh nonce per write, the
 * conversation id and expiry bound as associated data) for a limited time, over a {@link VaultStore}.
 */
public final class Vault {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final VaultStore store;
    private final SecretKey key;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Vault(VaultStore store, SecretKey key, Duration ttl, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.key = Objects.requireNonNull(key, "key");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (key.getEncoded() == null || key.getEncoded().length != 32) {
            throw new IllegalArgumentException("the vault key must be 256 bits (32 bytes)");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the time to live must be positive");
        }
    }

    public Vault(VaultStore store, SecretKey key, Duration ttl) {
        this(store, key, ttl, Clock.systemUTC());
    }

    /** An AES key from 32 raw bytes. */
    public static SecretKey key(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("the vault key must be 256 bits (32 bytes), got " + raw.length * 8);
        }
        return new SecretKeySpec(raw.clone(), "AES");
    }

    /** An AES key from its Base64 form, as it appears in configuration. */
    public static SecretKey key(String base64) {
        try {
            return key(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the vault key must be 32 bytes in Base64");
        }
    }

    /** A new random key, Base64-encoded, for configuration. */
    public static String newKey() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    /** Encrypts and stores the conversation; its time to live starts again. */
    public void save(String conversationId, Conversation conversation) {
        Instant expiresAt = clock.instant().plus(ttl);
        store.put(conversationId, seal(conversationId, expiresAt, conversation.toBytes()), expiresAt);
    }

    /** The conversation, if it is stored and not expired; a tampered or foreign entry raises {@link ProtectionException}. */
    public Optional<Conversation> load(String conversationId) {
        Instant now = clock.instant();
        Optional<byte[]> sealed = store.get(conversationId, now);
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(sealed.get());
        if (in.remaining() < 1 + 8 + NONCE_BYTES || in.get() != VERSION) {
            throw new ProtectionException("vault entry has an unknown format");
        }
        long expiresAtMillis = in.getLong();
        if (!now.isBefore(Instant.ofEpochMilli(expiresAtMillis))) {
            return Optional.empty();
        }
        byte[] nonce = new byte[NONCE_BYTES];
        in.get(nonce);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(conversationId, expiresAtMillis));
            return Optional.of(Conversation.fromBytes(cipher.doFinal(ciphertext)));
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("vault entry cannot be decrypted (wrong key or tampered)", e);
        }
    }

    /** Forgets a conversation at once (end of the exchange, or the patient's request). */
    public void delete(String conversationId) {
        store.remove(conversationId);
    }

    /** Deletes expired entries; call it periodically. */
    public int purge() {
        return store.removeExpired(clock.instant());
    }

    private byte[] seal(String id, Instant expiresAt, byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            long expires = expiresAt.toEpochMilli();
            cipher.updateAAD(associatedData(id, expires));
            byte[] ciphertext = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + 8 + NONCE_BYTES + ciphertext.length)
                    .put(VERSION).putLong(expires).put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("cannot encrypt the conversation", e);
        }
    }

    private static byte[] associatedData(String id, long expiresAtMillis) {
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(idBytes.length + 8).put(idBytes).putLong(expiresAtMillis).array();
    }
}
