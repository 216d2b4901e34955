package fr.avec.server.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The gateway's Micrometer meters, exported on {@code /actuator/prometheus}: requests, Avec's own
 * overhead, findings, tokens, energy and emissions. Tags carry names and kinds only, never text.
 */
@Component
public class GatewayMetrics {

    private final MeterRegistry registry;
    private final Timer overhead;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.overhead = Timer.builder("avec.gateway.overhead")
                .description("Time spent in Avec per request, upstream time excluded")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(1))
                .register(registry);
    }

    // Meters by tag values: registering looks the meter up by id, which costs more than incrementing it.
    private final java.util.concurrent.ConcurrentHashMap<java.util.List<String>, Counter> requestCounters = new java.util.concurrent.ConcurrentHashMap<>();

    public void request(String useCase, String upstream, String model, String outcome, long overheadNanos) {
        java.util.List<String> key = java.util.List.of(nonNull(useCase), nonNull(upstream), nonNull(model), outcome);
        requestCounters.computeIfAbsent(key, k -> Counter.builder("avec.gateway.requests").description("Gateway requests by outcome")
                .tag("use_case", k.get(0)).tag("upstream", k.get(1)).tag("model", k.get(2)).tag("outcome", k.get(3))
                .register(registry)).increment();
        overhead.record(overheadNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void categories(Map<String, Integer> categories) {
        categories.forEach((label, count) -> Counter.builder("avec.gateway.identifying.data").description("Identifying data found in prompts, by label")
                .tag("label", label).register(registry).increment(count));
    }

    public void findings(Map<String, Integer> findings) {
        findings.forEach((kind, count) -> Counter.builder("avec.gateway.findings").description("Verification findings by kind")
                .tag("kind", kind).register(registry).increment(count));
    }

    public void tokens(String upstream, String model, Integer input, Integer output) {
        if (input != null) {
            DistributionSummary.builder("avec.gateway.tokens").tag("type", "input").tag("upstream", upstream).tag("model", model)
                    .register(registry).record(input);
        }
        if (output != null) {
            DistributionSummary.builder("avec.gateway.tokens").tag("type", "output").tag("upstream", upstream).tag("model", model)
                    .register(registry).record(output);
        }
    }

    public void impact(String upstream, String model, double energyKwh, double gwpKg) {
        Counter.builder("avec.gateway.energy").baseUnit("kWh").description("Estimated energy (EcoLogits)")
                .tag("upstream", upstream).tag("model", model).register(registry).increment(energyKwh);
        Counter.builder("avec.gateway.gwp").baseUnit("kgCO2e").description("Estimated emissions (EcoLogits)")
                .tag("upstream", upstream).tag("model", model).register(registry).increment(gwpKg);
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Timer> phases = new java.util.concurrent.ConcurrentHashMap<>();

    /** Time spent in one phase of a request (protect, vault, upstream, verify, audit), to see where overhead goes. */
    public void phase(String phase, long nanos) {
        phases.computeIfAbsent(phase, p -> Timer.builder("avec.gateway.phase").description("Time per request phase")
                .tag("phase", p).publishPercentiles(0.5, 0.99).register(registry)).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void fallback(String from) {
        Counter.builder("avec.gateway.fallbacks").tag("from", from).register(registry).increment();
    }

    private static String nonNull(String value) {
        return value == null ? "none" : value;
    }
}
