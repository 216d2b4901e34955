package fr.avec.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.server.security.Role;
import fr.avec.server.storage.TestDatabases;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Structured logs name the request, the user and the counts, never the patient text, even on faults. */
@ExtendWith(OutputCaptureExtension.class)
class GatewayLogsTest {

    @TempDir
    Path home;

    @Test
    void logsCarryFieldsButNoPatientText(CapturedOutput output) throws Exception {
        try (FakeUpstream upstream = new FakeUpstream();
             GatewayServer server = new GatewayServer(home, TestDatabases.h2(),
                     "--avec.upstreams[0].name=hds", "--avec.upstreams[0].base-url=" + upstream.baseUrl(),
                     "--avec.upstreams[0].level=hds", "--avec.upstreams[0].models=m",
                     "--logging.level.fr.avec=DEBUG", "--logging.structured.format.console=ecs",
                     // Another test of this JVM may have left the console threshold off (Boot keeps it in a system property).
                     "--logging.threshold.console=TRACE")) {
            String key = server.key("dr.martin", Role.CLINICIAN);
            String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Mme Claire Dubois, née le 12/03/1961, tél 06 12 34 56 78.\"}]}";
            assertThat(server.post("/v1/chat/completions", key, body, Map.of()).statusCode()).isEqualTo(200);
            upstream.behave(FakeUpstream.Behaviour.STATUS_500);
            assertThat(server.post("/v1/chat/completions", key, body, Map.of()).statusCode()).isEqualTo(502);
            upstream.behave(FakeUpstream.Behaviour.GARBAGE);
            assertThat(server.post("/v1/chat/completions", key, body, Map.of()).statusCode()).isEqualTo(502);
        }
        assertThat(output.getOut()).contains("gateway request").contains("\"request_id\"").contains("dr.martin").contains("\"outcome\":\"released\"");
        assertThat(output.getAll()).doesNotContain("Dubois").doesNotContain("Claire").doesNotContain("1961").doesNotContain("06 12 34");
    }
}
