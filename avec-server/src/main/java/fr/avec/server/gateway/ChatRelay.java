package fr.avec.server.gateway;

import fr.avec.server.audit.AuditTrail;
import fr.avec.server.audit.AuditUnavailableException;
import fr.avec.server.audit.ContentSealer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Relays one chat completion: route, apply the upstream's policy to what leaves (raw, pseudonymized or
 * refused), call the upstream with fallbacks, re-identify and verify what comes back, estimate the
 * impact, record the audit event durably, then release the answer. Every failure of a safeguard stops
 * the request (fail closed).
 */
@Component
public class ChatRelay {

    private static final Logger LOG = LoggerFactory.getLogger(ChatRelay.class);
    static final String USE_CASE_HEADER = "x-avec-use-case";
    static final String CONVERSATION_HEADER = "x-avec-conversation-id";

    private final GatewayProperties properties;
    private final Upstreams upstreams;
    private final UpstreamClient client;
    private final ObjectProvider<Shield> shield;
    private final ObjectProvider<AnswerVerifier> verifier;
    private final AuditTrail audit;
    private final ContentSealer sealer;
    private final ImpactAccounting impacts;
    private final GatewayMetrics metrics;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ObservationRegistry observations;
    private final StreamWatchdog watchdog = new StreamWatchdog();

    public ChatRelay(GatewayProperties properties, Upstreams upstreams, UpstreamClient client, ObjectProvider<Shield> shield,
                     ObjectProvider<AnswerVerifier> verifier, AuditTrail audit, ContentSealer sealer,
                     ImpactAccounting impacts, GatewayMetrics metrics, ObjectProvider<ObservationRegistry> observations) {
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        this.properties = properties;
        this.upstreams = upstreams;
        this.client = client;
        this.shield = shield;
        this.verifier = verifier;
        this.audit = audit;
        this.sealer = sealer;
        this.impacts = impacts;
        this.metrics = metrics;
        for (var entry : properties.useCases().entrySet()) {
            if (entry.getValue().contentLogging() == ContentLevel.FULL_ENCRYPTED && !sealer.available()) {
                throw new IllegalArgumentException("use case " + entry.getKey() + " keeps full_encrypted content: set avec.audit.content-key");
            }
        }
    }

    /** What leaves for one upstream: the body to send, and the conversation when pseudonymized. */
    private record Outbound(byte[] body, Shield.Session session, String sentText, List<String> sources) {
    }

    @jakarta.annotation.PreDestroy
    void stopWatchdog() {
        watchdog.close();
    }

    void relay(Exchange exchange, byte[] body, String useCaseHeader, String conversationHeader, HttpServletResponse response)
            throws IOException {
        response.setHeader("x-avec-request-id", exchange.requestId);
        // OpenTelemetry GenAI semantic conventions: span attributes when a tracing bridge is present, a timer otherwise.
        Observation observation = Observation.createNotStarted("gen_ai.client.operation", observations)
                .lowCardinalityKeyValue("gen_ai.operation.name", "chat")
                .highCardinalityKeyValue("avec.request_id", exchange.requestId)
                .start();
        try (Observation.Scope scope = observation.openScope()) {
            relayObserved(exchange, body, useCaseHeader, conversationHeader, response);
        } finally {
            observation.lowCardinalityKeyValue("gen_ai.request.model", exchange.model == null ? "none" : exchange.model)
                    .lowCardinalityKeyValue("gen_ai.provider.name", exchange.upstream == null ? "none" : exchange.upstream.name())
                    .lowCardinalityKeyValue("avec.level", exchange.upstream == null ? "none" : exchange.upstream.level().id())
                    .highCardinalityKeyValue("gen_ai.usage.input_tokens", String.valueOf(exchange.promptTokens))
                    .highCardinalityKeyValue("gen_ai.usage.output_tokens", String.valueOf(exchange.completionTokens))
                    .stop();
        }
    }

