package fr.avec.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.server.audit.AuditRecords;
import fr.avec.server.security.Role;
import fr.avec.server.storage.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two gateway instances on one PostgreSQL: a conversation started on one continues on the other
 * (shared vault), both extend one audit chain, and a database outage under load refuses requests
 * cleanly and leaves the chain valid.
 */
class GatewayOnPostgresqlTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // Instances sharing conversations share the vault key.
    private static final String VAULT_KEY = fr.avec.protect.Vault.newKey();
    private static final String STORAGE_KEY = fr.avec.server.security.StorageKeys.newKey();

    @TempDir
    Path home;
    private TestDatabases.Target pg;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
        TestDatabases.dropPostgresql(pg);
    }

    private GatewayServer server(FakeUpstream upstream, String name) {
        GatewayServer server = new GatewayServer(home.resolve(name), pg,
                "--avec.upstreams[0].name=hds", "--avec.upstreams[0].base-url=" + upstream.baseUrl(),
                "--avec.upstreams[0].level=hds", "--avec.upstreams[0].models=mistral-hds",
                "--avec.audit.write-timeout=2s", "--avec.vault.key=" + VAULT_KEY,
                // ... and the storage keys that seal vault entries and documents at rest.
                "--avec.storage.keys=k1=" + STORAGE_KEY);
        open.add(server);
        return server;
    }

    private static String chat(String content) {
        return JSON.writeValueAsString(JSON.createObjectNode().put("model", "mistral-hds")
                .set("messages", JSON.createArrayNode().add(JSON.createObjectNode().put("role", "user").put("content", content))));
    }

    @Test
    void aConversationContinuesOnAnotherInstance() throws Exception {
        pg = TestDatabases.postgresql();
        FakeUpstream upstream = new FakeUpstream();
        open.add(upstream);
        GatewayServer first = server(upstream, "a");
        GatewayServer second = server(upstream, "b");
        String key = first.key("dr.martin", Role.CLINICIAN);

        HttpResponse<String> turn1 = first.post("/v1/chat/completions", key,
                chat("Patient M. Jean Moreau, né le 02/05/1950, hospitalisé à Lyon."), Map.of());
        assertThat(turn1.statusCode()).isEqualTo(200);
        String conversation = turn1.headers().firstValue("x-avec-conversation-id").orElseThrow();
        String seenByModel = upstream.received().getFirst();
        assertThat(seenByModel).doesNotContain("Moreau");

        // The model's next answer quotes the pseudonymized text it saw; the second instance must restore it.
        String pseudonymized = JSON.readTree(seenByModel).path("messages").path(0).path("content").asString();
        upstream.answer(pseudonymized);
        HttpResponse<String> turn2 = second.post("/v1/chat/completions", key, chat("Résume le dossier."),
                Map.of("x-avec-conversation-id", conversation));
        assertThat(turn2.statusCode()).isEqualTo(200);
        String answer = JSON.readTree(turn2.body()).path("choices").path(0).path("message").path("content").asString();
        assertThat(answer).isEqualTo("Patient M. Jean Moreau, né le 02/05/1950, hospitalisé à Lyon.");

        assertThat(first.context().getBean(AuditRecords.class).verify().valid()).isTrue();
        assertThat(first.context().getBean(AuditRecords.class).verify().events()).isEqualTo(2);
    }

    @Test
    void aDatabaseOutageUnderLoadRefusesCleanlyAndKeepsTheChainValid() throws Exception {
        pg = TestDatabases.postgresql();
        FakeUpstream upstream = new FakeUpstream();
        open.add(upstream);
        GatewayServer server = server(upstream, "a");
        String key = server.key("dr.martin", Role.CLINICIAN);
        String body = chat("Mme Claire Dubois, née le 12/03/1961, revue ce jour.");
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                responses.add(clients.submit(() -> server.post("/v1/chat/completions", key, body, Map.of())));
                if (i == 15) {
                    // The database "stops": the gateway's schema disappears from its search path.
                    execute("ALTER SCHEMA " + pg.schema() + " RENAME TO " + pg.schema() + "_off");
                }
            }
            for (Future<HttpResponse<String>> response : responses) {
                HttpResponse<String> answer = response.get();
                statuses.add(answer.statusCode());
                if (answer.statusCode() != 200) {
                    assertThat(answer.statusCode()).isEqualTo(503);
                    // Whichever store the request reached first says so; none lets the request through.
                    assertThat(answer.body()).containsPattern("audit_unavailable|key_store_unavailable|protection_unavailable")
                            .doesNotContain("Dubois");
                }
            }
        } finally {
            execute("ALTER SCHEMA " + pg.schema() + "_off RENAME TO " + pg.schema());
        }
        assertThat(statuses).contains(503);
        // Back up: requests go through again and every recorded event is still chained.
        HttpResponse<String> after = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            after = server.post("/v1/chat/completions", key, body, Map.of());
            if (after.statusCode() == 200) {
                break;
            }
            Thread.sleep(300);
        }
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(server.context().getBean(AuditRecords.class).verify().valid()).isTrue();
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(TestDatabases.DEFAULT_PG_URL, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
