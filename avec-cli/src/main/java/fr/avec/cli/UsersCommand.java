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

/** People who sign in to the web workbench: {@code avec users create}. */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manages the web workbench's local accounts (passwords stored as Argon2id hashes in the server database).",
        subcommands = UsersCommand.Create.class)
final class UsersCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (see avec users --help)");
    }

    /** Creates a local account (or resets its password and role) and prints a generated password once. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Creates a person who signs in to the workbench, or resets the password and role of an existing user.",
                    "Prints a generated password once, unless --password-stdin gives one.",
                    "Database options as for serve, e.g. --avec.db.url=jdbc:postgresql://..."})
    static final class Create implements Callable<Integer> {

        static final Set<String> ROLES = Set.of("clinician", "referent", "dpo", "admin");

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--user", required = true, description = "User name (letters, digits, . _ @ -).")
        String user;

        @Option(names = "--role", defaultValue = "clinician", description = "clinician (default), referent, dpo or admin.")
        String role;

        @Option(names = "--full-name", description = "Name as it signs documents, e.g. \"Dr Claire Martin\".")
        String fullName;

        @Option(names = "--job-title", description = "Function printed in the AI mention, e.g. \"médecin généraliste\".")
        String jobTitle;

        @Option(names = "--password-stdin", description = "Read the password (12 characters or more) from the first line of standard input.")
        boolean passwordStdin;

        @Unmatched
        List<String> springOptions = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            if (user.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--user must not be empty");
            }
            if (!ROLES.contains(role.toLowerCase(Locale.ROOT))) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "unknown role '" + role + "' (expected clinician, referent, dpo or admin)");
            }
            for (String option : springOptions) {
                if (!option.startsWith("--") || !option.contains("=")) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "unknown option or argument '" + option + "'");
                }
            }
            List<String> args = new ArrayList<>(List.of("users", "create", "--user", user, "--role", role.toLowerCase(Locale.ROOT)));
            if (fullName != null) {
                args.addAll(List.of("--full-name", fullName));
            }
            if (jobTitle != null) {
                args.addAll(List.of("--job-title", jobTitle));
            }
            if (passwordStdin) {
                args.add("--password-stdin");
            }
            return ServerAdmin.run(args, springOptions);
        }
    }
}