    private void relayObserved(Exchange exchange, byte[] body, String useCaseHeader, String conversationHeader, HttpServletResponse response)
            throws IOException {
        try {
            JsonNode request = parse(body);
            exchange.model = request.path("model").asString(null);
            if (exchange.model == null || exchange.model.isBlank()) {
                throw new GatewayRefusal("invalid_request", new ApiError(400, "invalid_request_error", "missing_model", "The request names no model."));
            }
            if (!request.path("messages").isArray()) {
                throw new GatewayRefusal("invalid_request", new ApiError(400, "invalid_request_error", "missing_messages", "The request has no messages array."));
            }
            boolean stream = request.path("stream").asBoolean(false);
            routeUseCase(exchange, useCaseHeader);
            List<GatewayProperties.Upstream> route = upstreams.route(exchange.model, exchange.useCase.minimumLevel());
            if (route.isEmpty()) {
                throw new GatewayRefusal("invalid_request", new ApiError(404, "invalid_request_error", "model_not_found",
                        "The model '" + printable(exchange.model) + "' is not served for this use case."));
            }
            audit.ensureWritable();
            Map<Boolean, Outbound> prepared = new HashMap<>();
            UpstreamFailure last = null;
            for (GatewayProperties.Upstream upstream : route) {
                exchange.upstream = upstream;
                Outbound outbound = prepared.get(upstream.pseudonymize());
                if (outbound == null || upstream.level() == ConfidentialityLevel.PUBLIC) {
                    outbound = prepare(exchange, request, upstream, conversationHeader);
                    prepared.put(upstream.pseudonymize(), outbound);
                }
                try {
                    if (stream) {
                        relayStream(exchange, request, outbound, upstream, response);
                    } else {
                        relayAnswer(exchange, request, outbound, upstream, response);
                    }
                    return;
                } catch (UpstreamFailure failure) {
                    last = failure;
                    if (!failure.retryable()) {
                        break;
                    }
                    metrics.fallback(upstream.name());
                    LOG.atWarn().addKeyValue("request_id", exchange.requestId).addKeyValue("upstream", upstream.name())
                            .addKeyValue("failure", failure.kind()).log("upstream failed, trying the next one");
                }
            }
            throw new GatewayRefusal("upstream_error", last.toApiError());
        } catch (GatewayRefusal refusal) {
            fail(exchange, refusal.outcome(), refusal.error(), response);
        } catch (ShieldException protectFailed) {
            fail(exchange, "protect_error", ApiError.PROTECTION_UNAVAILABLE, response);
        } catch (AuditUnavailableException auditDown) {
            fail(exchange, "audit_error", ApiError.AUDIT_UNAVAILABLE, response);
        } catch (StreamAlreadyAnswered told) {
            // The client received an error event and the audit trail the outcome.
        }
    }

