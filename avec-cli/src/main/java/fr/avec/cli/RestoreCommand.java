package fr.avec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code avec restore}: puts a backup back in place of the embedded database, keeping the one it replaces. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restores a backup written by avec backup (the server must be stopped).",
                "The backup is migrated and its audit chain verified first; the replaced database is kept in db/replaced-DATE.",
                "Exit 0 restored, 1 the backup's audit chain is broken (nothing restored), 2 refused.",
                "Database options as for serve, e.g. --avec.home=/srv/avec"})
final class RestoreCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup (.zip).")
    Path from;

    @Unmatched
    List<String> springOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        for (String option : springOptions) {
            if (!option.startsWith("--") || !option.contains("=")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown option or argument '" + option + "'");
            }
        }
        return ServerAdmin.run(List.of("restore", "--from", from.toAbsolutePath().toString()), springOptions);
    }
}
