package fr.avec.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.server.audit.AuditRecords;
import fr.avec.server.audit.AuditTrail;
import fr.avec.server.gateway.GatewayServer;
import fr.avec.server.security.ApiKeys;
import fr.avec.server.storage.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code avec keys create} and {@code avec audit verify} as run inside the server jar, on the server's database. */
class AdminCommandTest {

    @TempDir
    Path home;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return AdminCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void createsAKeyThatTheServerAcceptsAndVerifiesTheChain() throws Exception {
        String home = "--avec.home=" + this.home;
        assertThat(run("keys", "create", "--user", "dr.martin", "--role", "referent", home)).as(() -> err.toString(StandardCharsets.UTF_8)).isZero();
        String key = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(key).startsWith("avec_").doesNotContain("\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("created user dr.martin (referent)");

        TestDatabases.Target db = new TestDatabases.Target("jdbc:h2:file:" + this.home + "/db/avec;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "avec", "", null);
        try (GatewayServer server = new GatewayServer(this.home, db)) {
            assertThat(server.get("/v1/models", key).statusCode()).isEqualTo(200);
            assertThat(server.context().getBean(ApiKeys.class).resolve(key).orElseThrow().user()).isEqualTo("dr.martin");
            AuditTrail trail = server.context().getBean(AuditTrail.class);
            for (int i = 0; i < 5; i++) {
                trail.record(new fr.avec.server.audit.AuditEvent("req-" + i, Instant.now(), "dr.martin", "referent", "chat.completions",
                        "default", "local", "m", "on_premise", "released", 200, 10, 5, 100, 500, Map.of(), Map.of(), null, null, null,
                        null, "metadata", null));
            }
            assertThat(server.context().getBean(AuditRecords.class).verify().valid()).isTrue();
        }

        assertThat(run("audit", "verify", home)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("audit chain valid: 5 events");

        var dataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(db.url(), db.user(), db.password());
        // Someone with the owner's rights removes the append-only guard and edits an event: the chain shows it.
        JdbcClient.create(dataSource).sql("DROP TRIGGER audit_event_append_only").update();
        JdbcClient.create(dataSource).sql("UPDATE audit_event SET actor = 'quelqu.un' WHERE seq = 3").update();
        assertThat(run("audit", "verify", home)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN at event 3");
    }

    @Test
    void badUsageIsExitCodeTwo() {
        assertThat(run("keys", "create", "--avec.home=" + home)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--user");
        assertThat(run("keys", "create", "--user", "x", "--role", "chef")).isEqualTo(2);
        assertThat(run("keys", "delete")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
