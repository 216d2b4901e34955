package fr.avec.server.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Chooses the upstreams for a model: the first configured upstream serving it (at the use case's
 * minimum level), then as fallbacks the others serving it at the same or a more trusted level, never a
 * less trusted one, in configuration order.
 */
@Component
public class Upstreams {

    private final List<GatewayProperties.Upstream> all;

    public Upstreams(GatewayProperties properties) {
        this.all = properties.upstreams();
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (GatewayProperties.Upstream upstream : all) {
            if (names.put(upstream.name(), true) != null) {
                throw new IllegalArgumentException("two upstreams are named " + upstream.name());
            }
        }
    }

    public List<GatewayProperties.Upstream> all() {
        return all;
    }

    /** Upstreams to try in order; empty when no upstream serves the model at that level. */
    public List<GatewayProperties.Upstream> route(String model, ConfidentialityLevel minimum) {
        GatewayProperties.Upstream primary = null;
        List<GatewayProperties.Upstream> route = new ArrayList<>();
        for (GatewayProperties.Upstream upstream : all) {
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
