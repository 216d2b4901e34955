package fr.avec.server.admin;

import fr.avec.server.AvecServer;
import fr.avec.server.audit.AuditRecords;
import fr.avec.server.audit.ChainCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@code admin backup [--to FILE]} and {@code admin restore --from FILE}, run by the {@code avec} command against
 * the server's configuration. A backup of a stopped server is taken here; a running server is asked through
 * {@code POST /api/admin/backups} instead ({@code avec backup --server}). A restore never loses data: the backup
 * is unpacked beside the database, migrated and its audit chain verified, and only then does it take the place of
 * the current database, which is kept in a {@code replaced-...} folder. Exit codes: 0 done, 1 the backup's audit
 * chain is broken (nothing restored), 2 bad usage or refused.
 */
public final class BackupCommand {

    static final int OK = 0;
    static final int BROKEN = 1;
    static final int USAGE = 2;
    /** Largest database file accepted from a backup (the zip could claim anything). */
    static final long MAX_DATABASE_BYTES = 256L * 1024 * 1024 * 1024;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private BackupCommand() {
    }

    /** Only the configuration files and options: no database opened. */
    @Configuration(proxyBeanMethods = false)
    static class ConfigurationOnly {
    }

    /** Runs {@code backup ...} or {@code restore ...} and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> springOptions = new ArrayList<>(List.of("--logging.threshold.console=OFF", "--spring.main.banner-mode=off",
                "--spring.main.log-startup-info=false"));
        String command = null;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--to") || arg.equals("--from")) {
                if (i + 1 >= args.length) {
                    err.println("avec: " + arg + " needs a file");
                    return USAGE;
                }
                file = Path.of(args[++i]);
            } else if (arg.startsWith("--") && arg.contains("=")) {
                springOptions.add(arg);
            } else if (command == null && (arg.equals("backup") || arg.equals("restore"))) {
                command = arg;
            } else {
                err.println("avec: unknown option or argument '" + arg + "'");
                return USAGE;
            }
        }
        if (command == null) {
            err.println("avec: expected backup or restore");
            return USAGE;
        }
        try {
            return command.equals("backup") ? backup(file, springOptions, out, err) : restore(file, springOptions, out, err);
        } catch (RuntimeException | IOException failure) {
            err.println("avec: " + command + " failed: " + AdminCommand.rootMessage(failure));
            return USAGE;
        }
    }

    private static int backup(Path target, List<String> springOptions, PrintStream out, PrintStream err) {
        try (ConfigurableApplicationContext context = start(AvecServer.class, springOptions)) {
            Backups backups = context.getBean(Backups.class);
            Backups.Backup backup = backups.create(target == null ? backups.defaultTarget() : target);
            out.println(backup.file());
            err.println("backup written: " + backup.bytes() + " bytes, sha256 " + backup.sha256());
            return OK;
        } catch (Backups.BackupRefused refused) {
            err.println("avec: backup refused: " + refused.getMessage());
            return USAGE;
        } catch (RuntimeException failure) {
            if (inUse(failure)) {
                err.println("avec: the database is in use by a running server: ask it for an online backup with "
                        + "avec backup --server http://HOST:PORT --key-file FILE (an admin API key)");
                return USAGE;
            }
            throw failure;
        }
    }

    private static int restore(Path backup, List<String> springOptions, PrintStream out, PrintStream err) throws IOException {
        if (backup == null) {
            err.println("avec: restore needs --from FILE (a backup written by avec backup)");
            return USAGE;
        }
        if (!Files.isRegularFile(backup)) {
            err.println("avec: cannot read " + backup + ": no such file");
            return USAGE;
        }
        String url;
        String user;
        String password;
        try (ConfigurableApplicationContext context = start(ConfigurationOnly.class, springOptions)) {
            Environment environment = context.getEnvironment();
            url = environment.getRequiredProperty("avec.db.url");
            user = environment.getProperty("avec.db.user", "");
            password = environment.getProperty("avec.db.password", "");
        }
        EmbeddedDatabase database = EmbeddedDatabase.of(url);
        if (database == null) {
            err.println("avec: restore works on the embedded H2 database; for PostgreSQL use pg_restore (docs/RELIABILITY.md)");
            return USAGE;
        }
        String stamp = STAMP.format(Instant.now());
        Path staging = database.folder().resolve("restore-" + stamp);
        Files.createDirectories(staging);
        try {
            String problem = unpack(backup, database.fileName(), staging);
            if (problem != null) {
                err.println("avec: " + backup + " is not an Avec backup: " + problem);
                return USAGE;
            }
            // Migrate and verify the restored copy before it replaces anything.
            List<String> options = new ArrayList<>(springOptions);
            options.add("--avec.db.url=" + database.urlFor(staging));
            ChainCheck check;
            try (ConfigurableApplicationContext context = start(AvecServer.class, options)) {
                check = context.getBean(AuditRecords.class).verify();
            }
            if (!check.valid()) {
                out.println("audit chain BROKEN in the backup at event " + check.brokenAt() + ": " + check.problem()
                        + "; nothing restored");
                return BROKEN;
            }
            if (inUse(url, user, password)) {
                err.println("avec: the database is in use by a running server: stop it (avec serve) before restoring");
                return USAGE;
            }
            Path replaced = database.folder().resolve("replaced-" + stamp);
            Files.createDirectories(replaced);
            for (String suffix : List.of(".mv.db", ".trace.db")) {
                Path current = database.folder().resolve(database.baseName() + suffix);
                if (Files.exists(current)) {
                    Files.move(current, replaced.resolve(current.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Files.move(staging.resolve(database.fileName()), database.folder().resolve(database.fileName()), StandardCopyOption.ATOMIC_MOVE);
            out.println("restored " + backup + ": audit chain valid, " + check.events() + " events");
            err.println("the previous database is kept in " + replaced);
            return OK;
        } finally {
            // On success the database was moved out; what is left is a copy of the backup.
            deleteTree(staging);
        }
    }

    /**
     * Unpacks the database file of a backup into {@code staging}; returns why the zip is refused, or null.
     * Only the one expected entry is written, by name, so a crafted entry ({@code ../x}) can never escape.
     */
    static String unpack(Path backup, String fileName, Path staging) throws IOException {
        boolean found = false;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (!name.endsWith(".mv.db")) {
                    continue;
                }
                if (found || name.contains("/") || name.contains("\\")) {
                    return "more than one database, or a database in a folder";
                }
                found = true;
                Path target = staging.resolve(fileName);
                long written = copyBounded(zip, target);
                if (written < 0) {
                    return "the database inside is larger than " + MAX_DATABASE_BYTES + " bytes";
                }
            }
        } catch (java.util.zip.ZipException notZip) {
            return "not a zip file (" + notZip.getMessage() + ")";
        }
        return found ? null : "no H2 database (*.mv.db) inside";
    }

    private static long copyBounded(InputStream in, Path target) throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (var out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > MAX_DATABASE_BYTES) {
                    return -1;
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    /** The file of an embedded H2 database named by a JDBC URL ({@code jdbc:h2:file:/path/avec;OPTIONS}). */
    record EmbeddedDatabase(Path folder, String baseName, String options) {

        static EmbeddedDatabase of(String url) {
            if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:h2:tcp:")
                    || url.startsWith("jdbc:h2:ssl:")) {
                return null;
            }
            String rest = url.substring("jdbc:h2:".length());
            if (rest.startsWith("file:")) {
                rest = rest.substring("file:".length());
            }
            int semicolon = rest.indexOf(';');
            String location = semicolon < 0 ? rest : rest.substring(0, semicolon);
            String options = semicolon < 0 ? "" : rest.substring(semicolon);
            Path path = Path.of(location.startsWith("~") ? System.getProperty("user.home") + location.substring(1) : location)
                    .toAbsolutePath().normalize();
            return new EmbeddedDatabase(path.getParent(), path.getFileName().toString(), options);
        }

        String fileName() {
            return baseName + ".mv.db";
        }

        String urlFor(Path otherFolder) {
            return "jdbc:h2:file:" + otherFolder.resolve(baseName) + options;
        }
    }

    private static ConfigurableApplicationContext start(Class<?> configuration, List<String> options) {
        return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE).run(options.toArray(String[]::new));
    }

    private static boolean inUse(String url, String user, String password) {
        try (Connection ignored = DriverManager.getConnection(url + ";IFEXISTS=TRUE", user, password)) {
            return false;
        } catch (SQLException e) {
            // 90020: "Database may be already in use"; 90146: the database does not exist (nothing to protect).
            return e.getErrorCode() == 90020;
        }
    }

    private static boolean inUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 90020) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("already in use")) {
                return true;
            }
        }
        return false;
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // A leftover staging folder holds only a copy of the backup; it is named and harmless.
        }
    }
}
