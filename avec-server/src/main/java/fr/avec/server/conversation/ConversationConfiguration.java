package fr.avec.server.conversation;

import fr.avec.data.DataDirectory;
import fr.avec.data.lexicon.Lexicons;
import fr.avec.protect.Policy;
import fr.avec.protect.Protector;
import fr.avec.protect.Vault;
import fr.avec.server.gateway.Shield;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Protect engine and the conversation vault of the server. The vault key comes from
 * {@code avec.vault.key}; without it a key is generated once in {@code avec.home/vault.key}, which is
 * enough for one instance (several instances must share a configured key).
 */
@Configuration
public class ConversationConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationConfiguration.class);

    /**
     * The Protect engine with the name and place lexicons of the reference data folder
     * ({@code avec.data-dir}, else {@code $AVEC_DATA_DIR}, else {@code ~/.avec/data}); without them names
     * are still found after titles, in fields and by propagation, but plain « Prénom Nom » pairs may be missed.
     */
    @Bean
    Protector protector(@Value("${avec.data-dir:}") String dataDir) throws IOException {
        DataDirectory directory = DataDirectory.resolve(dataDir.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(dataDir)));
        Path lexicons = directory.lexicons();
        if (!Files.isDirectory(lexicons)) {
            LOG.warn("no name and place lexicons in {}: pseudonymization runs on context rules only (lower recall on names)", lexicons);
            return Protector.withoutLexicons();
        }
        Lexicons loaded = Lexicons.load(lexicons);
        if (!loaded.missing().isEmpty()) {
            LOG.warn("lexicons missing in {}: {}; lower recall on names and places", lexicons, loaded.missing());
        }
        return Protector.fromLexicons(loaded);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService vaultPurge() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("avec-vault-purge").factory());
    }

    @Bean
    javax.crypto.SecretKey vaultKey(@Value("${avec.vault.key:}") String configuredKey, @Value("${avec.home}") Path home) {
        return Vault.key(configuredKey.isBlank() ? localKey(home) : configuredKey);
    }

    @Bean
    Vault vault(JdbcClient jdbc, javax.crypto.SecretKey vaultKey, @Value("${avec.vault.ttl:12h}") Duration ttl,
                ScheduledExecutorService vaultPurge, fr.avec.server.security.StorageKeyring keyring) {
        Vault vault = new Vault(new DatabaseVaultStore(jdbc, keyring), vaultKey, ttl);
        vaultPurge.scheduleWithFixedDelay(() -> {
            try {
                vault.purge();
            } catch (RuntimeException failed) {
                LOG.warn("expired conversations not purged: {}", failed.getClass().getName());
            }
        }, 1, 10, TimeUnit.MINUTES);
        return vault;
    }

    @Bean
    Shield shield(Protector protector, Vault vault, javax.crypto.SecretKey vaultKey, @Value("${avec.vault.ttl:12h}") Duration ttl,
                  @Value("${avec.protect.policy:placeholder}") String policy, fr.avec.server.security.StorageKeyring keyring) {
        return new ProtectShield(protector, vault, new ProtectShield.Capturing(vaultKey, ttl, keyring), Policy.parse(policy));
    }

    private static String localKey(Path home) {
        Path file = home.resolve("vault.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(home);
                Path temporary = Files.createTempFile(home, "vault", ".key");
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the home folder's permissions apply.
                }
                Files.writeString(temporary, Vault.newKey(), StandardCharsets.US_ASCII);
                try {
                    Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.FileAlreadyExistsException other) {
                    Files.delete(temporary);
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the vault key " + file, e);
        }
    }
}
