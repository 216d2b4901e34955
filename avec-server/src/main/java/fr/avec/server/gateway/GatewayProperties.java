package fr.avec.server.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's configuration under {@code avec}: the upstream model servers (CONTRACTS.md keys
 * {@code avec.upstreams[i].name}, {@code .base-url}, {@code .api-key}, {@code .level}, {@code .models})
 * and the use cases that decide verification and content logging. See application.yaml for each key.
 */
@ConfigurationProperties("avec")
public record GatewayProperties(List<Upstream> upstreams, Map<String, UseCase> useCases) {

    /** The use case of requests that do not name one with {@code x-avec-use-case}. */
    public static final String DEFAULT_USE_CASE = "default";

    public GatewayProperties {
        upstreams = upstreams == null ? List.of() : List.copyOf(upstreams);
        useCases = useCases == null ? Map.of() : Map.copyOf(useCases);
    }

    /** One model server. */
    public record Upstream(String name, String baseUrl, String apiKey, ConfidentialityLevel level, List<String> models,
                           Duration connectTimeout, Duration timeout, Duration streamIdleTimeout, Boolean pseudonymize,
                           Double pue, String location, Double electricityGwpKgPerKwh, List<ModelSize> modelSizes) {
        public Upstream {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("avec.upstreams[].name is required");
            }
            if (baseUrl == null || baseUrl.isBlank()) {
                throw new IllegalArgumentException("avec.upstreams[].base-url is required for upstream " + name);
            }
            if (level == null) {
                throw new IllegalArgumentException("avec.upstreams[].level is required for upstream " + name
                        + " (on_premise, hds, eu_contract or public)");
            }
            baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            models = models == null ? List.of() : List.copyOf(models);
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            timeout = timeout == null ? Duration.ofSeconds(120) : timeout;
            streamIdleTimeout = streamIdleTimeout == null ? Duration.ofSeconds(60) : streamIdleTimeout;
            pseudonymize = pseudonymize == null ? level != ConfidentialityLevel.ON_PREMISE : pseudonymize;
            if (!pseudonymize && level != ConfidentialityLevel.ON_PREMISE) {
                throw new IllegalArgumentException("upstream " + name + ": raw text may only go to an on_premise upstream");
            }
            pue = pue == null ? 1.2 : pue;
            location = location == null ? "FRA" : location;
            modelSizes = modelSizes == null ? List.of() : List.copyOf(modelSizes);
        }
    }

    /** Parameter counts of one model, for the impact estimate. */
    public record ModelSize(String model, double activeBillions, Double totalBillions) {
        public double total() {
            return totalBillions == null ? activeBillions : totalBillions;
        }
    }

    /** One use case (route): how its answers are verified and what the audit keeps. */
    public record UseCase(VerificationMode verification, ContentLevel contentLogging, ConfidentialityLevel minimumLevel, String operators) {
        public UseCase {
            verification = verification == null ? VerificationMode.BUFFER_THEN_RELEASE : verification;
            contentLogging = contentLogging == null ? ContentLevel.METADATA : contentLogging;
            minimumLevel = minimumLevel == null ? ConfidentialityLevel.PUBLIC : minimumLevel;
        }
    }

    /** The use case of that name; the default one always exists. */
    public java.util.Optional<UseCase> useCase(String name) {
        UseCase found = useCases.get(name);
        if (found == null && DEFAULT_USE_CASE.equals(name)) {
            found = new UseCase(null, null, null, null);
        }
        return java.util.Optional.ofNullable(found);
    }
}
