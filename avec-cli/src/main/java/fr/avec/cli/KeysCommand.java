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

/** API keys of the gateway ({@code avec keys create}) and the storage encryption keys ({@code avec keys rotate}). */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Manages the gateway's API keys (stored hashed in the server database)",
                "and rotates the keys that encrypt stored documents and the vault."},
        subcommands = {KeysCommand.Create.class, KeysCommand.Rotate.class, KeysCommand.Reencrypt.class})
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

    /** Adds a new storage key, makes it current and re-encrypts the stored documents and vault with it. */
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Adds a new storage encryption key to the key file (old keys stay for reading), makes it current",
                    "and re-encrypts stored documents and vault entries with it. Database options as for serve."})
    static final class Rotate implements Callable<Integer> {

        @Unmatched
        List<String> springOptions = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            return ServerAdmin.run(List.of("keys", "rotate"), springOptions);
        }
    }

    /** Re-encrypts with the current storage key, after keys were changed in the environment. */
    @Command(name = "reencrypt", mixinStandardHelpOptions = true,
            description = {"Re-encrypts stored documents and vault entries with the current storage key",
                    "(after AVEC_STORAGE_KEYS / AVEC_STORAGE_CURRENT_KEY were changed). Database options as for serve."})
    static final class Reencrypt implements Callable<Integer> {

        @Unmatched
        List<String> springOptions = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            return ServerAdmin.run(List.of("keys", "reencrypt"), springOptions);
        }
    }
}
