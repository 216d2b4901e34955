package fr.avec.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** The gateway's audit trail: {@code avec audit verify}. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Checks the gateway's hash-chained audit trail.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (see avec audit --help)");
    }

    /** Recomputes the chain; exit 0 when intact, 1 when broken. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recomputes every hash of the audit chain: exit 0 when intact, 1 when an event was changed, removed or inserted.",
                    "Database options as for serve, e.g. --avec.db.url=jdbc:postgresql://..."})
    static final class Verify implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Unmatched
        List<String> springOptions = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            for (String option : springOptions) {
                if (!option.startsWith("--") || !option.contains("=")) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "unknown option or argument '" + option + "'");
                }
            }
            return ServerAdmin.run(List.of("audit", "verify"), springOptions);
        }
    }
}
