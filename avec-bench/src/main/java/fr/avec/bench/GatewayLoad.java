package fr.avec.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded closed-loop load driver for OpenAI-compatible endpoints on loopback: N clients each send
 * chat completions one after the other for a fixed time; reports throughput, client latency
 * percentiles, first-byte latency for streams, and the distribution of Avec's own
 * {@code x-avec-overhead-ms} header when present.
 *
 * <pre>java -cp avec-bench.jar fr.avec.bench.GatewayLoad --url http://127.0.0.1:8080/v1/chat/completions \
 *     --key avec_... --clients 64 --seconds 20 --warmup 5 [--stream] [--header name:value]...</pre>
 */
public final class GatewayLoad {

    private GatewayLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        List<String[]> headers = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--stream" -> options.put("stream", "true");
                case "--header" -> {
                    String[] pair = args[++i].split(":", 2);
                    headers.add(new String[] {pair[0].trim(), pair[1].trim()});
                }
                default -> options.put(args[i].replaceFirst("^--", ""), args[++i]);
            }
        }
        String url = options.getOrDefault("url", "http://127.0.0.1:8080/v1/chat/completions");
        int clients = Integer.parseInt(options.getOrDefault("clients", "64"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        boolean stream = options.containsKey("stream");
        String model = options.getOrDefault("model", "bench");
        String prompt = options.getOrDefault("prompt",
                "Rédige un compte rendu bref : Mme Claire Dubois, née le 12/03/1961, vue le 4 mars 2026 pour une toux.");
        String body = "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\""
                + prompt.replace("\"", "\\\"") + "\"}]}";
        if (seconds > 600 || clients > 1024) {
            throw new IllegalArgumentException("bounded driver: at most 600 s and 1024 clients");
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder template = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (options.containsKey("key")) {
            template.header("Authorization", "Bearer " + options.get("key"));
        }
        for (String[] header : headers) {
            template.header(header[0], header[1]);
        }
        HttpRequest request = template.POST(HttpRequest.BodyPublishers.ofString(body)).build();

        Result warm = run(http, request, clients, warmup, stream);
        System.out.printf(Locale.ROOT, "warm-up: %d requests, %d errors%n", warm.count(), warm.errors());
        Result result = run(http, request, clients, seconds, stream);
        System.out.printf(Locale.ROOT, "url=%s clients=%d seconds=%d stream=%s%n", url, clients, seconds, stream);
        System.out.printf(Locale.ROOT, "requests=%d errors=%d throughput=%.0f req/s%n", result.count(), result.errors(), result.count() / (double) seconds);
        System.out.printf(Locale.ROOT, "client latency ms: p50=%.3f p90=%.3f p99=%.3f max=%.3f%n",
                pct(result.latencies(), 50), pct(result.latencies(), 90), pct(result.latencies(), 99), pct(result.latencies(), 100));
        if (stream) {
            System.out.printf(Locale.ROOT, "first byte ms: p50=%.3f p99=%.3f%n", pct(result.firstBytes(), 50), pct(result.firstBytes(), 99));
        }
        if (result.overheads().length > 0) {
            System.out.printf(Locale.ROOT, "x-avec-overhead-ms: p50=%.3f p90=%.3f p99=%.3f%n",
                    pct(result.overheads(), 50), pct(result.overheads(), 90), pct(result.overheads(), 99));
        }
        System.exit(0);
    }

    private record Result(long count, long errors, double[] latencies, double[] firstBytes, double[] overheads) {
    }

    private static Result run(HttpClient http, HttpRequest request, int clients, int seconds, boolean stream) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<Future<double[][]>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    List<double[]> samples = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        try {
                            double firstByte = Double.NaN;
                            int status;
                            String overhead;
                            if (stream) {
                                HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                                try (var in = response.body()) {
                                    in.read();
                                    firstByte = (System.nanoTime() - start) / 1e6;
                                    in.transferTo(java.io.OutputStream.nullOutputStream());
                                }
                                status = response.statusCode();
                                overhead = response.headers().firstValue("x-avec-overhead-ms").orElse(null);
                            } else {
                                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                                status = response.statusCode();
                                overhead = response.headers().firstValue("x-avec-overhead-ms").orElse(null);
                            }
                            double latency = (System.nanoTime() - start) / 1e6;
                            if (status != 200) {
                                errors.incrementAndGet();
                                continue;
                            }
                            samples.add(new double[] {latency, firstByte, overhead == null ? Double.NaN : Double.parseDouble(overhead)});
                        } catch (Exception failed) {
                            errors.incrementAndGet();
                        }
                    }
                    return samples.toArray(double[][]::new);
                }));
            }
        }
        List<double[]> all = new ArrayList<>();
        for (Future<double[][]> future : futures) {
            all.addAll(Arrays.asList(future.get()));
        }
        double[] latencies = all.stream().mapToDouble(s -> s[0]).sorted().toArray();
        double[] firstBytes = all.stream().mapToDouble(s -> s[1]).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] overheads = all.stream().mapToDouble(s -> s[2]).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return new Result(all.size(), errors.get(), latencies, firstBytes, overheads);
    }

    private static double pct(double[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
