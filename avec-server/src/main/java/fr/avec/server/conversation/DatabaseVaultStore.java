package fr.avec.server.conversation;

import fr.avec.protect.VaultStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import fr.avec.server.security.StorageKeyring;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Protect vault's store in the server database, so that every gateway instance behind a load
 * balancer continues the same conversations. Holds sealed bytes only: the vault encrypts with its
 * conversation key, and with a {@link StorageKeyring} each entry is sealed again with the current
 * storage key, whose id it carries, so that the vault takes part in key rotation.
 */
public final class DatabaseVaultStore implements VaultStore {

    private final JdbcClient jdbc;
    private final StorageKeyring keyring;

    public DatabaseVaultStore(JdbcClient jdbc) {
        this(jdbc, null);
    }

    public DatabaseVaultStore(JdbcClient jdbc, StorageKeyring keyring) {
        this.jdbc = jdbc;
        this.keyring = keyring;
    }

    /** The associated data of a vault entry at rest: its id, so that entries cannot be swapped. */
    public static String field(String id) {
        return "vault_entry." + id;
    }

    @Override
    public void put(String id, byte[] vaultSealed, Instant expiresAt) {
        byte[] sealed = keyring == null ? vaultSealed : keyring.keys().sealBytes(vaultSealed, field(id));
        Timestamp expires = Timestamp.from(expiresAt);
        // UPDATE then INSERT: portable between PostgreSQL and H2, and a concurrent insert of the same id
        // by another instance is resolved by updating over it.
        if (jdbc.sql("UPDATE vault_entry SET sealed = ?, expires_at = ? WHERE id = ?").params(sealed, expires, id).update() == 0) {
            try {
                jdbc.sql("INSERT INTO vault_entry (id, sealed, expires_at) VALUES (?, ?, ?)").params(id, sealed, expires).update();
            } catch (DuplicateKeyException raced) {
                jdbc.sql("UPDATE vault_entry SET sealed = ?, expires_at = ? WHERE id = ?").params(sealed, expires, id).update();
            }
        }
    }

    /**
     * Writes sealed conversations inside the caller's transaction (the audit batch): updates first, then
     * inserts those that did not exist.
     */
    public static void writeAll(org.springframework.jdbc.core.JdbcTemplate jdbc, java.util.List<SealedConversation> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int[] updated = jdbc.batchUpdate("UPDATE vault_entry SET sealed = ?, expires_at = ? WHERE id = ?",
                entries.stream().map(e -> new Object[] {e.sealed(), Timestamp.from(e.expiresAt()), e.key()}).toList());
        java.util.List<Object[]> inserts = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (updated[i] == 0) {
                SealedConversation e = entries.get(i);
                inserts.add(new Object[] {e.key(), e.sealed(), Timestamp.from(e.expiresAt())});
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO vault_entry (id, sealed, expires_at) VALUES (?, ?, ?)", inserts);
        }
    }

    @Override
    public Optional<byte[]> get(String id, Instant now) {
        Optional<byte[]> stored = jdbc.sql("SELECT sealed FROM vault_entry WHERE id = ? AND expires_at > ?").params(id, Timestamp.from(now))
                .query((rs, n) -> rs.getBytes(1)).optional();
        try {
            return keyring == null ? stored : stored.map(bytes -> keyring.keys().openBytes(bytes, field(id)));
        } catch (IllegalStateException unreadable) {
            // A missing storage key or a tampered entry: the vault's own failure, so that the gateway fails closed (503).
            throw new fr.avec.protect.ProtectionException(unreadable.getMessage(), unreadable);
        }
    }

    @Override
    public void remove(String id) {
        jdbc.sql("DELETE FROM vault_entry WHERE id = ?").param(id).update();
    }

    @Override
    public int removeExpired(Instant now) {
        return jdbc.sql("DELETE FROM vault_entry WHERE expires_at <= ?").param(Timestamp.from(now)).update();
    }
}