    /** Relays a transcription to an upstream allowed raw audio, counting the transcript's identifying data. */
    void transcribe(Exchange exchange, org.springframework.web.multipart.MultipartFile file, Map<String, String> fields,
                    HttpServletResponse response) throws IOException {
        try {
            routeUseCase(exchange, exchange.useCaseName);
            List<GatewayProperties.Upstream> route = upstreams.route(exchange.model, exchange.useCase.minimumLevel());
            if (route.isEmpty()) {
                throw new GatewayRefusal("invalid_request", new ApiError(404, "invalid_request_error", "model_not_found",
                        "The model '" + printable(exchange.model) + "' is not served for this use case."));
            }
            List<GatewayProperties.Upstream> raw = route.stream().filter(u -> !u.pseudonymize()).toList();
            if (raw.isEmpty()) {
                throw new GatewayRefusal("refused_identifying_data", new ApiError(422, "invalid_request_error", "audio_not_allowed",
                        "Audio cannot be pseudonymized: it only goes to an on_premise upstream, and none serves this model."));
            }
            audit.ensureWritable();
            Shield engine = shield.getIfAvailable();
            if (engine == null) {
                throw new ShieldException("no Protect engine is configured", null);
            }
            Shield.Session session = engine.open(exchange.caller.user(), null, exchange.useCase.operators(), true);
            Map<String, String> form = new TreeMap<>(fields);
            form.remove("file");
            String boundary = "avec" + java.util.UUID.randomUUID().toString().replace("-", "");
            byte[] body = GatewayController.multipart(boundary, form, file);
            UpstreamClient.Answer answer = null;
            UpstreamFailure last = null;
            for (GatewayProperties.Upstream upstream : raw) {
                exchange.upstream = upstream;
                long before = System.nanoTime();
                try {
                    answer = client.post(upstream, "/audio/transcriptions", body, "multipart/form-data; boundary=" + boundary);
                    break;
                } catch (UpstreamFailure failure) {
                    last = failure;
                    if (!failure.retryable()) {
                        break;
                    }
                    metrics.fallback(upstream.name());
                } finally {
                    exchange.upstreamNanos += System.nanoTime() - before;
                }
            }
            if (answer == null) {
                throw new GatewayRefusal("upstream_error", last.toApiError());
            }
            String transcript = new String(answer.body(), StandardCharsets.UTF_8);
            if (answer.contentType().contains("json")) {
                try {
                    transcript = json.readTree(answer.body()).path("text").asString("");
                } catch (JacksonException garbage) {
                    throw new GatewayRefusal("upstream_error", new UpstreamFailure(UpstreamFailure.Kind.GARBAGE,
                            exchange.upstream.name(), 200, "invalid JSON", null).toApiError());
                }
            }
            exchange.categories = new TreeMap<>(session.detect(transcript));
            exchange.answerText = transcript;
            record(exchange, "released", 200);
            response.setStatus(200);
            response.setContentType(answer.contentType().isEmpty() ? "application/json" : answer.contentType());
            response.setHeader("x-avec-overhead-ms", millis(exchange.overheadNanos()));
            response.setHeader("x-avec-findings", exchange.findingsHeader());
            response.setContentLength(answer.body().length);
            response.getOutputStream().write(answer.body());
        } catch (GatewayRefusal refusal) {
            fail(exchange, refusal.outcome(), refusal.error(), response);
        } catch (ShieldException protectFailed) {
            fail(exchange, "protect_error", ApiError.PROTECTION_UNAVAILABLE, response);
        } catch (AuditUnavailableException auditDown) {
            fail(exchange, "audit_error", ApiError.AUDIT_UNAVAILABLE, response);
        }
    }

