package fr.avec.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.server.AvecServer;
import fr.avec.server.security.Role;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** {@code avec users create} inside the server jar, and the local accounts it writes. */
class UsersAdminTest {

    @TempDir
    Path home;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        out.reset();
        err.reset();
        return UsersAdmin.run(args, new BufferedReader(new StringReader(stdin)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void createsAccountsWhosePasswordsAreStoredAsArgon2idHashes() {
        String db = "--avec.home=" + home;
        assertThat(run("", "users", "create", "--user", "dr.martin", "--role", "clinician", "--full-name", "Dr Claire Martin",
                "--job-title", "médecin généraliste", db)).as(this::err).isZero();
        String generated = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(LocalAccounts.MIN_PASSWORD_LENGTH).doesNotContain("\n");
        assertThat(err()).contains("created user dr.martin (clinician)");

        assertThat(run("un mot de passe choisi\n", "users", "create", "--user", "referent", "--role", "referent", "--password-stdin", db))
                .as(this::err).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AvecServer.class).web(WebApplicationType.NONE)
                .run(db, "--logging.level.root=WARN")) {
            LocalAccounts accounts = context.getBean(LocalAccounts.class);
            assertThat(accounts.anyoneCanSignIn()).isTrue();
            UserDetails martin = accounts.loadUserByUsername("dr.martin");
            assertThat(martin.getPassword()).startsWith("$argon2id$").doesNotContain(generated);
            assertThat(accounts.encoder().matches(generated, martin.getPassword())).isTrue();
            assertThat(accounts.encoder().matches("un mot de passe choisi", accounts.loadUserByUsername("referent").getPassword())).isTrue();
            assertThat(accounts.find("dr.martin").orElseThrow()).isEqualTo(
                    new LocalAccounts.Account("dr.martin", Role.CLINICIAN, "Dr Claire Martin", "médecin généraliste"));

            // A service user made for an API key cannot sign in.
            context.getBean(JdbcClient.class).sql("INSERT INTO avec_user (name, role, created_at) VALUES ('scribe', 'service', CURRENT_TIMESTAMP)").update();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.loadUserByUsername("scribe"))
                    .isInstanceOf(UsernameNotFoundException.class);
        }
    }

    @Test
    void badUsageIsOneLineAndExitCodeTwo() {
        assertThat(run("", "users", "create", "--role", "admin")).isEqualTo(2);
        assertThat(err()).startsWith("avec: ").contains("--user");
        assertThat(run("", "users", "create", "--user", "x", "--role", "service")).isEqualTo(2);
        assertThat(err()).contains("avec keys create");
        assertThat(run("court\n", "users", "create", "--user", "x", "--password-stdin")).isEqualTo(2);
        assertThat(err()).contains("12 characters");
        assertThat(run("", "users", "delete", "--user", "x")).isEqualTo(2);
        assertThat(err().strip().lines()).hasSize(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
