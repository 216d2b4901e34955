package fr.avec.server.conversation;

import fr.avec.protect.Conversation;
import fr.avec.protect.Entity;
import fr.avec.protect.Policy;
import fr.avec.protect.ProtectionException;
import fr.avec.protect.Protector;
import fr.avec.protect.Pseudonymized;
import fr.avec.protect.StreamingReidentifier;
import fr.avec.protect.Substitution;
import fr.avec.protect.Vault;
import fr.avec.server.gateway.Shield;
import fr.avec.server.gateway.ShieldException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's {@link Shield} on the Protect engine: one {@link Protector} for the server, and each
 * conversation's mapping kept in the {@link Vault}. Vault entries are keyed by the owner and the
 * conversation id, so a user cannot continue (and re-identify) another user's conversation.
 */
public final class ProtectShield implements Shield {

    private final Protector protector;
    private final Vault vault;
    private final Policy defaultPolicy;
    private final Map<String, Policy> policies = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    private final Capturing capturing;

    public ProtectShield(Protector protector, Vault vault, Capturing capturing, Policy defaultPolicy) {
        this.protector = protector;
        this.vault = vault;
        this.capturing = capturing;
        this.defaultPolicy = defaultPolicy;
    }

    /**
     * A second vault, with the same key, over a store that hands back what would be written instead of
     * writing it: the sealed mapping then goes to the database with the audit event.
     */
    public static final class Capturing {
        private final Vault vault;
        private final ThreadLocal<SealedConversation[]> captured = new ThreadLocal<>();

        public Capturing(javax.crypto.SecretKey key, java.time.Duration ttl) {
            this(key, ttl, null);
        }

        /** With a keyring, the captured entry is sealed at rest exactly as {@link DatabaseVaultStore#put} would. */
        public Capturing(javax.crypto.SecretKey key, java.time.Duration ttl, fr.avec.server.security.StorageKeyring keyring) {
            this.vault = new Vault(new fr.avec.protect.VaultStore() {
                @Override
                public void put(String id, byte[] sealed, java.time.Instant expiresAt) {
                    byte[] stored = keyring == null ? sealed : keyring.keys().sealBytes(sealed, DatabaseVaultStore.field(id));
                    captured.get()[0] = new SealedConversation(id, stored, expiresAt);
                }

                @Override
                public Optional<byte[]> get(String id, java.time.Instant now) {
                    throw new UnsupportedOperationException("a capturing vault only seals");
                }

                @Override
                public void remove(String id) {
                    throw new UnsupportedOperationException("a capturing vault only seals");
                }

                @Override
                public int removeExpired(java.time.Instant now) {
                    return 0;
                }
            }, key, ttl);
        }

        SealedConversation seal(String key, Conversation conversation) {
            SealedConversation[] holder = new SealedConversation[1];
            captured.set(holder);
            try {
                vault.save(key, conversation);
                return holder[0];
            } finally {
                captured.remove();
            }
        }
    }

    @Override
    public Session open(String owner, String conversationId, String policy, boolean fresh) throws ShieldException {
        String id = conversationId == null || conversationId.isBlank() ? newId() : conversationId.strip();
        if (id.length() > 128) {
            throw new ShieldException("conversation id longer than 128 characters", null);
        }
        Policy chosen = policy == null || policy.isBlank() ? defaultPolicy : policies.computeIfAbsent(policy, Policy::parse);
        String key = vaultKey(owner, id);
        try {
            Optional<Conversation> stored = fresh ? Optional.empty() : vault.load(key);
            return new ProtectSession(id, key, stored.orElseGet(Conversation::create), stored.isPresent(), chosen);
        } catch (ProtectionException | org.springframework.dao.DataAccessException failed) {
            throw new ShieldException("the conversation vault is unavailable", failed);
        }
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "conv_" + HexFormat.of().formatHex(bytes);
    }

    private static String vaultKey(String owner, String id) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((owner + "\u0000" + id).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private final class ProtectSession implements Session {
        private final String id;
        private final String key;
        private final Conversation conversation;
        private final int mappingsAtStart;
        private final Policy policy;
        private final Map<String, Integer> categories = new TreeMap<>();

        ProtectSession(String id, String key, Conversation conversation, boolean stored, Policy policy) {
            this.id = id;
            this.key = key;
            this.conversation = conversation;
            this.mappingsAtStart = stored ? conversation.mappings().size() : 0;
            this.policy = policy;
        }

        @Override
        public String conversationId() {
            return id;
        }

        @Override
        public Map<String, Integer> detect(String text) throws ShieldException {
            try {
                Map<String, Integer> counts = new TreeMap<>();
                for (Entity entity : protector.detect(text)) {
                    counts.merge(entity.label().name(), 1, Integer::sum);
                }
                return counts;
            } catch (ProtectionException failed) {
                throw new ShieldException("identifying data could not be detected", failed);
            }
        }

        @Override
        public String pseudonymize(String text) throws ShieldException {
            try {
                Pseudonymized result = protector.pseudonymize(text, policy, conversation);
                for (Substitution substitution : result.substitutions()) {
                    categories.merge(substitution.label().name(), 1, Integer::sum);
                }
                return result.text();
            } catch (ProtectionException failed) {
                throw new ShieldException("pseudonymization failed", failed);
            }
        }

        @Override
        public Map<String, Integer> categories() {
            return Map.copyOf(categories);
        }

        @Override
        public String reidentify(String text) throws ShieldException {
            try {
                return protector.reidentify(text, conversation);
            } catch (ProtectionException failed) {
                throw new ShieldException("re-identification failed", failed);
            }
        }

        @Override
        public StreamReidentifier streamReidentifier() {
            StreamingReidentifier streaming = protector.streamingReidentifier(conversation);
            return new StreamReidentifier() {
                @Override
                public String next(String chunk) throws ShieldException {
                    try {
                        return streaming.accept(chunk);
                    } catch (ProtectionException failed) {
                        throw new ShieldException("re-identification failed", failed);
                    }
                }

                @Override
                public String finish() throws ShieldException {
                    try {
                        return streaming.finish();
                    } catch (ProtectionException failed) {
                        throw new ShieldException("re-identification failed", failed);
                    }
                }
            };
        }

        @Override
        public Optional<SealedConversation> seal() throws ShieldException {
            if (conversation.mappings().size() == mappingsAtStart) {
                return Optional.empty();
            }
            try {
                return Optional.of(capturing.seal(key, conversation));
            } catch (ProtectionException failed) {
                throw new ShieldException("the conversation could not be sealed", failed);
            }
        }
    }
}
