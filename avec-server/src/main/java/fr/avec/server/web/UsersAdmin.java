package fr.avec.server.web;

import fr.avec.server.AvecServer;
import fr.avec.server.security.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code avec users create --user NAME [--role ROLE] [--full-name TEXT] [--job-title TEXT] [--password-stdin]},
 * run inside the server jar on the server's configuration and database without the web server. Without
 * {@code --password-stdin} a random password is generated and printed once on stdout.
 * Exit codes follow CONTRACTS.md: 0 done, 2 bad usage.
 */
public final class UsersAdmin {

    private UsersAdmin() {
    }

    /** Runs {@code users create ...} and returns the exit code; {@code in} gives the password with --password-stdin. */
    public static int run(String[] args, BufferedReader in, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>();
        List<String> springOptions = new ArrayList<>(List.of("--logging.threshold.console=OFF", "--spring.main.banner-mode=off",
                "--spring.main.log-startup-info=false"));
        String user = null;
        String role = "clinician";
        String fullName = null;
        String jobTitle = null;
        boolean passwordStdin = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--user", "--role", "--full-name", "--job-title" -> {
                    if (i + 1 >= args.length) {
                        err.println("avec: " + arg + " needs a value");
                        return 2;
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--user" -> user = value;
                        case "--role" -> role = value;
                        case "--full-name" -> fullName = value;
                        default -> jobTitle = value;
                    }
                }
                case "--password-stdin" -> passwordStdin = true;
                default -> {
                    if (arg.startsWith("--") && arg.contains("=")) {
                        springOptions.add(arg);
                    } else {
                        words.add(arg);
                    }
                }
            }
        }
        if (!String.join(" ", words).equals("users create")) {
            err.println("avec: unknown users command '" + String.join(" ", words) + "' (expected: users create)");
            return 2;
        }
        if (user == null || user.isBlank()) {
            err.println("avec: users create needs --user NAME");
            return 2;
        }
        Role parsed;
        try {
            parsed = Role.parse(role);
            if (parsed == Role.SERVICE) {
                throw new IllegalArgumentException("a service does not sign in: use avec keys create --role service");
            }
        } catch (IllegalArgumentException unknown) {
            err.println("avec: " + unknown.getMessage());
            return 2;
        }
        String password;
        if (passwordStdin) {
            try {
                password = in.readLine();
            } catch (IOException unreadable) {
                err.println("avec: the password cannot be read from standard input");
                return 2;
            }
        } else {
            byte[] bytes = new byte[15];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        try {
            LocalAccounts.checkPassword(password);
        } catch (IllegalArgumentException weak) {
            err.println("avec: " + weak.getMessage());
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AvecServer.class)
                .web(WebApplicationType.NONE)
                .run(springOptions.toArray(String[]::new))) {
            boolean created = context.getBean(LocalAccounts.class).createOrUpdate(user, password, parsed, fullName, jobTitle);
            err.println((created ? "created user " : "updated user ") + user.strip() + " (" + parsed.id() + ")"
                    + (passwordStdin ? "" : "; the password is shown once, give it to the person now:"));
            if (!passwordStdin) {
                out.println(password);
            }
            return 0;
        } catch (IllegalArgumentException refused) {
            err.println("avec: " + refused.getMessage());
            return 2;
        } catch (RuntimeException failure) {
            Throwable root = failure;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            err.println("avec: users create failed: " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("")));
            return 2;
        }
    }
}
