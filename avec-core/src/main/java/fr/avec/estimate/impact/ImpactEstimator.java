package fr.avec.estimate.impact;

/**
 * Estimates the energy and greenhouse-gas emissions of an LLM request with the EcoLogits method: a GPU
 * energy per output token from the active parameters, a generation time, the GPUs needed to hold the
 * model, the server's share, the data-centre PUE, and the embodied impacts spread over the hardware
 * lifetime and the batch. Immutable and thread-safe.
 */
public final class ImpactEstimator {

    private static final double SECONDS_PER_HOUR = 3600;
    private static final double WH_PER_KWH = 1000;
    // EcoLogits sizes GPU memory with a 20 % overhead over the raw weights.
    private static final double MEMORY_OVERHEAD = 1.2;

    private final ImpactMethod method;

    public ImpactEstimator(ImpactMethod method) {
        this.method = method;
    }

    /** The estimator of the current reference method, EcoLogits 0.9.x. */
    public static ImpactEstimator ecologits() {
        return new ImpactEstimator(ImpactMethod.ECOLOGITS_0_9);
    }

    public ImpactMethod method() {
        return method;
    }

    /**
     * Estimates one request.
     *
     * @param deployment       the model and its data centre
     * @param outputTokens     tokens generated (0 gives a zero estimate)
     * @param latencySeconds   measured request latency, an upper bound of the generation time
     */
    public ImpactEstimate estimate(Deployment deployment, long outputTokens, double latencySeconds) {
        if (outputTokens < 0 || !(latencySeconds >= 0)) {
            throw new IllegalArgumentException("token count and latency must be zero or positive");
        }
        double active = deployment.activeParametersBillions();
        int batch = method.batchSize();

        double gpuWhPerToken = method.gpuEnergyAlpha() * Math.exp(method.gpuEnergyBeta() * batch) * active + method.gpuEnergyGamma();
        double gpuKwh = outputTokens * gpuWhPerToken / WH_PER_KWH;

        double latencyPerToken = method.latencyAlpha() * active + method.latencyBeta() * batch + method.latencyGamma();
        double generationSeconds = Math.min(latencySeconds, outputTokens * latencyPerToken);

        int gpus = gpuCount(deployment.totalParametersBillions());
        double serverShare = (double) gpus / method.serverGpuCount();
        double serverKwh = generationSeconds / SECONDS_PER_HOUR * method.serverPowerKw() * serverShare / batch;
        double energyKwh = deployment.pue() * (serverKwh + gpus * gpuKwh);

        double embodiedHardwareKg = serverShare * method.serverEmbodiedGwpKg() + gpus * method.gpuEmbodiedGwpKg();
        double embodiedKg = generationSeconds * embodiedHardwareKg / (method.hardwareLifetimeSeconds() * batch);

        return new ImpactEstimate(energyKwh, energyKwh * deployment.mix().gwpKgPerKwh(), embodiedKg, gpus,
                generationSeconds, method.version());
    }

    /** GPUs needed to hold the weights, rounded up to a power of two as servers are partitioned. */
    int gpuCount(double totalParametersBillions) {
        double memoryGb = MEMORY_OVERHEAD * totalParametersBillions * method.quantizationBits() / 8;
        int needed = Math.max(1, (int) Math.ceil(memoryGb / method.gpuMemoryGb()));
        return Integer.highestOneBit(needed) == needed ? needed : Integer.highestOneBit(needed) << 1;
    }
}
