package fr.avec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Bad usage of {@code avec users create} is caught before the server jar starts. */
class UsersCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AvecCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsUsers() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("users");
        assertThat(run("users", "create", "--help")).isZero();
        assertThat(out.toString()).contains("--user").contains("--role").contains("--password-stdin");
    }

    @Test
    void aServiceIsNotAPersonWhoSignsIn() {
        assertThat(run("users", "create", "--user", "scribe", "--role", "service")).isEqualTo(2);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("avec: ").contains("service");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aUserIsRequired() {
        assertThat(run("users", "create")).isEqualTo(2);
        assertThat(err.toString()).contains("--user");
        assertThat(run("users")).isEqualTo(2);
    }
}
