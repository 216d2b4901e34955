package fr.avec.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal OpenAI-compatible model server on loopback for load tests: it answers every chat
 * completion at once with the same short answer (plain or streamed), so that what is measured in front
 * of it is the gateway; for the soak test it can also fail at random. Run:
 * {@code java -cp avec-bench.jar fr.avec.bench.FakeModelServer PORT [FAILURE_RATE]}.
 */
public final class FakeModelServer {

    private static final byte[] ANSWER = ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"bench\","
            + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":"
            + "\"Compte rendu : patient vu ce jour, examen clinique sans particularité, paracétamol 1 g si douleur.\"}}],"
            + "\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":24,\"total_tokens\":64}}").getBytes(StandardCharsets.UTF_8);
    private static final String[] PIECES = {"Compte ", "rendu : ", "patient vu ", "ce jour, ", "examen ", "sans ", "particularité."};

    private FakeModelServer() {
    }

    /** Soak-test markers ({@code soak} and 12 hex digits) seen in requests, to match them with the audit trail. */
    private static final Pattern MARKER = Pattern.compile("soak[0-9a-f]{12}");
    private static final Set<String> MARKERS = ConcurrentHashMap.newKeySet();

    public static HttpServer start(int port) throws IOException {
        return start(port, 0);
    }

    /**
     * Starts the server; with {@code failureRate} above 0, that share of chat requests fails at random, as real
     * upstreams do: HTTP 500, HTTP 503, a stream cut before its end, an unreadable body, or a slow answer (3 s).
     */
    public static HttpServer start(int port, double failureRate) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 4096);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            String text = new String(request, StandardCharsets.UTF_8);
            Matcher marker = MARKER.matcher(text);
            if (marker.find()) {
                MARKERS.add(marker.group());
            }
            boolean stream = text.contains("\"stream\":true");
            ThreadLocalRandom random = ThreadLocalRandom.current();
            if (failureRate > 0 && random.nextDouble() < failureRate) {
                switch (random.nextInt(5)) {
                    case 0, 1 -> {
                        byte[] error = "{\"error\":{\"message\":\"overloaded\"}}".getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(random.nextBoolean() ? 500 : 503, error.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(error);
                        }
                        return;
                    }
                    case 2 -> {
                        exchange.getResponseHeaders().set("Content-Type", stream ? "text/event-stream" : "application/json");
                        exchange.sendResponseHeaders(200, 0);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write((stream ? "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Compte \"}}]}\n\n" : "{\"id\":")
                                    .getBytes(StandardCharsets.UTF_8));
                        }
                        return;
                    }
                    case 3 -> {
                        byte[] garbage = "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, garbage.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(garbage);
                        }
                        return;
                    }
                    default -> {
                        try {
                            Thread.sleep(3000);
                        } catch (InterruptedException stop) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            }
            if (!stream) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, ANSWER.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(ANSWER);
                }
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (String piece : PIECES) {
                    out.write(("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                            + piece + "\"}}]}\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/markers", exchange -> {
            byte[] body = String.join("\n", MARKERS).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/v1/models", exchange -> {
            byte[] body = "{\"object\":\"list\",\"data\":[{\"id\":\"bench\",\"object\":\"model\"}]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18081;
        double failureRate = args.length > 1 ? Double.parseDouble(args[1]) : 0;
        start(port, failureRate);
        System.out.println("fake model server on http://127.0.0.1:" + port + "/v1");
    }
}
