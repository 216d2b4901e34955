package fr.avec.server.gateway;

import fr.avec.estimate.impact.Deployment;
import fr.avec.estimate.impact.ElectricityMix;
import fr.avec.estimate.impact.ImpactEstimate;
import fr.avec.estimate.impact.ImpactEstimator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The deployment of every configured model (parameter counts, PUE, electricity mix of the upstream's
 * location) and the EcoLogits estimate of a request to it. A model whose size is not configured gets
 * no estimate rather than a guessed one.
 */
@Component
public class ImpactAccounting {

    private final ImpactEstimator estimator = ImpactEstimator.ecologits();
    private final Map<String, Deployment> deployments = new HashMap<>();

    public ImpactAccounting(GatewayProperties properties) {
        for (GatewayProperties.Upstream upstream : properties.upstreams()) {
            ElectricityMix mix = upstream.electricityGwpKgPerKwh() != null
                    ? new ElectricityMix(upstream.location(), upstream.electricityGwpKgPerKwh())
                    : ElectricityMix.of(upstream.location()).orElseThrow(() -> new IllegalArgumentException(
                            "upstream " + upstream.name() + ": unknown location " + upstream.location()
                                    + "; set electricity-gwp-kg-per-kwh"));
            for (GatewayProperties.ModelSize size : upstream.modelSizes()) {
                deployments.put(key(upstream.name(), size.model()),
                        new Deployment(size.activeBillions(), size.total(), upstream.pue(), mix));
            }
        }
    }

    /** The estimate for a request, when the model's size is known. */
    public Optional<ImpactEstimate> estimate(String upstream, String model, Integer outputTokens, long latencyNanos) {
        Deployment deployment = deployments.get(key(upstream, model));
        if (deployment == null || outputTokens == null) {
            return Optional.empty();
        }
        return Optional.of(estimator.estimate(deployment, outputTokens, latencyNanos / 1e9));
    }

    private static String key(String upstream, String model) {
        return upstream + "\u0000" + model;
    }
}
