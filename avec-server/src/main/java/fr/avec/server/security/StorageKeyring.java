package fr.avec.server.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the {@link StorageKeys} come from. In order: {@code avec.storage.keys} (only from the
 * environment, {@code AVEC_STORAGE_KEYS=k1=BASE64,k2=BASE64}, with {@code avec.storage.current-key}),
 * else the key file {@code avec.storage.keys-file} (default {@code avec.home/storage.keys}, created with
 * one key on first start, readable by its owner only). A key file is read again when it changes, so that
 * {@code avec storage rotate} takes effect on a running instance without a restart.
 */
@Component
public class StorageKeyring {

    private static final String CURRENT = "current";

    private final String inline;
    private final String currentKey;
    private final Path file;
    private volatile Loaded loaded;

    private record Loaded(StorageKeys keys, FileTime modified, long checkedAtNanos) {
    }

    public StorageKeyring(@Value("${avec.storage.keys:}") String inline, @Value("${avec.storage.current-key:}") String currentKey,
                          @Value("${avec.storage.keys-file:}") String keysFile, @Value("${avec.home}") Path home) {
        this.inline = inline;
        this.currentKey = currentKey;
        this.file = keysFile.isBlank() ? home.resolve("storage.keys") : Path.of(keysFile);
        if (inline.isBlank()) {
            createIfAbsent(file);
        }
        this.loaded = load();
    }

    /** The keys now in force. */
    public StorageKeys keys() {
        Loaded now = loaded;
        if (inline.isBlank() && System.nanoTime() - now.checkedAtNanos() > 1_000_000_000L) {
            try {
                if (!Files.getLastModifiedTime(file).equals(now.modified())) {
                    loaded = load();
                } else {
                    loaded = new Loaded(now.keys(), now.modified(), System.nanoTime());
                }
            } catch (IOException | RuntimeException unreadable) {
                // Keep the keys in force: a half-written or unreadable file must not stop the service.
                loaded = new Loaded(now.keys(), now.modified(), System.nanoTime());
            }
        }
        return loaded.keys();
    }

    /** Whether the keys come from a file this instance may add a key to. */
    public boolean fileBased() {
        return inline.isBlank();
    }

    public Path file() {
        return file;
    }

    /**
     * Adds a new key to the key file and makes it current; old keys stay for reading.
     *
     * @return the new key id
     */
    public synchronized String addKeyToFile() {
        if (!fileBased()) {
            throw new IllegalStateException("the storage keys come from AVEC_STORAGE_KEYS: add the new key there, "
                    + "set AVEC_STORAGE_CURRENT_KEY, restart, then run avec storage reencrypt");
        }
        Properties properties = read(file);
        int n = 1;
        while (properties.containsKey("k" + n)) {
            n++;
        }
        String id = "k" + n;
        properties.setProperty(id, StorageKeys.newKey());
        properties.setProperty(CURRENT, id);
        write(file, properties, true);
        loaded = load();
        return id;
    }

    private Loaded load() {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String current;
        FileTime modified = null;
        if (!inline.isBlank()) {
            String last = null;
            for (String entry : inline.split(",")) {
                int equals = entry.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("avec.storage.keys is a list of id=BASE64 separated by commas");
                }
                last = entry.substring(0, equals).strip();
                keys.put(last, StorageKeys.key(entry.substring(equals + 1)));
            }
            current = currentKey.isBlank() ? last : currentKey.strip();
        } else {
            Properties properties = read(file);
            for (String name : properties.stringPropertyNames()) {
                if (!name.equals(CURRENT)) {
                    keys.put(name, StorageKeys.key(properties.getProperty(name)));
                }
            }
            current = currentKey.isBlank() ? properties.getProperty(CURRENT, "") : currentKey.strip();
            try {
                modified = Files.getLastModifiedTime(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Loaded(new StorageKeys(keys, current), modified, System.nanoTime());
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the storage key file " + file, e);
        }
        return properties;
    }

    private static void createIfAbsent(Path file) {
        if (Files.exists(file)) {
            return;
        }
        Properties properties = new Properties();
        properties.setProperty("k1", StorageKeys.newKey());
        properties.setProperty(CURRENT, "k1");
        try {
            // Never over another process's first key: the data it sealed would be lost.
            write(file, properties, false);
        } catch (UncheckedIOException raced) {
            if (!(raced.getCause() instanceof FileAlreadyExistsException)) {
                throw raced;
            }
        }
    }

    /** Writes the whole file to a temporary owner-only file, then moves it over: never half a key file. */
    private static void write(Path file, Properties properties, boolean replace) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "storage", ".keys");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's permissions apply.
            }
            StringBuilder text = new StringBuilder("# Avec storage keys (AES-256, base64). Keep every key that may still seal data.\n");
            for (String name : new java.util.TreeSet<>(properties.stringPropertyNames())) {
                text.append(name).append('=').append(properties.getProperty(name)).append('\n');
            }
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            try {
                if (replace) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    // A hard link fails if the file exists, atomically (a rename would replace it).
                    try {
                        Files.createLink(file, temporary);
                    } catch (UnsupportedOperationException noLinks) {
                        Files.move(temporary, file);
                    }
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the storage key file " + file, e);
        }
    }
}
