package fr.avec.protect;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link VaultStore} in this process's memory: for one server instance, the CLI and tests. */
public final class InMemoryVaultStore implements VaultStore {

    private record Entry(byte[] sealed, Instant expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public void put(String id, byte[] sealed, Instant expiresAt) {
        entries.put(id, new Entry(sealed.clone(), expiresAt));
    }

    @Override
    public Optional<byte[]> get(String id, Instant now) {
        Entry e = entries.get(id);
        if (e == null) {
            return Optional.empty();
        }
        if (!now.isBefore(e.expiresAt())) {
            entries.remove(id, e);
            return Optional.empty();
        }
        return Optional.of(e.sealed().clone());
    }

    @Override
    public void remove(String id) {
        entries.remove(id);
    }

    @Override
    public int removeExpired(Instant now) {
        int[] removed = {0};
        entries.entrySet().removeIf(e -> {
            boolean expired = !now.isBefore(e.getValue().expiresAt());
            if (expired) {
                removed[0]++;
            }
            return expired;
        });
        return removed[0];
    }

    /** The number of entries, expired or not. */
    public int size() {
        return entries.size();
    }
}
