package fr.avec.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where benchmarks read the reference data: {@code $AVEC_DATA_DIR}, else {@code ../shared/data} from the working directory. */
public final class BenchData {

    private BenchData() {
    }

    public static Path root() {
        String env = System.getenv("AVEC_DATA_DIR");
        Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of("../shared/data");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("reference data not found at " + root.toAbsolutePath()
                    + "; run from the repository root or set AVEC_DATA_DIR");
        }
        return root;
    }
}
