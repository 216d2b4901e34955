package fr.avec.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.server.gateway.FakeUpstream;
import fr.avec.server.gateway.GatewayServer;
import fr.avec.server.storage.TestDatabases;
import fr.avec.server.web.LocalAccounts;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * Planted identifiers go through the paths where a careless log line would leak them (gateway answers
 * and faults, a malformed body, a consultation, a failed sign-in with a name as user name); the watch of
 * {@link NoPlantedIdentifiersInLogs} then fails this class if any log call carried them. The watch itself
 * is shown to catch a leak first, so that this test can fail.
 */
class PlantedIdentifiersTest {

    @TempDir
    Path home;

    @Test
    void theWatchCatchesALeakEvenBelowTheLevelInForce() {
        LogWatch.install();
        LogWatch.drain();
        LoggerFactory.getLogger("fr.avec.server.workbench.Example").debug("transcript: {}", PlantedIdentifiers.TEXT);
        LoggerFactory.getLogger("org.example.Library").info("phone {}", PlantedIdentifiers.PHONE);
        assertThat(new java.util.HashSet<>(LogWatch.drain())).hasSize(6).anySatisfy(leak -> assertThat(leak).startsWith("org.example.Library INFO"));
    }

    @Test
    void identifiersSentThroughTheServerNeverReachTheLogs() throws Exception {
        LogWatch.install();
        try (FakeUpstream upstream = new FakeUpstream();
             GatewayServer server = new GatewayServer(home, TestDatabases.h2(),
                     "--avec.upstreams[0].name=hds", "--avec.upstreams[0].base-url=" + upstream.baseUrl(),
                     "--avec.upstreams[0].level=hds", "--avec.upstreams[0].models=m", "--logging.level.fr.avec=DEBUG")) {
            String key = server.key("dr.martin", Role.CLINICIAN);
            String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + PlantedIdentifiers.TEXT + "\"}]}";
            assertThat(server.post("/v1/chat/completions", key, body, Map.of()).statusCode()).isEqualTo(200);
            upstream.behave(FakeUpstream.Behaviour.STATUS_500);
            assertThat(server.post("/v1/chat/completions", key, body, Map.of()).statusCode()).isEqualTo(502);
            upstream.behave(FakeUpstream.Behaviour.GARBAGE);
            assertThat(server.post("/v1/chat/completions", key, body, Map.of()).statusCode()).isEqualTo(502);
            assertThat(server.post("/v1/chat/completions", key, "{\"model\":\"m\",\"messages\":[{\"content\":\"" + PlantedIdentifiers.TEXT,
                    Map.of()).statusCode()).isEqualTo(400);

            String base = "http://127.0.0.1:" + server.context().getBean(Environment.class).getProperty("local.server.port");
            server.context().getBean(LocalAccounts.class).createOrUpdate("dr.martin", "un mot de passe solide", Role.CLINICIAN, null, null);
            BrowserSession browser = new BrowserSession(base);
            browser.signIn(PlantedIdentifiers.NAME, PlantedIdentifiers.NIR);
            browser.signIn("dr.martin", "un mot de passe solide");
            String csrf = browser.csrf("/");
            browser.post("/consultations", Map.of("mode", "manual", "consent", "REFUSED", "patientRef", PlantedIdentifiers.NIR_COMPACT,
                    "transcript", PlantedIdentifiers.TEXT), csrf);
            browser.get("/consultations?q=" + PlantedIdentifiers.PHONE_COMPACT);
        }
        // Checked by NoPlantedIdentifiersInLogs after this class.
    }
}
