package fr.avec.server.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the content kept by {@code full_encrypted} routes with AES-256-GCM under
 * {@code avec.audit.content-key} (base64, 32 bytes), bound to the request id so that content cannot be
 * moved to another event. Without a key, such routes refuse to run.
 */
@Component
public class ContentSealer {

    private static final int NONCE = 12;
    private final Optional<SecretKeySpec> key;
    private final SecureRandom random = new SecureRandom();

    public ContentSealer(@Value("${avec.audit.content-key:}") String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            key = Optional.empty();
        } else {
            byte[] bytes = Base64.getDecoder().decode(base64Key.trim());
            if (bytes.length != 32) {
                throw new IllegalArgumentException("avec.audit.content-key must be 32 bytes in base64");
            }
            key = Optional.of(new SecretKeySpec(bytes, "AES"));
        }
    }

    public boolean available() {
        return key.isPresent();
    }

    /** {@code v1:} followed by base64 of nonce and ciphertext. */
    public String seal(String requestId, String content) {
        SecretKeySpec secret = key.orElseThrow(() -> new IllegalStateException("avec.audit.content-key is not set"));
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, secret, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(requestId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(content.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("content encryption failed", e);
        }
    }

    /** Decrypts what {@link #seal} produced for the same request id. */
    public String open(String requestId, String sealed) {
        SecretKeySpec secret = key.orElseThrow(() -> new IllegalStateException("avec.audit.content-key is not set"));
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, secret, new GCMParameterSpec(128, bytes, 0, NONCE));
            cipher.updateAAD(requestId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE, bytes.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("content decryption failed", e);
        }
    }
}
