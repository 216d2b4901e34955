package fr.avec.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the reference data lives: {@code --data DIR}, then {@code $AVEC_DATA_DIR}, then {@code ~/.avec/data}.
 */
public record DataDirectory(Path root, Origin origin) {

    /** How the directory was chosen, so that messages can say why a folder was used. */
    public enum Origin { OPTION, ENVIRONMENT, DEFAULT }

    public static final String ENVIRONMENT_VARIABLE = "AVEC_DATA_DIR";

    /** Resolves the data directory from an explicit option, the environment and the user's home, in that order. */
    public static DataDirectory resolve(Optional<Path> option, Map<String, String> environment, Path userHome) {
        if (option.isPresent()) {
            return new DataDirectory(option.get().toAbsolutePath().normalize(), Origin.OPTION);
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new DataDirectory(Path.of(fromEnvironment).toAbsolutePath().normalize(), Origin.ENVIRONMENT);
        }
        return new DataDirectory(userHome.resolve(".avec").resolve("data").toAbsolutePath().normalize(), Origin.DEFAULT);
    }

    /** Resolves against this process's environment and home directory. */
    public static DataDirectory resolve(Optional<Path> option) {
        return resolve(option, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The folder of the BDPM files, exactly as the ANSM publishes them. */
    public Path bdpm() {
        return root.resolve("bdpm");
    }

    /** The folder of the name, place and establishment lexicons. */
    public Path lexicons() {
        return root.resolve("lexicons");
    }
}
