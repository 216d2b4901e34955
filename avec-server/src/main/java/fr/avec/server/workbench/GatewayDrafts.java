package fr.avec.server.workbench;

import fr.avec.server.gateway.ServerSentEvents;
import fr.avec.server.gateway.ConfidentialityLevel;
import fr.avec.server.gateway.GatewayProperties;
import fr.avec.server.gateway.Upstreams;
import fr.avec.server.security.ApiKeys;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drafts notes through Avec's own gateway, over HTTP to the local {@code /v1/chat/completions}, so that
 * a workbench request is routed, pseudonymized, verified and audited exactly like any other client's. Each
 * clinician calls with a key of their own (created on first use, held in memory only, scoped to the
 * workbench use case, revoked when the server stops), so that the audit trail names the person.
 */
@Component
public class GatewayDrafts {

    private final ApiKeys keys;
    private final JdbcClient jdbc;
    private final Environment environment;
    private final Upstreams upstreams;
    private final GatewayProperties gateway;
    private final String useCase;
    private final String configuredUrl;
    private final String transcriptionModel;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    /** A draft as the gateway released it. */
    public record Draft(String text, String requestId, String modelVersion) {
    }

    /** A model the clinician may choose for this use case, with where it runs. */
    public record ModelChoice(String model, String upstream, String level) {
    }

    /** The gateway refused or failed; {@code message} is safe to show (no patient text). */
    public static final class DraftFailed extends Exception {
        private final int status;

        DraftFailed(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public GatewayDrafts(ApiKeys keys, JdbcClient jdbc, Environment environment, Upstreams upstreams, GatewayProperties gateway,
                         @Value("${avec.workbench.use-case:default}") String useCase,
                         @Value("${avec.workbench.gateway-url:}") String configuredUrl,
                         @Value("${avec.workbench.transcription-model:whisper-1}") String transcriptionModel) {
        this.transcriptionModel = transcriptionModel;
        this.keys = keys;
        this.jdbc = jdbc;
        this.environment = environment;
        this.upstreams = upstreams;
        this.gateway = gateway;
        this.useCase = useCase;
        this.configuredUrl = configuredUrl;
    }

    /** The gateway use case of workbench requests ({@code avec.workbench.use-case}). */
    public String useCase() {
        return useCase;
    }

    /**
     * The models allowed for consultation data: served by an upstream trusted at least at the use case's
     * minimum level, and never a public one (identifying health data is refused there).
     */
    public List<ModelChoice> models() {
        ConfidentialityLevel minimum = gateway.useCase(useCase).map(GatewayProperties.UseCase::minimumLevel)
                .orElse(ConfidentialityLevel.PUBLIC);
        Map<String, ModelChoice> choices = new LinkedHashMap<>();
        for (GatewayProperties.Upstream upstream : upstreams.all()) {
            if (upstream.level() == ConfidentialityLevel.PUBLIC || !upstream.level().atLeast(minimum)) {
                continue;
            }
            for (String model : upstream.models()) {
                choices.putIfAbsent(model, new ModelChoice(model, upstream.name(), upstream.level().id()));
            }
        }
        return List.copyOf(choices.values());
    }

    /**
     * Asks the gateway for a draft with a streamed answer, passing each piece of text to {@code deltas}
     * as it arrives; returns the whole draft once the gateway has released it.
     */
    public Draft generate(String user, String model, String systemPrompt, String transcript, Consumer<String> deltas)
            throws DraftFailed, IOException, InterruptedException {
        return compose(user, model, systemPrompt, "Transcription de la consultation :\n\n" + transcript, deltas);
    }

    /**
     * Asks the gateway for a draft from a system prompt and a user message of the caller's making (the literature
     * and patient-education use cases), streamed like {@link #generate}.
     */
    public Draft compose(String user, String model, String systemPrompt, String userMessage, Consumer<String> deltas)
            throws DraftFailed, IOException, InterruptedException {
        ObjectNode body = json.createObjectNode();
        body.put("model", model);
        body.put("stream", true);
        body.put("temperature", 0.2);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", systemPrompt);
        messages.addObject().put("role", "user").put("content", userMessage);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + secret(user))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .header("x-avec-use-case", useCase)
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        String requestId = response.headers().firstValue("x-avec-request-id").orElse(null);
        if (response.statusCode() != 200) {
            try (InputStream in = response.body()) {
                throw new DraftFailed(response.statusCode(), errorMessage(in.readAllBytes()));
            }
        }
        StringBuilder text = new StringBuilder();
        String modelVersion = null;
        boolean done = false;
        try (ServerSentEvents stream = new ServerSentEvents(response.body(), () -> { })) {
            ServerSentEvents.Event sse;
            while ((sse = stream.next()) != null) {
                if (!sse.unnamed()) {
                    // Named events (avec.findings) are the gateway's own counts; the workbench verifies in full itself.
                    continue;
                }
                String data = sse.data().trim();
                if (data.equals("[DONE]")) {
                    done = true;
                    break;
                }
                JsonNode chunk;
                try {
                    chunk = json.readTree(data);
                } catch (JacksonException garbage) {
                    throw new DraftFailed(502, "The gateway sent an unreadable answer.");
                }
                if (chunk.has("error")) {
                    throw new DraftFailed(502, chunk.path("error").path("message").asString("The model failed during the answer."));
                }
                if (modelVersion == null && chunk.path("model").isString()) {
                    modelVersion = chunk.path("model").asString();
                }
                JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
                if (content.isString() && !content.asString().isEmpty()) {
                    text.append(content.asString());
                    deltas.accept(content.asString());
                }
            }
        }
        if (!done) {
            throw new DraftFailed(502, "The answer was cut before its end.");
        }
        return new Draft(text.toString(), requestId, modelVersion);
    }

