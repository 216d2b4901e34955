package fr.avec.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.server.gateway.GatewayServer;
import fr.avec.server.storage.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint needs an API key and the right role, except health; errors are problem+json in the OpenAI shape. */
class ApiSecurityTest {

    @TempDir
    static Path home;
    static GatewayServer server;

    @BeforeAll
    static void start() {
        server = new GatewayServer(home, TestDatabases.h2());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthIsPublicButNothingElse() throws Exception {
        assertThat(server.get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(server.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        HttpResponse<String> models = server.get("/v1/models", null);
        assertThat(models.statusCode()).isEqualTo(401);
        assertThat(models.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(models.body()).contains("\"error\"").contains("\"code\":\"missing_api_key\"");
        assertThat(server.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(server.get("/somewhere/else", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aWrongKeyIsRefused() throws Exception {
        HttpResponse<String> response = server.get("/v1/models", "avec_not-a-real-key");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_api_key");
    }

    @Test
    void rolesDecideTheEndpoints() throws Exception {
        String clinician = server.key("dr.martin", Role.CLINICIAN);
        String dpo = server.key("dpo.hopital", Role.DPO);
        String admin = server.key("admin.si", Role.ADMIN);

        assertThat(server.get("/v1/models", clinician).statusCode()).isEqualTo(200);
        HttpResponse<String> forbidden = server.get("/api/audit", clinician);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("\"type\":\"permission_error\"");
        assertThat(server.get("/api/audit", dpo).statusCode()).isEqualTo(200);
        assertThat(server.get("/actuator/prometheus", clinician).statusCode()).isEqualTo(403);
        HttpResponse<String> metrics = server.get("/actuator/prometheus", admin);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void keysAreStoredHashedAndScopedToUseCases() throws Exception {
        ApiKeys keys = server.context().getBean(ApiKeys.class);
        ApiKeys.CreatedKey created = keys.create("scribe-urgences", java.util.Optional.of(Role.SERVICE), java.util.Set.of("compte-rendu"), 120);
        assertThat(created.secret()).startsWith("avec_");
        var jdbc = server.context().getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key WHERE key_hash = ?").param(created.secret()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key WHERE key_hash = ?").param(ApiKeys.hash(created.secret())).query(Long.class).single()).isEqualTo(1);
        Caller caller = keys.resolve(created.secret()).orElseThrow();
        assertThat(caller.role()).isEqualTo(Role.SERVICE);
        assertThat(caller.mayUse("compte-rendu")).isTrue();
        assertThat(caller.mayUse("default")).isFalse();
        assertThat(caller.ratePerMinute()).isEqualTo(120);

        // An existing user keeps its role when none is asked for.
        ApiKeys.CreatedKey second = keys.create("scribe-urgences", java.util.Optional.empty(), java.util.Set.of(), null);
        assertThat(second.userCreated()).isFalse();
        assertThat(second.role()).isEqualTo(Role.SERVICE);
        assertThat(second.secret()).isNotEqualTo(created.secret());
    }

    @Test
    void aKeyOverItsRateLimitIsRefused() throws Exception {
        String key = server.context().getBean(ApiKeys.class)
                .create("script-lent", java.util.Optional.of(Role.SERVICE), java.util.Set.of(), 3).secret();
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            int status = server.get("/v1/models", key).statusCode();
            if (status == 200) {
                ok++;
            } else if (status == 429) {
                limited++;
            }
        }
        assertThat(ok).isEqualTo(3);
        assertThat(limited).isEqualTo(3);
    }

    @Test
    void problemBodiesFollowTheOpenAiShape() throws Exception {
        String clinician = server.key("dr.leroy", Role.CLINICIAN);
        HttpResponse<String> response = server.post("/v1/chat/completions", clinician, "{not json", Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":{").contains("\"code\":\"invalid_json\"").contains("\"status\":400");
        assertThat(response.headers().firstValue("x-avec-request-id")).isPresent();
    }
}