    /**
     * The conversation of a request: the {@code x-avec-conversation-id} header, else one derived from the
     * first user message, which a client resends with the whole history at every turn.
     */
    static String conversationId(String header, JsonNode request) {
        if (header != null && !header.isBlank()) {
            return header;
        }
        for (JsonNode message : request.path("messages")) {
            if (message.path("role").asString("").equals("user")) {
                try {
                    byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                            .digest(message.path("content").toString().getBytes(StandardCharsets.UTF_8));
                    return "hist_" + java.util.HexFormat.of().formatHex(digest, 0, 16);
                } catch (java.security.NoSuchAlgorithmException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        return null;
    }

    /** A request with one user message and no earlier answer or tool result: nothing to continue. */
    static boolean firstTurn(JsonNode request) {
        int users = 0;
        for (JsonNode message : request.path("messages")) {
            String role = message.path("role").asString("");
            if (role.equals("assistant") || role.equals("tool")) {
                return false;
            }
            if (role.equals("user")) {
                users++;
            }
        }
        return users <= 1;
    }

    private void routeUseCase(Exchange exchange, String useCaseHeader) throws GatewayRefusal {
        exchange.useCaseName = useCaseHeader == null || useCaseHeader.isBlank() ? GatewayProperties.DEFAULT_USE_CASE : useCaseHeader.trim();
        exchange.useCase = properties.useCase(exchange.useCaseName).orElseThrow(() -> new GatewayRefusal("invalid_request",
                new ApiError(400, "invalid_request_error", "unknown_use_case", "Unknown use case '" + printable(exchange.useCaseName) + "'.")));
        if (!exchange.caller.mayUse(exchange.useCaseName)) {
            throw new GatewayRefusal("forbidden", new ApiError(403, "permission_error", "use_case_not_allowed",
                    "This API key is not allowed the use case '" + exchange.useCaseName + "'."));
        }
    }

    private JsonNode parse(byte[] body) throws GatewayRefusal {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new GatewayRefusal("invalid_request", new ApiError(400, "invalid_request_error", "invalid_json", "The body is not a JSON object."));
            }
            return node;
        } catch (JacksonException garbage) {
            throw new GatewayRefusal("invalid_request", new ApiError(400, "invalid_request_error", "invalid_json", "The body is not valid JSON."));
        }
    }

    /** Applies the level policy: raw to on_premise, pseudonymized to hds/eu_contract, refused to public if identifying. */
    private Outbound prepare(Exchange exchange, JsonNode request, GatewayProperties.Upstream upstream, String conversationHeader)
            throws ShieldException, GatewayRefusal {
        Shield engine = shield.getIfAvailable();
        if (engine == null) {
            throw new ShieldException("no Protect engine is configured", null);
        }
        long opening = System.nanoTime();
        boolean fresh = (conversationHeader == null || conversationHeader.isBlank()) && firstTurn(request);
        Shield.Session session = engine.open(exchange.caller.user(), conversationId(conversationHeader, request), exchange.useCase.operators(), fresh);
        metrics.phase("vault_load", System.nanoTime() - opening);
        long protecting = System.nanoTime();
        try {
            return prepareWith(exchange, request, upstream, session);
        } finally {
            metrics.phase("protect", System.nanoTime() - protecting);
        }
    }

    private Outbound prepareWith(Exchange exchange, JsonNode request, GatewayProperties.Upstream upstream, Shield.Session session)
            throws ShieldException, GatewayRefusal {
        if (!upstream.pseudonymize() || upstream.level() == ConfidentialityLevel.PUBLIC) {
            Map<String, Integer> found = new TreeMap<>();
            for (String text : ChatPayload.sources(request)) {
                session.detect(text).forEach((label, n) -> found.merge(label, n, Integer::sum));
            }
            exchange.categories = found;
            if (upstream.level() == ConfidentialityLevel.PUBLIC && !found.isEmpty()) {
                throw new GatewayRefusal("refused_identifying_data", new ApiError(422, "invalid_request_error", "identifying_data_refused",
                        "The upstream " + upstream.name() + " is public: requests with identifying data are refused (found "
                                + String.join(", ", found.keySet()) + ").", Map.of("categories", found)));
            }
            return new Outbound(json.writeValueAsBytes(request), null, null, ChatPayload.sources(request));
        }
        JsonNode copy = request.deepCopy();
        ChatPayload.mapRequest(copy, session::pseudonymize);
        exchange.categories = new TreeMap<>(session.categories());
        List<String> sources = ChatPayload.sources(copy);
        return new Outbound(json.writeValueAsBytes(copy), session, String.join("\n", sources), sources);
    }

    private void relayAnswer(Exchange exchange, JsonNode request, Outbound outbound, GatewayProperties.Upstream upstream,
                             HttpServletResponse response) throws UpstreamFailure, ShieldException, IOException {
        long before = System.nanoTime();
        UpstreamClient.Answer answer;
        try {
            answer = client.post(upstream, "/chat/completions", outbound.body(), "application/json");
        } finally {
            exchange.upstreamNanos += System.nanoTime() - before;
            metrics.phase("upstream", System.nanoTime() - before);
        }
        JsonNode body;
        try {
            body = json.readTree(answer.body());
        } catch (JacksonException garbage) {
            throw new UpstreamFailure(UpstreamFailure.Kind.GARBAGE, upstream.name(), answer.status(), "invalid JSON", null);
        }
        if (body == null || !body.path("choices").isArray()) {
            throw new UpstreamFailure(UpstreamFailure.Kind.GARBAGE, upstream.name(), answer.status(), "no choices", null);
        }
        exchange.pseudonymizedAnswer = ChatPayload.answerText(body);
        if (outbound.session() != null) {
            ChatPayload.mapAnswer(body, outbound.session()::reidentify);
        }
        exchange.answerText = ChatPayload.answerText(body);
        exchange.sentText = outbound.sentText();
        usage(exchange, body.path("usage"));
        verify(exchange, outbound);
        if (outbound.session() != null) {
            exchange.sealed = outbound.session().seal().orElse(null);
            response.setHeader(CONVERSATION_HEADER, outbound.session().conversationId());
        }
        byte[] bytes = json.writeValueAsBytes(body);
        record(exchange, "released", 200);
        response.setStatus(200);
        response.setContentType("application/json");
        response.setHeader("x-avec-overhead-ms", millis(exchange.overheadNanos()));
        response.setHeader("x-avec-findings", exchange.findingsHeader());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private void relayStream(Exchange exchange, JsonNode request, Outbound outbound, GatewayProperties.Upstream upstream,
                             HttpServletResponse response) throws UpstreamFailure, ShieldException, IOException {
        boolean buffer = exchange.useCase.verification() == VerificationMode.BUFFER_THEN_RELEASE;
        long before = System.nanoTime();
        InputStream events;
        try {
            events = client.stream(upstream, "/chat/completions", outbound.body());
        } finally {
            exchange.upstreamNanos += System.nanoTime() - before;
        }
        Map<String, Shield.StreamReidentifier> reidentifiers = new HashMap<>();
        StringBuilder answer = new StringBuilder();
        StringBuilder pseudonymized = new StringBuilder();
        List<String> pending = new ArrayList<>();
        OutputStream out = null;
        boolean done = false;
        try (events; StreamWatchdog.Watch watch = watchdog.watch(events, upstream.streamIdleTimeout());
             ServerSentEvents stream = new ServerSentEvents(events, watch::touch)) {
            if (!buffer) {
                out = openStream(exchange, outbound, response);
            }
            while (true) {
                long waitStart = System.nanoTime();
                ServerSentEvents.Event sse;
                try {
                    sse = stream.next();
                } catch (IOException cut) {
                    sse = null;
                } finally {
                    exchange.upstreamNanos += System.nanoTime() - waitStart;
                }
                if (sse == null) {
                    break;
                }
                if (!sse.unnamed()) {
                    // Named events are an upstream's own extensions, not chunks of the answer.
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
                    throw streamFailure(exchange, out, new UpstreamFailure(UpstreamFailure.Kind.GARBAGE, upstream.name(), 200, "invalid chunk", null));
                }
                collectDelta(chunk, pseudonymized);
                if (outbound.session() != null) {
                    reidentifyChunk(chunk, outbound.session(), reidentifiers);
                }
                collectDelta(chunk, answer);
                usage(exchange, chunk.path("usage"));
                String event = "data: " + json.writeValueAsString(chunk) + "\n\n";
                if (buffer) {
                    pending.add(event);
                } else {
                    out.write(event.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
            if (!done) {
                UpstreamFailure.Kind kind = watch.expired() ? UpstreamFailure.Kind.TIMEOUT : UpstreamFailure.Kind.CUT;
                throw streamFailure(exchange, out, new UpstreamFailure(kind, upstream.name(), 200, "stream ended early", null));
            }
            String tail = finishReidentifiers(reidentifiers);
            if (!tail.isEmpty()) {
                answer.append(tail);
                String event = "data: " + json.writeValueAsString(json.createObjectNode().put("object", "chat.completion.chunk")
                        .set("choices", json.createArrayNode().add(json.createObjectNode().put("index", 0)
                                .set("delta", json.createObjectNode().put("content", tail))))) + "\n\n";
                if (buffer) {
                    pending.add(event);
                } else {
                    out.write(event.getBytes(StandardCharsets.UTF_8));
                }
            }
            exchange.answerText = answer.toString();
            exchange.pseudonymizedAnswer = pseudonymized.toString();
            exchange.sentText = outbound.sentText();
            verify(exchange, outbound);
            if (outbound.session() != null) {
                exchange.sealed = outbound.session().seal().orElse(null);
            }
            try {
                record(exchange, "released", 200);
            } catch (AuditUnavailableException auditDown) {
                if (out == null) {
                    throw auditDown;
                }
                writeErrorEvent(out, new ApiError(503, "server_error", "audit_unavailable", "The audit trail cannot record this request."));
                return;
            }
            if (buffer) {
                out = openStream(exchange, outbound, response);
                for (String event : pending) {
                    out.write(event.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (exchange.useCase.verification() != VerificationMode.NONE) {
                out.write(("event: avec.findings\ndata: " + json.writeValueAsString(Map.of("request_id", exchange.requestId,
                        "findings", exchange.findings, "verified", exchange.verified)) + "\n\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private OutputStream openStream(Exchange exchange, Outbound outbound, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("x-avec-overhead-ms", millis(exchange.overheadNanos()));
        if (exchange.useCase.verification() == VerificationMode.BUFFER_THEN_RELEASE) {
            response.setHeader("x-avec-findings", exchange.findingsHeader());
        }
        if (outbound.session() != null) {
            response.setHeader(CONVERSATION_HEADER, outbound.session().conversationId());
        }
        OutputStream out = response.getOutputStream();
        out.flush();
        return out;
    }

    /**
     * A stream that failed: before anything was sent the failure goes back to the caller (fallback or
     * problem); once the client has tokens, an error event ends the stream and the audit records the cut.
     */
    private UpstreamFailure streamFailure(Exchange exchange, OutputStream out, UpstreamFailure failure) throws IOException {
        if (out == null) {
            return failure;
        }
        writeErrorEvent(out, failure.toApiError());
        try {
            record(exchange, "upstream_" + failure.kind().name().toLowerCase(Locale.ROOT), 200);
        } catch (AuditUnavailableException alsoDown) {
            LOG.atError().addKeyValue("request_id", exchange.requestId).log("stream cut and its audit event not recorded");
        }
        metrics.request(exchange.useCaseName, exchange.upstream.name(), exchange.model, "upstream_error", exchange.overheadNanos());
        throw new StreamAlreadyAnswered(failure);
    }

    /** Thrown once the client has been told, so that the relay does not answer twice. */
    static final class StreamAlreadyAnswered extends RuntimeException {
        StreamAlreadyAnswered(UpstreamFailure failure) {
            super(failure.kind().name(), null, false, false);
        }
    }

    private void writeErrorEvent(OutputStream out, ApiError error) throws IOException {
        out.write(("data: " + json.writeValueAsString(Map.of("error", error.body().get("error"))) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void collectDelta(JsonNode chunk, StringBuilder into) {
        JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
        if (content.isString()) {
            into.append(content.asString());
        }
    }

    private static void reidentifyChunk(JsonNode chunk, Shield.Session session, Map<String, Shield.StreamReidentifier> reidentifiers)
            throws ShieldException {
        for (JsonNode choice : chunk.path("choices")) {
            int index = choice.path("index").asInt(0);
            if (!(choice.path("delta") instanceof ObjectNode delta)) {
                continue;
            }
            if (delta.path("content").isString()) {
                delta.put("content", reidentifiers.computeIfAbsent(index + ":c", k -> session.streamReidentifier())
                        .next(delta.path("content").asString()));
            }
            int call = 0;
            for (JsonNode toolCall : delta.path("tool_calls")) {
                int callIndex = toolCall.path("index").asInt(call++);
                if (toolCall.path("function") instanceof ObjectNode function && function.path("arguments").isString()) {
                    function.put("arguments", reidentifiers.computeIfAbsent(index + ":t" + callIndex, k -> session.streamReidentifier())
                            .next(function.path("arguments").asString()));
                }
            }
        }
    }

    private static String finishReidentifiers(Map<String, Shield.StreamReidentifier> reidentifiers) throws ShieldException {
        // Only the first choice's content can carry a held-back tail into a final chunk; tool arguments end with their call.
        Shield.StreamReidentifier content = reidentifiers.get("0:c");
        StringBuilder tail = new StringBuilder(content == null ? "" : content.finish());
        for (var entry : reidentifiers.entrySet()) {
            if (!entry.getKey().equals("0:c")) {
                entry.getValue().finish();
            }
        }
        return tail.toString();
    }

    private void usage(Exchange exchange, JsonNode usage) {
        if (usage.isObject()) {
            if (usage.path("prompt_tokens").isNumber()) {
                exchange.promptTokens = usage.path("prompt_tokens").asInt();
            }
            if (usage.path("completion_tokens").isNumber()) {
                exchange.completionTokens = usage.path("completion_tokens").asInt();
            }
        }
    }

    /**
     * Verifies what the model wrote against what it was given, both as the model saw them (pseudonymized
     * when they were): grounding is unchanged by consistent pseudonyms, and identifying data in that
     * answer ({@code PHI_IN_OUTPUT}) is then data the model produced, not the patient's own name put back.
     */
    private void verify(Exchange exchange, Outbound outbound) {
        if (exchange.useCase.verification() == VerificationMode.NONE) {
            return;
        }
        AnswerVerifier engine = verifier.getIfAvailable();
        if (engine == null) {
            return;
        }
        long verifying = System.nanoTime();
        String answer = outbound.session() != null ? exchange.pseudonymizedAnswer : exchange.answerText;
        try {
            exchange.findings = new TreeMap<>(engine.findings(answer == null ? "" : answer, outbound.sources()));
            exchange.verified = true;
        } catch (RuntimeException failed) {
            // The answer is released marked unverified (x-avec-findings: unverified) rather than lost.
            exchange.verified = false;
            LOG.atWarn().addKeyValue("request_id", exchange.requestId).addKeyValue("error", failed.getClass().getSimpleName())
                    .log("answer could not be verified");
        }
        metrics.phase("verify", System.nanoTime() - verifying);
    }

    /** Estimates the impact and records the event durably; throws if the audit store cannot. */
    private void record(Exchange exchange, String outcome, int status) {
        if (exchange.upstream != null) {
            exchange.impact = impacts.estimate(exchange.upstream.name(), exchange.model, exchange.completionTokens, exchange.upstreamNanos).orElse(null);
        }
        ContentLevel level = exchange.useCase == null ? ContentLevel.METADATA : exchange.useCase.contentLogging();
        long auditing = System.nanoTime();
        audit.record(exchange.event(outcome, status, level, content(exchange, level)),
                exchange.sealed == null ? List.of() : List.of(exchange.sealed));
        metrics.phase("audit", System.nanoTime() - auditing);
        metrics.request(exchange.useCaseName, exchange.upstream == null ? null : exchange.upstream.name(), exchange.model, outcome, exchange.overheadNanos());
        metrics.categories(exchange.categories);
        metrics.findings(exchange.findings);
        if (exchange.upstream != null) {
            metrics.tokens(exchange.upstream.name(), exchange.model, exchange.promptTokens, exchange.completionTokens);
            if (exchange.impact != null) {
                metrics.impact(exchange.upstream.name(), exchange.model, exchange.impact.energyKwh(), exchange.impact.gwpKg());
            }
        }
        LOG.atInfo().addKeyValue("request_id", exchange.requestId).addKeyValue("user", exchange.caller.user())
                .addKeyValue("use_case", exchange.useCaseName).addKeyValue("upstream", exchange.upstream == null ? null : exchange.upstream.name())
                .addKeyValue("model", exchange.model).addKeyValue("outcome", outcome).addKeyValue("status", status)
                .addKeyValue("latency_ms", exchange.elapsedNanos() / 1_000_000).addKeyValue("overhead_us", exchange.overheadNanos() / 1_000)
                .addKeyValue("categories", exchange.categories).addKeyValue("findings", exchange.findings)
                .log("gateway request");
    }

    private String content(Exchange exchange, ContentLevel level) {
        return switch (level) {
            case NONE, METADATA -> null;
            case PSEUDONYMIZED -> exchange.sentText == null ? null
                    : json.writeValueAsString(Map.of("prompt", exchange.sentText, "answer", String.valueOf(exchange.pseudonymizedAnswer)));
            case FULL_ENCRYPTED -> exchange.answerText == null ? null
                    : sealer.seal(exchange.requestId, json.writeValueAsString(Map.of("answer", exchange.answerText,
                    "prompt", exchange.sentText == null ? "" : exchange.sentText)));
        };
    }

    private void fail(Exchange exchange, String outcome, ApiError error, HttpServletResponse response) throws IOException {
        try {
            record(exchange, outcome, error.status());
        } catch (AuditUnavailableException auditDown) {
            // The refusal itself could not be recorded: still refuse, and say the audit trail is down.
            error = ApiError.AUDIT_UNAVAILABLE;
        }
        if (!response.isCommitted()) {
            response.resetBuffer();
            response.setHeader("x-avec-overhead-ms", millis(exchange.overheadNanos()));
            response.setHeader("x-avec-findings", exchange.findingsHeader());
            error.writeTo(response);
        }
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    /** A model or use-case name from the client, shortened and stripped of control characters for messages. */
    static String printable(String value) {
        String cleaned = value.replaceAll("[\\p{Cntrl}]", "");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }
}
