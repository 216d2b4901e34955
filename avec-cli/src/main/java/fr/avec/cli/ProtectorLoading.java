package fr.avec.cli;

import fr.avec.data.DataDirectory;
import fr.avec.data.lexicon.Lexicons;
import fr.avec.protect.Protector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Builds the pseudonymizer from the reference data folder, saying once on stderr when lexicons are missing. */
final class ProtectorLoading {

    private ProtectorLoading() {
    }

    static Protector load(Path dataOption, boolean strict, PrintWriter err) {
        DataDirectory directory = DataDirectory.resolve(Optional.ofNullable(dataOption));
        Path lexicons = directory.lexicons();
        if (!Files.isDirectory(lexicons)) {
            String message = "name and place lexicons not found in " + lexicons;
            if (strict) {
                throw new UsageException(message + " (--strict); run avec data update or give --data DIR");
            }
            err.println("avec: " + message + "; continuing with context rules only (lower recall on names and places)");
            err.flush();
            return Protector.withoutLexicons();
        }
        Lexicons loaded;
        try {
            loaded = Lexicons.load(lexicons);
        } catch (IOException e) {
            throw new UsageException("cannot read the lexicons in " + lexicons + ": " + e.getMessage());
        }
        if (!loaded.missing().isEmpty()) {
            String message = "lexicons missing in " + lexicons + ": " + loaded.missing();
            if (strict) {
                throw new UsageException(message + " (--strict)");
            }
            err.println("avec: " + message + "; continuing without them (lower recall on names and places)");
            err.flush();
        }
        return Protector.fromLexicons(loaded);
    }
}
