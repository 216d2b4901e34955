package fr.avec.server.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that encrypt document contents at rest (consultation transcripts, drafts, texts) and
 * the vault's entries, each named by a key id. New data is always sealed with the current key; older
 * keys are kept for reading, so that a key is rotated by adding a new one, making it current and then
 * re-encrypting (see {@code StorageRekey}). AES-GCM with a random 96-bit nonce per value; the
 * associated data names the field, so a sealed value cannot be moved to another column unnoticed.
 */
public final class StorageKeys {

    /** Prefix of a sealed text value: {@code avec1:<key id>:<base64 of nonce and ciphertext>}. */
    public static final String TEXT_PREFIX = "avec1:";
    /** First byte of sealed bytes; the vault's own format starts with 1, so the two never collide. */
    static final byte BYTES_MAGIC = 0x41;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String current;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param keys    every key that may have sealed stored data, by id (letters, digits, '-', '_', '.')
     * @param current id of the key that seals new data
     */
    public StorageKeys(Map<String, SecretKey> keys, String current) {
        if (!keys.containsKey(current)) {
            throw new IllegalArgumentException("the current storage key '" + current + "' is not among the keys " + keys.keySet());
        }
        for (String id : keys.keySet()) {
            if (!id.matches("[A-Za-z0-9._-]{1,32}")) {
                throw new IllegalArgumentException("a storage key id is 1 to 32 letters, digits, '.', '_' or '-'");
            }
        }
        this.keys = Map.copyOf(new LinkedHashMap<>(keys));
        this.current = current;
    }

    /** An AES-256 key from its base64 form (32 bytes). */
    public static SecretKey key(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("a storage key must be the base64 of 32 random bytes");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("a storage key must be the base64 of 32 random bytes, not " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** A fresh random key in base64. */
    public static String newKey() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    public String current() {
        return current;
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    /** Seals a text for the named field; null stays null. */
    public String seal(String plain, String field) {
        if (plain == null) {
            return null;
        }
        return TEXT_PREFIX + current + ":" + Base64.getEncoder().withoutPadding()
                .encodeToString(encrypt(current, plain.getBytes(StandardCharsets.UTF_8), field));
    }

    /**
     * Opens a text sealed by {@link #seal}; a value without the prefix was stored before encryption at
     * rest existed and is returned as it is (the re-encryption job seals it).
     *
     * @throws IllegalStateException when the key is unknown or the value was tampered with
     */
    public String open(String stored, String field) {
        if (stored == null || !stored.startsWith(TEXT_PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', TEXT_PREFIX.length());
        if (colon < 0) {
            throw new IllegalStateException("a sealed value of " + field + " is malformed");
        }
        String id = stored.substring(TEXT_PREFIX.length(), colon);
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException malformed) {
            throw new IllegalStateException("a sealed value of " + field + " is malformed");
        }
        return new String(decrypt(id, sealed, field), StandardCharsets.UTF_8);
    }

    /** The id of the key that sealed a text, or null for a value stored in clear. */
    public static String keyIdOf(String stored) {
        if (stored == null || !stored.startsWith(TEXT_PREFIX)) {
            return null;
        }
        int colon = stored.indexOf(':', TEXT_PREFIX.length());
        return colon < 0 ? null : stored.substring(TEXT_PREFIX.length(), colon);
    }

    /** Seals bytes: magic byte, key id length and id, then nonce and ciphertext. */
    public byte[] sealBytes(byte[] plain, String field) {
        byte[] id = current.getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = encrypt(current, plain, field);
        return ByteBuffer.allocate(2 + id.length + sealed.length).put(BYTES_MAGIC).put((byte) id.length).put(id).put(sealed).array();
    }

    /** Opens bytes sealed by {@link #sealBytes}; bytes in another format are returned as they are. */
    public byte[] openBytes(byte[] stored, String field) {
        if (stored == null || stored.length < 2 || stored[0] != BYTES_MAGIC) {
            return stored;
        }
        int length = stored[1] & 0xff;
        if (stored.length < 2 + length) {
            throw new IllegalStateException("a sealed value of " + field + " is malformed");
        }
        String id = new String(stored, 2, length, StandardCharsets.US_ASCII);
        byte[] sealed = java.util.Arrays.copyOfRange(stored, 2 + length, stored.length);
        return decrypt(id, sealed, field);
    }

    /** The id of the key that sealed bytes, or null for bytes in another format. */
    public static String keyIdOf(byte[] stored) {
        if (stored == null || stored.length < 2 || stored[0] != BYTES_MAGIC || stored.length < 2 + (stored[1] & 0xff)) {
            return null;
        }
        return new String(stored, 2, stored[1] & 0xff, StandardCharsets.US_ASCII);
    }

    private byte[] encrypt(String id, byte[] plain, String field) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(id), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(id, field));
            byte[] ciphertext = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt " + field, e);
        }
    }

    private byte[] decrypt(String id, byte[] sealed, String field) {
        SecretKey key = keys.get(id);
        if (key == null) {
            // Fail closed, and say which key is missing: the operator removed a key still in use.
            throw new IllegalStateException("stored " + field + " is sealed with the key '" + id + "', which is not configured");
        }
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("a sealed value of " + field + " is malformed");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(id, field));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored " + field + " cannot be decrypted (wrong key or tampered)", e);
        }
    }

    private static byte[] associatedData(String id, String field) {
        return ("avec-storage\u0000" + id + "\u0000" + field).getBytes(StandardCharsets.UTF_8);
    }
}
