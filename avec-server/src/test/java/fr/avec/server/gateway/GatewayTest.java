package fr.avec.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.server.audit.AuditRecords;
import fr.avec.server.audit.StoredAuditEvent;
import fr.avec.server.security.Role;
import fr.avec.server.storage.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway end to end on the real server and the real Protect engine, in front of fake model
 * servers: level policies, pseudonymization and re-identification (plain, streamed, tool calls),
 * fallbacks and faults, audit events and headers.
 */
class GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROMPT = "Rédige un courrier pour Mme Claire Dubois, née le 12/03/1961, suivie pour une HTA.";

    @TempDir
    static Path home;
    static FakeUpstream hds;
    static FakeUpstream onPremise;
    static FakeUpstream publicModel;
    static FakeUpstream flaky;
    static FakeUpstream backup;
    static int closedPort;
    static GatewayServer server;
    static String clinician;

    @BeforeAll
    static void start() throws Exception {
        hds = new FakeUpstream();
        onPremise = new FakeUpstream();
        publicModel = new FakeUpstream();
        flaky = new FakeUpstream();
        backup = new FakeUpstream();
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        server = new GatewayServer(home, TestDatabases.h2(),
                "--avec.upstreams[0].name=hds-mistral", "--avec.upstreams[0].base-url=" + hds.baseUrl(),
                "--avec.upstreams[0].level=hds", "--avec.upstreams[0].models=mistral-hds",
                "--avec.upstreams[0].model-sizes[0].model=mistral-hds", "--avec.upstreams[0].model-sizes[0].active-billions=24",
                "--avec.upstreams[1].name=ollama-local", "--avec.upstreams[1].base-url=" + onPremise.baseUrl(),
                "--avec.upstreams[1].level=on_premise", "--avec.upstreams[1].models=llama-local,whisper-local",
                "--avec.upstreams[2].name=public-api", "--avec.upstreams[2].base-url=" + publicModel.baseUrl(),
                "--avec.upstreams[2].level=public", "--avec.upstreams[2].models=public-model",
                "--avec.upstreams[3].name=flaky-eu", "--avec.upstreams[3].base-url=" + flaky.baseUrl(),
                "--avec.upstreams[3].level=eu_contract", "--avec.upstreams[3].models=shared-model",
                "--avec.upstreams[3].timeout=1s", "--avec.upstreams[3].stream-idle-timeout=1s",
                "--avec.upstreams[4].name=backup-hds", "--avec.upstreams[4].base-url=" + backup.baseUrl(),
                "--avec.upstreams[4].level=hds", "--avec.upstreams[4].models=shared-model",
                "--avec.upstreams[5].name=down", "--avec.upstreams[5].base-url=http://127.0.0.1:" + closedPort + "/v1",
                "--avec.upstreams[5].level=hds", "--avec.upstreams[5].models=down-model",
                "--avec.use-cases.stream-flag.verification=stream_then_flag",
                "--avec.use-cases.buffered.verification=buffer_then_release",
                "--avec.use-cases.buffered.content-logging=pseudonymized");
        clinician = server.key("dr.martin", Role.CLINICIAN);
    }

    @AfterAll
    static void stop() {
        server.close();
        for (FakeUpstream upstream : List.of(hds, onPremise, publicModel, flaky, backup)) {
            upstream.close();
        }
    }

    @BeforeEach
    void reset() {
        for (FakeUpstream upstream : List.of(hds, onPremise, publicModel, flaky, backup)) {
            upstream.behave(FakeUpstream.Behaviour.ECHO);
            upstream.answer(null);
            upstream.received().clear();
        }
    }

    private static String chat(String model, String content, boolean stream) {
        return JSON.writeValueAsString(JSON.createObjectNode().put("model", model).put("stream", stream)
                .set("messages", JSON.createArrayNode().add(JSON.createObjectNode().put("role", "user").put("content", content))));
    }

    private static StoredAuditEvent audit(String requestId) {
        return server.context().getBean(AuditRecords.class).page(new AuditRecords.Filter(null, null, null, null, null, null), 0, 500)
                .events().stream().filter(e -> e.event().requestId().equals(requestId)).findFirst().orElseThrow();
    }

    @Test
    void pseudonymizesForAnHdsUpstreamAndReidentifiesTheAnswer() throws Exception {
        HttpResponse<String> response = server.post("/v1/chat/completions", clinician, chat("mistral-hds", PROMPT, false), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(hds.received()).hasSize(1);
        assertThat(hds.received().getFirst()).doesNotContain("Dubois").doesNotContain("Claire").doesNotContain("12/03/1961");
        String answer = JSON.readTree(response.body()).path("choices").path(0).path("message").path("content").asString();
        assertThat(answer).isEqualTo("Reçu : " + PROMPT);
        assertThat(response.headers().firstValue("x-avec-request-id")).isPresent();
        assertThat(response.headers().firstValue("x-avec-overhead-ms")).hasValueSatisfying(v -> assertThat(Double.parseDouble(v)).isNotNegative());
        assertThat(response.headers().firstValue("x-avec-findings")).isPresent();
        assertThat(response.headers().firstValue("x-avec-conversation-id")).isPresent();

        StoredAuditEvent event = audit(response.headers().firstValue("x-avec-request-id").orElseThrow());
        assertThat(event.event().level()).isEqualTo("hds");
        assertThat(event.event().upstream()).isEqualTo("hds-mistral");
        assertThat(event.event().categories()).containsKey("NOM");
        assertThat(event.event().promptTokens()).isEqualTo(42);
        assertThat(event.event().completionTokens()).isEqualTo(17);
        assertThat(event.event().energyKwh()).isPositive();
        assertThat(event.event().impactMethod()).isEqualTo("ecologits-0.9");
        assertThat(event.event().content()).isNull();
    }

    @Test
    void sendsRawTextOnlyToOnPremise() throws Exception {
        HttpResponse<String> response = server.post("/v1/chat/completions", clinician, chat("llama-local", PROMPT, false), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(onPremise.received().getFirst()).contains("Dubois");
        assertThat(audit(response.headers().firstValue("x-avec-request-id").orElseThrow()).event().categories()).containsKey("NOM");
    }

    @Test
    void aPublicUpstreamRefusesIdentifyingDataWithTheCategories() throws Exception {
        HttpResponse<String> refused = server.post("/v1/chat/completions", clinician, chat("public-model", PROMPT, false), Map.of());

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("error").path("code").asString()).isEqualTo("identifying_data_refused");
        assertThat(problem.path("categories").has("NOM")).isTrue();
        assertThat(refused.body()).doesNotContain("Dubois");
        assertThat(publicModel.received()).isEmpty();
        assertThat(audit(refused.headers().firstValue("x-avec-request-id").orElseThrow()).event().outcome()).isEqualTo("refused_identifying_data");

        HttpResponse<String> clean = server.post("/v1/chat/completions", clinician,
                chat("public-model", "Explique le mécanisme d'action des IEC en deux phrases.", false), Map.of());
        assertThat(clean.statusCode()).isEqualTo(200);
        assertThat(publicModel.received()).hasSize(1);
    }

    @Test
    void streamsWithReidentificationAndAFinalFindingsEvent() throws Exception {
        for (String useCase : List.of("stream-flag", "buffered")) {
            HttpResponse<java.io.InputStream> response = server.postStreaming("/v1/chat/completions", clinician,
                    chat("mistral-hds", PROMPT, true), Map.of("x-avec-use-case", useCase));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            List<String> lines;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                lines = reader.lines().toList();
            }
            String text = lines.stream().filter(l -> l.startsWith("data: {") && l.contains("chat.completion.chunk"))
                    .map(l -> JSON.readTree(l.substring(6)).path("choices").path(0).path("delta").path("content").asString(""))
                    .collect(Collectors.joining());
            assertThat(text).as(useCase).isEqualTo("Reçu : " + PROMPT);
            assertThat(lines).contains("event: avec.findings");
            assertThat(lines.getLast().isEmpty() ? lines.get(lines.size() - 2) : lines.getLast()).isEqualTo("data: [DONE]");
            assertThat(hds.received().getLast()).doesNotContain("Dubois");
        }
    }

    @Test
    void verifiesAnswersAgainstTheMessages() throws Exception {
        String prompt = "Mme Claire Dubois, 64 ans. TA 120/80 mmHg. Pas de fièvre. Traitement : ramipril 5 mg.";
        hds.answer("Patiente de 64 ans, TA 160/95 mmHg, ramipril 5 mg.");
        HttpResponse<String> buffered = server.post("/v1/chat/completions", clinician, chat("mistral-hds", prompt, false),
                Map.of("x-avec-use-case", "buffered"));
        assertThat(buffered.statusCode()).isEqualTo(200);
        assertThat(buffered.headers().firstValue("x-avec-findings")).hasValueSatisfying(v -> assertThat(v).contains("NUMBER_NOT_IN_SOURCE="));
        StoredAuditEvent event = audit(buffered.headers().firstValue("x-avec-request-id").orElseThrow());
        assertThat(event.event().findings()).containsKey("NUMBER_NOT_IN_SOURCE");
        assertThat(event.event().verificationMode()).isEqualTo("buffer_then_release");
        // Pseudonymized content is kept for this route: the upstream's view, never the real name.
        assertThat(event.event().content()).isNotNull().doesNotContain("Dubois");

        HttpResponse<String> streamed = server.post("/v1/chat/completions", clinician, chat("mistral-hds", prompt, true),
                Map.of("x-avec-use-case", "stream-flag"));
        assertThat(streamed.body()).contains("event: avec.findings").contains("NUMBER_NOT_IN_SOURCE");

        hds.answer("Patiente de 64 ans, TA 120/80 mmHg, ramipril 5 mg.");
        HttpResponse<String> grounded = server.post("/v1/chat/completions", clinician, chat("mistral-hds", prompt, false),
                Map.of("x-avec-use-case", "buffered"));
        assertThat(grounded.headers().firstValue("x-avec-findings")).hasValueSatisfying(v -> assertThat(v).doesNotContain("NUMBER_NOT_IN_SOURCE"));
    }

    @Test
    void toolCallArgumentsArePseudonymizedToo() throws Exception {
        String request = """
                {"model":"mistral-hds","response_format":{"type":"json_object"},
                 "tools":[{"type":"function","function":{"name":"find_patient","parameters":{"type":"object"}}}],
                 "messages":[{"role":"user","content":"Cherche le dossier."},
                  {"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"find_patient",
                    "arguments":"{\\"nom\\":\\"Mme Claire Dubois\\",\\"naissance\\":\\"12/03/1961\\"}"}}]},
                  {"role":"tool","tool_call_id":"c1","content":"Dossier de Mme Claire Dubois trouvé."},
                  {"role":"user","content":"Résume."}]}""";
        HttpResponse<String> response = server.post("/v1/chat/completions", clinician, request, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        String sent = hds.received().getFirst();
        assertThat(sent).doesNotContain("Dubois").contains("json_object").contains("find_patient");
    }

    @Test
    void fallsBackToAnUpstreamOfTheSameOrHigherLevel() throws Exception {
        flaky.behave(FakeUpstream.Behaviour.STATUS_503);
        HttpResponse<String> response = server.post("/v1/chat/completions", clinician, chat("shared-model", PROMPT, false), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(flaky.received()).hasSize(1);
        assertThat(backup.received()).hasSize(1);
        assertThat(audit(response.headers().firstValue("x-avec-request-id").orElseThrow()).event().upstream()).isEqualTo("backup-hds");
    }

    @Test
    void upstreamFaultsGiveClearErrorsWithoutPatientText() throws Exception {
        Map<FakeUpstream.Behaviour, String> expected = Map.of(
                FakeUpstream.Behaviour.STATUS_500, "upstream_status_500",
                FakeUpstream.Behaviour.GARBAGE, "upstream_invalid_response",
                FakeUpstream.Behaviour.SLOW, "upstream_timeout");
        for (var fault : expected.entrySet()) {
            flaky.behave(fault.getKey());
            HttpResponse<String> response = server.post("/v1/chat/completions", clinician, chat("shared-model", PROMPT, false), Map.of());
            assertThat(response.statusCode()).as(fault.getKey().name()).isIn(502, 504);
            assertThat(JSON.readTree(response.body()).path("error").path("code").asString()).isEqualTo(fault.getValue());
            assertThat(response.body()).doesNotContain("Dubois").doesNotContain("boom");
            // A 500, a garbage answer or a timeout may have been processed: no fallback, no duplicate.
            assertThat(backup.received()).isEmpty();
        }

        HttpResponse<String> down = server.post("/v1/chat/completions", clinician, chat("down-model", PROMPT, false), Map.of());
        assertThat(down.statusCode()).isEqualTo(502);
        assertThat(JSON.readTree(down.body()).path("error").path("code").asString()).isEqualTo("upstream_unreachable");

        flaky.behave(FakeUpstream.Behaviour.CUT_STREAM);
        HttpResponse<String> cut = server.post("/v1/chat/completions", clinician, chat("shared-model", PROMPT, true),
                Map.of("x-avec-use-case", "stream-flag"));
        assertThat(cut.statusCode()).isEqualTo(200);
        assertThat(cut.body()).contains("upstream_stream_cut").doesNotContain("[DONE]");
        HttpResponse<String> cutBuffered = server.post("/v1/chat/completions", clinician, chat("shared-model", PROMPT, true),
                Map.of("x-avec-use-case", "buffered"));
        assertThat(cutBuffered.statusCode()).isEqualTo(502);
        assertThat(cutBuffered.body()).contains("upstream_stream_cut");

        flaky.behave(FakeUpstream.Behaviour.STALL_STREAM);
        HttpResponse<String> stalled = server.post("/v1/chat/completions", clinician, chat("shared-model", PROMPT, true),
                Map.of("x-avec-use-case", "stream-flag"));
        assertThat(stalled.body()).contains("upstream_timeout").doesNotContain("[DONE]");

        assertThat(server.context().getBean(AuditRecords.class).verify().valid()).isTrue();
        JdbcClient jdbc = server.context().getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE outcome = 'upstream_error'").query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void unknownModelsAndUseCasesAreClientErrors() throws Exception {
        HttpResponse<String> model = server.post("/v1/chat/completions", clinician, chat("gpt-9", PROMPT, false), Map.of());
        assertThat(model.statusCode()).isEqualTo(404);
        assertThat(model.body()).contains("model_not_found");
        HttpResponse<String> useCase = server.post("/v1/chat/completions", clinician, chat("mistral-hds", PROMPT, false),
                Map.of("x-avec-use-case", "inconnu"));
        assertThat(useCase.statusCode()).isEqualTo(400);
        String scoped = server.key("scribe", Role.SERVICE, "buffered");
        HttpResponse<String> outOfScope = server.post("/v1/chat/completions", scoped, chat("mistral-hds", PROMPT, false), Map.of());
        assertThat(outOfScope.statusCode()).isEqualTo(403);
        assertThat(outOfScope.body()).contains("use_case_not_allowed");
    }

    @Test
    void transcriptionsGoOnlyToOnPremiseAndAreAudited() throws Exception {
        String boundary = "avectest";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-local\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dictee.wav\"\r\nContent-Type: audio/wav\r\n\r\n"
                + "RIFF....WAVEfmt " + "\r\n--" + boundary + "--\r\n";
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + server.port() + "/v1/audio/transcriptions"))
                .header("Authorization", "Bearer " + clinician)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("text").asString()).contains("Claire Dubois");
        StoredAuditEvent event = audit(response.headers().firstValue("x-avec-request-id").orElseThrow());
        assertThat(event.event().action()).isEqualTo("audio.transcriptions");
        assertThat(event.event().upstream()).isEqualTo("ollama-local");
        assertThat(event.event().categories()).containsKey("NOM");

        String toHds = form.replace("whisper-local", "mistral-hds");
        HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + server.port() + "/v1/audio/transcriptions"))
                .header("Authorization", "Bearer " + clinician)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(toHds)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("audio_not_allowed");
        assertThat(hds.received()).isEmpty();
    }

    @Test
    void listsTheConfiguredModels() throws Exception {
        HttpResponse<String> response = server.get("/v1/models", clinician);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode models = JSON.readTree(response.body());
        assertThat(models.path("object").asString()).isEqualTo("list");
        assertThat(models.path("data").valueStream().map(m -> m.path("id").asString()))
                .contains("mistral-hds", "llama-local", "public-model", "shared-model");
    }

    @Test
    void noPatientTextInTheAuditTrailOrTheMetrics() throws Exception {
        server.post("/v1/chat/completions", clinician, chat("mistral-hds", PROMPT, false), Map.of());
        server.post("/v1/chat/completions", clinician, chat("public-model", PROMPT, false), Map.of());
        JdbcClient jdbc = server.context().getBean(JdbcClient.class);
        List<String> rows = jdbc.sql("SELECT CONCAT(request_id, actor, categories, findings, outcome, COALESCE(content, '')) FROM audit_event")
                .query(String.class).list();
        assertThat(rows).isNotEmpty().noneMatch(r -> r.contains("Dubois") || r.contains("1961"));
        String admin = server.key("admin.si", Role.ADMIN);
        String metrics = server.get("/actuator/prometheus", admin).body();
        assertThat(metrics).contains("avec_gateway_requests_total").contains("avec_gateway_overhead_seconds")
                .doesNotContain("Dubois").doesNotContain("Claire");
    }
}
