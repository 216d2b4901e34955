package fr.avec.server.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Online, consistent backups of the embedded H2 database: H2's {@code BACKUP TO} copies the database file as of
 * one transaction while requests go on. PostgreSQL is backed up with its own tools ({@code pg_dump}, see
 * docs/RELIABILITY.md); asking Avec to do it is refused with that advice rather than doing half a job.
 */
@Component
public class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final String url;
    private final Path home;
    private final Clock clock;

    @Autowired
    public Backups(JdbcClient jdbc, @Value("${avec.db.url}") String url, @Value("${avec.home}") Path home) {
        this(jdbc, url, home, Clock.systemUTC());
    }

    Backups(JdbcClient jdbc, String url, Path home, Clock clock) {
        this.jdbc = jdbc;
        this.url = url;
        this.home = home;
        this.clock = clock;
    }

    /**
     * A backup written.
     *
     * @param file   the zip file (H2's own format, restored by {@code avec restore})
     * @param bytes  its size
     * @param sha256 its SHA-256, to check a copy kept elsewhere
     * @param at     when it was taken
     */
    public record Backup(Path file, long bytes, String sha256, Instant at) {
    }

    /** Why no backup can be taken (PostgreSQL, a target that exists, a folder that cannot be written). */
    public static final class BackupRefused extends RuntimeException {
        BackupRefused(String message) {
            super(message);
        }
    }

    /** Whether the database is the embedded H2 one, which Avec backs up itself. */
    public boolean embedded() {
        return url.startsWith("jdbc:h2:");
    }

    /** Where a backup goes when no file is named: {@code ${avec.home}/backups/avec-YYYYMMDD-HHMMSS.zip}. */
    public Path defaultTarget() {
        return home.resolve("backups").resolve("avec-" + STAMP.format(clock.instant()) + ".zip");
    }

    /** Writes a backup to {@code target}, never over an existing file. */
    public Backup create(Path target) {
        if (!embedded()) {
            throw new BackupRefused("the database is PostgreSQL: back it up with pg_dump (docs/RELIABILITY.md)");
        }
        Path file = target.toAbsolutePath().normalize();
        if (Files.exists(file)) {
            throw new BackupRefused(file + " already exists; a backup never replaces a file");
        }
        if (!file.getFileName().toString().endsWith(".zip")) {
            throw new BackupRefused(file + ": a backup file name ends with .zip");
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new BackupRefused("cannot create " + file.getParent() + ": " + e.getMessage());
        }
        Instant at = clock.instant();
        // BACKUP TO takes a literal, not a parameter; the path is quoted as an SQL string.
        jdbc.sql("BACKUP TO '" + file.toString().replace("'", "''") + "'").update();
        try {
            return new Backup(file, Files.size(file), sha256(file), at);
        } catch (IOException e) {
            throw new BackupRefused("the backup was written but cannot be read back: " + e.getMessage());
        }
    }

    static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
