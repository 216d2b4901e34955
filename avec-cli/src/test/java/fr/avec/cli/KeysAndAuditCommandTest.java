package fr.avec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Bad usage of the gateway administration commands is caught before the server jar starts. */
class KeysAndAuditCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AvecCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsKeysAndAudit() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("keys").contains("audit");
        assertThat(run("keys", "create", "--help")).isZero();
        assertThat(out.toString()).contains("--user").contains("--role");
    }

    @Test
    void keysCreateNeedsAUser() {
        assertThat(run("keys", "create")).isEqualTo(2);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("avec: ").contains("--user");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownRoleIsOneLineAndExitCodeTwo() {
        assertThat(run("keys", "create", "--user", "dr.martin", "--role", "surgeon")).isEqualTo(2);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("surgeon").contains("clinician");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void strayArgumentsAreRefused() {
        assertThat(run("audit", "verify", "everything")).isEqualTo(2);
        assertThat(err.toString()).contains("everything");
        assertThat(run("audit")).isEqualTo(2);
    }
}
