package fr.avec.server.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Chooses the upstreams for a model: the first configured upstream serving it (at the use case's
 * minimum level), then as fallbacks the others serving it at the same or a more trusted level, never a
 * less trusted one, in configuration order. An upstream's level is the configured one, lowered to the level
 * the register of AI tools declares when that is less trusted ({@link UpstreamLevels}).
 */
@Component
public class Upstreams {

    private final List<GatewayProperties.Upstream> configured;
    private final UpstreamLevels levels;
    /** The effective list and the declarations it was made from, replaced together when they change. */
    private volatile Effective effective;

    private record Effective(Map<String, ConfidentialityLevel> declared, List<GatewayProperties.Upstream> upstreams) {
    }

    public Upstreams(GatewayProperties properties) {
        this(properties, (UpstreamLevels) Map::of);
    }

    @Autowired
    public Upstreams(GatewayProperties properties, ObjectProvider<UpstreamLevels> levels) {
        this(properties, levels.getIfAvailable(() -> (UpstreamLevels) Map::of));
    }

    Upstreams(GatewayProperties properties, UpstreamLevels levels) {
        this.configured = properties.upstreams();
        this.levels = levels;
        this.effective = new Effective(Map.of(), configured);
        List<GatewayProperties.Upstream> all = configured;
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (GatewayProperties.Upstream upstream : all) {
            if (names.put(upstream.name(), true) != null) {
                throw new IllegalArgumentException("two upstreams are named " + upstream.name());
            }
        }
    }

    /** The upstreams with their effective levels, in configuration order. */
    public List<GatewayProperties.Upstream> all() {
        Map<String, ConfidentialityLevel> declared = levels.declared();
        Effective known = effective;
        if (known.declared() == declared || known.declared().equals(declared)) {
            return known.upstreams();
        }
        List<GatewayProperties.Upstream> upstreams = new ArrayList<>(configured.size());
        for (GatewayProperties.Upstream upstream : configured) {
            upstreams.add(lowered(upstream, declared.get(upstream.name())));
        }
        effective = new Effective(declared, List.copyOf(upstreams));
        return effective.upstreams();
    }

    /** The upstream at the declared level when that is less trusted; raw text is then never sent (pseudonymize). */
    static GatewayProperties.Upstream lowered(GatewayProperties.Upstream upstream, ConfidentialityLevel declared) {
        if (declared == null || declared.atLeast(upstream.level())) {
            return upstream;
        }
        return new GatewayProperties.Upstream(upstream.name(), upstream.baseUrl(), upstream.apiKey(), declared, upstream.models(),
                upstream.connectTimeout(), upstream.timeout(), upstream.streamIdleTimeout(), true, upstream.pue(), upstream.location(),
                upstream.electricityGwpKgPerKwh(), upstream.modelSizes());
    }

    /** The upstreams exactly as configured, before any register declaration. */
    public List<GatewayProperties.Upstream> configured() {
        return configured;
    }

    /** Upstreams to try in order; empty when no upstream serves the model at that level. */
    public List<GatewayProperties.Upstream> route(String model, ConfidentialityLevel minimum) {
        GatewayProperties.Upstream primary = null;
        List<GatewayProperties.Upstream> route = new ArrayList<>();
        for (GatewayProperties.Upstream upstream : all()) {
            if (!serves(upstream, model) || !upstream.level().atLeast(minimum)) {
                continue;
            }
            if (primary == null) {
                primary = upstream;
                route.add(upstream);
            } else if (upstream.level().atLeast(primary.level())) {
                route.add(upstream);
            }
        }
        return route;
    }

    private static boolean serves(GatewayProperties.Upstream upstream, String model) {
        return upstream.models().isEmpty() || upstream.models().contains(model);
    }
}
