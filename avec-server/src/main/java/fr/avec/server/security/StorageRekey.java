package fr.avec.server.security;

import fr.avec.server.conversation.DatabaseVaultStore;
import fr.avec.server.workbench.Consultations;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The re-encryption job of a key rotation: every stored document content and vault entry not sealed
 * with the current storage key (or stored before encryption at rest) is sealed again with it. Each value
 * is replaced only if it did not change meanwhile, so it runs while the service is in use; it can be
 * interrupted and run again. Once it reports nothing left, the old keys may be removed.
 */
@Component
public class StorageRekey {

    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final StorageKeyring keyring;

    public StorageRekey(JdbcClient jdbc, StorageKeyring keyring) {
        this.jdbc = jdbc;
        this.keyring = keyring;
    }

    /** What a pass re-encrypted, and what was already sealed with the current key. */
    public record Result(String currentKey, int valuesResealed, int vaultEntriesResealed, int upToDate) {
    }

    /** Re-encrypts everything not sealed with the current key. */
    public Result reencrypt() {
        StorageKeys keys = keyring.keys();
        int values = 0;
        int upToDate = 0;
        for (String column : Consultations.SEALED_COLUMNS) {
            long after = 0;
            while (true) {
                record Row(long id, String stored) {
                }
                // The column name comes from a constant list, never from input.
                List<Row> rows = jdbc.sql("SELECT id, " + column + " FROM consultation WHERE id > ? AND " + column
                                + " IS NOT NULL ORDER BY id LIMIT " + BATCH)
                        .param(after).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2))).list();
                if (rows.isEmpty()) {
                    break;
                }
                for (Row row : rows) {
                    after = row.id();
                    if (keys.current().equals(StorageKeys.keyIdOf(row.stored()))) {
                        upToDate++;
                        continue;
                    }
                    String field = "consultation." + column;
                    String resealed = keys.seal(keys.open(row.stored(), field), field);
                    values += jdbc.sql("UPDATE consultation SET " + column + " = ? WHERE id = ? AND " + column + " = ?")
                            .params(resealed, row.id(), row.stored()).update();
                }
            }
        }
        int vault = 0;
        String after = "";
        while (true) {
            record Entry(String id, byte[] sealed) {
            }
            List<Entry> entries = jdbc.sql("SELECT id, sealed FROM vault_entry WHERE id > ? ORDER BY id LIMIT " + BATCH)
                    .param(after).query((rs, n) -> new Entry(rs.getString(1), rs.getBytes(2))).list();
            if (entries.isEmpty()) {
                break;
            }
            for (Entry entry : entries) {
                after = entry.id();
                if (keys.current().equals(StorageKeys.keyIdOf(entry.sealed()))) {
                    upToDate++;
                    continue;
                }
                String field = DatabaseVaultStore.field(entry.id());
                byte[] resealed = keys.sealBytes(keys.openBytes(entry.sealed(), field), field);
                vault += jdbc.sql("UPDATE vault_entry SET sealed = ? WHERE id = ? AND sealed = ?")
                        .params(resealed, entry.id(), entry.sealed()).update();
            }
        }
        return new Result(keys.current(), values, vault, upToDate);
    }
}
