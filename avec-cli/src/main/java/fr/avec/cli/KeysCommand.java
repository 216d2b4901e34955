package fr.avec.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** API keys of the gateway: {@code avec keys create}. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Manages the gateway's API keys (stored hashed in the server database).",
        subcommands = KeysCommand.Create.class)
final class KeysCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (see avec keys --help)");
    }

    /** Creates a key, and the user if needed; prints the key once. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Prints a new API key once (it is stored hashed), creating the user if needed.",
                    "Database options as for serve, e.g. --avec.db.url=jdbc:postgresql://..."})
    static final class Create implements Callable<Integer> {

        static final Set<String> ROLES = Set.of("clinician", "referent", "dpo", "admin", "service");

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--user", required = true, description = "User name.")
        String user;

        @Option(names = "--role", description = "clinician (default for a new user), referent, dpo, admin or service.")
        String role;

        @Option(names = "--use-case", description = "Use case the key may call (repeatable); all when absent.")
        List<String> useCases = new ArrayList<>();

        @Option(names = "--rate", description = "Requests per minute for this key (default: avec.gateway.rate-limit-per-minute).")
        Integer rate;

        @Unmatched
        List<String> springOptions = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            if (user.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--user must not be empty");
            }
            if (role != null && !ROLES.contains(role.toLowerCase(Locale.ROOT))) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "unknown role '" + role + "' (expected clinician, referent, dpo, admin or service)");
            }
            for (String option : springOptions) {
                if (!option.startsWith("--") || !option.contains("=")) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "unknown option or argument '" + option + "'");
                }
            }
            List<String> args = new ArrayList<>(List.of("keys", "create", "--user", user));
            if (role != null) {
                args.addAll(List.of("--role", role.toLowerCase(Locale.ROOT)));
            }
            for (String useCase : useCases) {
                args.addAll(List.of("--use-case", useCase));
            }
            if (rate != null) {
                args.addAll(List.of("--rate", rate.toString()));
            }
            return ServerAdmin.run(args, springOptions);
        }
    }
}