    /** Whether an upstream allowed raw audio (on_premise) serves the transcription model. */
    public boolean transcriptionAvailable() {
        return upstreams.all().stream().anyMatch(u -> u.level() == ConfidentialityLevel.ON_PREMISE
                && (u.models().isEmpty() || u.models().contains(transcriptionModel)));
    }

    /** Transcribes a recording through the gateway's {@code /v1/audio/transcriptions} (French). */
    public String transcribe(String user, ConsultationAudio audio) throws DraftFailed, IOException, InterruptedException {
        String boundary = "avec" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(audio.bytes().length + 1024);
        for (var field : Map.of("model", transcriptionModel, "language", "fr", "response_format", "json").entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + audio.fileName()
                + "\"\r\nContent-Type: " + audio.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(audio.bytes());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/audio/transcriptions"))
                .header("Authorization", "Bearer " + secret(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("x-avec-use-case", useCase)
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new DraftFailed(response.statusCode(), errorMessage(response.body()));
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.contains("json")) {
            return new String(response.body(), StandardCharsets.UTF_8).strip();
        }
        try {
            return json.readTree(response.body()).path("text").asString("").strip();
        } catch (JacksonException garbage) {
            throw new DraftFailed(502, "The transcription could not be read.");
        }
    }

    private String errorMessage(byte[] body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            String message = error.path("message").asString("");
            return message.isBlank() ? "The gateway refused the request." : message;
        } catch (JacksonException notJson) {
            return "The gateway refused the request.";
        }
    }

    private String baseUrl() {
        if (!configuredUrl.isBlank()) {
            return configuredUrl.endsWith("/") ? configuredUrl.substring(0, configuredUrl.length() - 1) : configuredUrl;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port;
    }

    private String secret(String user) {
        return secrets.computeIfAbsent(user, name -> keys.create(name, Optional.empty(), Set.of(useCase), null).secret());
    }

    /** Revokes the keys made for this run: they were never shown to anyone and must not outlive it. */
    @PreDestroy
    void revokeKeys() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (String secret : secrets.values()) {
            try {
                jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE key_hash = ? AND revoked_at IS NULL").params(now, sha256(secret)).update();
            } catch (RuntimeException databaseGone) {
                // Shutting down without a database: the key's secret dies with this process anyway.
            }
        }
        secrets.clear();
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
