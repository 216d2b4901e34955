package fr.avec.server.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible model server for tests, on loopback: it answers with the last user message
 * prefixed by "Reçu : " (so a test sees what the model received and what the client gets back), plain or
 * streamed, or misbehaves on demand.
 */
public final class FakeUpstream implements AutoCloseable {

    /** How the next requests are answered. */
    public enum Behaviour { ECHO, STATUS_500, STATUS_503, GARBAGE, SLOW, CUT_STREAM, STALL_STREAM }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = Behaviour.ECHO;
    private volatile String answerOverride;
    private volatile java.util.function.UnaryOperator<String> answerer;
    private volatile String reportedModel;

    public FakeUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", this::chat);
        server.createContext("/v1/audio/transcriptions", this::transcription);
        server.createContext("/v1/images/generations", this::image);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public void behave(Behaviour next) {
        behaviour = next;
    }

    /** Answers this text instead of the echo. */
    public void answer(String text) {
        answerOverride = text;
    }

    /** Answers each request with what {@code answerer} makes of its last user message (a simulated model). */
    public void respond(java.util.function.UnaryOperator<String> answerer) {
        this.answerer = answerer;
    }

    /** Reports this model name in answers instead of the one asked for (a provider's new model version). */
    public void reportModel(String model) {
        reportedModel = model;
    }

    /** The request bodies received, in order. */
    public List<String> received() {
        return received;
    }

    private void chat(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new String(body, StandardCharsets.UTF_8));
        switch (behaviour) {
            case STATUS_500 -> respond(exchange, 500, "application/json", "{\"error\":{\"message\":\"boom\"}}");
            case STATUS_503 -> respond(exchange, 503, "application/json", "{\"error\":{\"message\":\"overloaded\"}}");
            case GARBAGE -> respond(exchange, 200, "application/json", "<html>not json");
            case SLOW -> {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                respond(exchange, 200, "application/json", completion("trop tard", "slow"));
            }
            default -> {
                JsonNode request = JSON.readTree(body);
                String last = "";
                for (JsonNode message : request.path("messages")) {
                    if (message.path("role").asString("").equals("user")) {
                        last = message.path("content").asString("");
                    }
                }
                String answer = answerer != null ? answerer.apply(last) : answerOverride != null ? answerOverride : "Reçu : " + last;
                String model = reportedModel != null ? reportedModel : request.path("model").asString("fake");
                if (request.path("stream").asBoolean(false)) {
                    stream(exchange, answer, model, behaviour);
                } else {
                    respond(exchange, 200, "application/json", completion(answer, model));
                }
            }
        }
    }

    private void transcription(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        respond(exchange, 200, "application/json", "{\"text\":\"Patiente Mme Claire Dubois, née le 12/03/1961, douleur thoracique.\"}");
    }

    /** An OpenAI-style image answer: a small drawn PNG, inline as base64. */
    private void image(HttpExchange exchange) throws IOException {
        received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(256, 256, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = picture.createGraphics();
        g.setColor(new java.awt.Color(0xe8, 0xf1, 0xfa));
        g.fillRect(0, 0, 256, 256);
        g.setColor(new java.awt.Color(0x2e, 0x7d, 0x32));
        g.fillOval(48, 48, 160, 160);
        g.setColor(new java.awt.Color(0xf9, 0xa8, 0x25));
        g.fillOval(96, 96, 64, 64);
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "png", png);
        respond(exchange, 200, "application/json", JSON.writeValueAsString(JSON.createObjectNode().put("created", 1)
                .set("data", JSON.createArrayNode().add(JSON.createObjectNode()
                        .put("b64_json", java.util.Base64.getEncoder().encodeToString(png.toByteArray()))))));
    }

    private static String completion(String answer, String model) {
        return JSON.writeValueAsString(JSON.createObjectNode()
                .put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 1).put("model", model)
                .set("choices", JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0).put("finish_reason", "stop")
                        .set("message", JSON.createObjectNode().put("role", "assistant").put("content", answer))))
                .set("usage", JSON.createObjectNode().put("prompt_tokens", 42).put("completion_tokens", 17).put("total_tokens", 59)));
    }

    private static void stream(HttpExchange exchange, String answer, String model, Behaviour behaviour) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            // Small pieces, so that pseudonyms are cut across chunks as real models do.
            int step = 4;
            for (int i = 0; i < answer.length(); i += step) {
                if (behaviour == Behaviour.CUT_STREAM && i > answer.length() / 2) {
                    return;
                }
                if (behaviour == Behaviour.STALL_STREAM && i > answer.length() / 2) {
                    try {
                        Thread.sleep(4000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
                String piece = answer.substring(i, Math.min(answer.length(), i + step));
                String chunk = JSON.writeValueAsString(JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
                        .put("model", model).set("choices", JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0)
                                .set("delta", JSON.createObjectNode().put("content", piece)))));
                out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            String last = JSON.writeValueAsString(JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
                    .set("usage", JSON.createObjectNode().put("prompt_tokens", 42).put("completion_tokens", 17)));
            out.write(("data: " + last + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
