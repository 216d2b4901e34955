package fr.avec.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared reference data used by tests: {@code $AVEC_DATA_DIR}, else {@code ../shared/data}
 * from the repository root. Tests never read copies committed into the project.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared data folder; fails the test run with a clear message when it cannot be found. */
    public static Path root() {
        String env = System.getenv("AVEC_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return existing(Path.of(env));
        }
        String repoRoot = System.getProperty("avec.repo.root");
        Path base = repoRoot != null ? Path.of(repoRoot) : findRepositoryRoot();
        return existing(base.resolve("../shared/data").normalize());
    }

    public static Path bdpm() {
        return root().resolve("bdpm");
    }

    public static Path lexicons() {
        return root().resolve("lexicons");
    }

    public static Path quaero() {
        return root().resolve("quaero");
    }

    public static Path mtsDialog() {
        return root().resolve("mts-dialog");
    }

    private static Path findRepositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (no mvnw above " + Path.of("").toAbsolutePath() + ")");
        }
        return dir;
    }

    private static Path existing(Path path) {
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("reference data not found at " + path
                    + "; set AVEC_DATA_DIR to a folder laid out like ../shared/data");
        }
        return path.toAbsolutePath().normalize();
    }
}
