package fr.avec.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway soak test (SECURITY issue, docs/RELIABILITY.md): clients send a mix of plain and streamed chat
 * requests holding identifying data for a long time, against a fake upstream that fails at random, while the
 * database is restarted once. Each request carries a marker the fake upstream records; at the end, every request
 * the upstream saw must have its audit event (matched by the {@code x-avec-request-id} the client received).
 *
 * <p>{@code java -cp avec-bench.jar fr.avec.bench.Soak --url http://127.0.0.1:18080 --key KEY --admin-key KEY
 * --upstream http://127.0.0.1:18081 --seconds 1800 --clients 16 --restart-at 900 --restart-cmd "pg_ctlcluster 15 soak restart"}
 * Exit 0 when no forwarded request lacks its audit event, 1 otherwise.
 */
public final class Soak {

    private static final Pattern REQUEST_ID = Pattern.compile("\"request_id\"\\s*:\\s*\"([^\"]+)\"");

    private record Result(String marker, int status, String requestId, long micros, boolean stream) {
    }

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = options.getOrDefault("url", "http://127.0.0.1:18080");
        String key = options.get("key");
        String adminKey = options.get("admin-key");
        String upstream = options.getOrDefault("upstream", "http://127.0.0.1:18081");
        long seconds = Long.parseLong(options.getOrDefault("seconds", "1800"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        long restartAt = Long.parseLong(options.getOrDefault("restart-at", Long.toString(seconds / 2)));
        String restartCommand = options.get("restart-cmd");
        String model = options.getOrDefault("model", "bench");
        if (key == null || adminKey == null) {
            System.err.println("soak: --key and --admin-key are required");
            System.exit(2);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        AtomicLong transportErrors = new AtomicLong();
        Map<String, AtomicLong> transportKinds = new ConcurrentHashMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    try {
                        results.add(send(http, url, key, model));
                    } catch (IOException | RuntimeException failure) {
                        transportErrors.incrementAndGet();
                        String kind = failure.getClass().getSimpleName() + ": " + String.valueOf(failure.getMessage()).replaceAll("[0-9]+", "N");
                        transportKinds.computeIfAbsent(kind.length() > 120 ? kind.substring(0, 120) : kind, k -> new AtomicLong()).incrementAndGet();
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }));
        }
        Instant started = Instant.now();
        String restartOutcome = "not restarted";
        if (restartCommand != null && restartAt < seconds) {
            Thread.sleep(restartAt * 1000);
            long before = System.nanoTime();
            Process restart = new ProcessBuilder("bash", "-c", restartCommand).inheritIO().start();
            int code = restart.waitFor();
            restartOutcome = "restarted at +" + restartAt + " s (command exit " + code + ", " + (System.nanoTime() - before) / 1_000_000 + " ms)";
            System.out.println("soak: database " + restartOutcome);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // The audit writer commits in groups: give the last events a moment.
        Thread.sleep(2000);
        Set<String> forwarded = new HashSet<>(Arrays.asList(get(http, upstream + "/markers", null).split("\n")));
        forwarded.remove("");
        Set<String> audited = auditedRequestIds(http, url, adminKey);
        Map<String, Result> byMarker = new ConcurrentHashMap<>();
        for (Result r : results) {
            byMarker.put(r.marker(), r);
        }
        long missing = 0;
        long unanswered = 0;
        for (String marker : forwarded) {
            Result result = byMarker.get(marker);
            if (result == null || result.requestId() == null) {
                unanswered++;
            } else if (!audited.contains(result.requestId())) {
                missing++;
            }
        }
        Map<Integer, Long> statuses = new TreeMap<>();
        List<Long> latencies = new ArrayList<>();
        for (Result r : results) {
            statuses.merge(r.status(), 1L, Long::sum);
            latencies.add(r.micros());
        }
        latencies.sort(null);
        System.out.printf("soak: %s, %d s, %d clients, started %s%n", url, seconds, clients, started);
        System.out.printf("soak: %d requests answered (%s), %d transport errors; %s%n", results.size(), statuses, transportErrors.get(),
                restartOutcome);
        transportKinds.forEach((kind, count) -> System.out.printf("soak:   transport error %s × %d%n", kind, count.get()));
        if (!latencies.isEmpty()) {
            System.out.printf("soak: latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", latencies.get(latencies.size() / 2) / 1000.0,
                    latencies.get((int) (latencies.size() * 0.99)) / 1000.0, latencies.getLast() / 1000.0);
        }
        System.out.printf("soak: %d requests reached the upstream; %d audit events; forwarded without audit event: %d;"
                + " forwarded but the client got no request id: %d%n", forwarded.size(), audited.size(), missing, unanswered);
        System.exit(missing == 0 && unanswered == 0 ? 0 : 1);
    }

    private static Result send(HttpClient http, String url, String key, String model) throws IOException, InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] id = new byte[6];
        random.nextBytes(id);
        String marker = "soak" + HexFormat.of().formatHex(id);
        boolean stream = random.nextInt(3) == 0;
        String prompt = "Consultation " + marker + " : Mme Claire Dubois, née le 12/03/1961, NIR 2 61 03 75 112 045 27,"
                + " tél. 06 12 34 56 78, vue pour HTA ; amlodipine 5 mg par jour. Rédige le compte rendu.";
        String body = "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long before = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        long micros = (System.nanoTime() - before) / 1000;
        return new Result(marker, response.statusCode(), response.headers().firstValue("x-avec-request-id").orElse(null), micros, stream);
    }

    private static Set<String> auditedRequestIds(HttpClient http, String url, String adminKey) throws IOException, InterruptedException {
        Set<String> ids = new HashSet<>();
        for (int page = 0; ; page++) {
            String json = get(http, url + "/api/audit?size=500&page=" + page, adminKey);
            Matcher matcher = REQUEST_ID.matcher(json);
            int found = 0;
            while (matcher.find()) {
                ids.add(matcher.group(1));
                found++;
            }
            if (found < 500) {
                return ids;
            }
        }
    }

    private static String get(HttpClient http, String url, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }
}
