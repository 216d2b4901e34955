package fr.avec.server.admin;

import fr.avec.server.AvecServer;
import fr.avec.server.audit.AuditRecords;
import fr.avec.server.audit.ChainCheck;
import fr.avec.server.security.ApiKeys;
import fr.avec.server.security.Role;
import fr.avec.server.security.StorageKeyring;
import fr.avec.server.security.StorageRekey;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Administration run by the {@code avec} command against the server's own configuration and database,
 * without the web server: {@code admin keys create --user NAME [--role ROLE] [--use-case U]... [--rate N]}
 * {@code admin keys rotate} / {@code admin keys reencrypt} (storage encryption keys) and {@code admin audit verify}. Other {@code --key=value} options are Spring Boot options (database...).
 * Exit codes follow CONTRACTS.md: 0 done, 1 the audit chain is broken, 2 bad usage.
 */
public final class AdminCommand {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;

    private AdminCommand() {
    }

    /** Runs one command and returns its exit code; {@code out} gets the result, {@code err} messages. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>();
        List<String> springOptions = new ArrayList<>(List.of("--logging.threshold.console=OFF", "--spring.main.banner-mode=off",
                "--spring.main.log-startup-info=false"));
        String user = null;
        String role = null;
        Integer rate = null;
        Set<String> useCases = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--user", "--role", "--use-case", "--rate" -> {
                    if (i + 1 >= args.length) {
                        err.println("avec: " + arg + " needs a value");
                        return USAGE;
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--user" -> user = value;
                        case "--role" -> role = value;
                        case "--use-case" -> useCases.add(value);
                        default -> {
                            try {
                                rate = Integer.parseInt(value);
                            } catch (NumberFormatException notANumber) {
                                err.println("avec: --rate needs a number of requests per minute");
                                return USAGE;
                            }
                        }
                    }
                }
                default -> {
                    if (arg.startsWith("--") && arg.contains("=")) {
                        springOptions.add(arg);
                    } else {
                        words.add(arg);
                    }
                }
            }
        }
        String command = String.join(" ", words);
        Optional<Role> parsedRole;
        try {
            parsedRole = role == null ? Optional.empty() : Optional.of(Role.parse(role));
        } catch (IllegalArgumentException unknown) {
            err.println("avec: " + unknown.getMessage());
            return USAGE;
        }
        if (!command.equals("keys create") && !command.equals("audit verify") && !command.equals("keys rotate")
                && !command.equals("keys reencrypt")) {
            err.println("avec: unknown admin command '" + command + "' (expected: keys create, keys rotate, keys reencrypt, audit verify)");
            return USAGE;
        }
        if (command.equals("keys create") && (user == null || user.isBlank())) {
            err.println("avec: keys create needs --user NAME");
            return USAGE;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AvecServer.class)
                .web(WebApplicationType.NONE)
                .run(springOptions.toArray(String[]::new))) {
            if (command.equals("keys create")) {
                ApiKeys.CreatedKey key = context.getBean(ApiKeys.class).create(user, parsedRole, useCases, rate);
                err.println((key.userCreated() ? "created user " : "new key for user ") + key.user() + " (" + key.role().id()
                        + "); the key is shown once, store it now:");
                out.println(key.secret());
                return OK;
            }
            if (command.equals("keys rotate") || command.equals("keys reencrypt")) {
                return rotate(context, command.equals("keys rotate"), out, err);
            }
            ChainCheck check = context.getBean(AuditRecords.class).verify();
            if (check.valid()) {
                out.println("audit chain valid: " + check.events() + " events");
                return OK;
            }
            out.println("audit chain BROKEN at event " + check.brokenAt() + ": " + check.problem() + " (" + check.events() + " events checked before)");
            return FINDINGS;
        } catch (IllegalStateException refused) {
            err.println("avec: " + refused.getMessage());
            return USAGE;
        } catch (RuntimeException failure) {
            err.println("avec: " + command + " failed: " + rootMessage(failure));
            return USAGE;
        }
    }

    /**
     * {@code keys rotate}: a new storage key becomes current (old ones stay for reading), then everything
     * is re-encrypted with it. {@code keys reencrypt}: only the second step, after the keys were changed in
     * the environment ({@code AVEC_STORAGE_KEYS}, {@code AVEC_STORAGE_CURRENT_KEY}).
     */
    private static int rotate(ConfigurableApplicationContext context, boolean addKey, PrintStream out, PrintStream err) {
        StorageKeyring keyring = context.getBean(StorageKeyring.class);
        if (addKey) {
            String id = keyring.addKeyToFile();
            err.println("new storage key " + id + " is current in " + keyring.file() + "; older keys are kept for reading");
        }
        StorageRekey.Result result = context.getBean(StorageRekey.class).reencrypt();
        out.println("re-encrypted with key " + result.currentKey() + ": " + result.valuesResealed() + " document values, "
                + result.vaultEntriesResealed() + " vault entries (" + result.upToDate() + " already up to date)");
        return OK;
    }

    /** The innermost cause of a failure in one line: its type and the first line of its message (never a stack trace). */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse(""));
    }
}
