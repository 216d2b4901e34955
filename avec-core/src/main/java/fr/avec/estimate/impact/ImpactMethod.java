package fr.avec.estimate.impact;

/**
 * The constants of one published version of the EcoLogits LLM inference methodology, kept together so
 * that every estimate can name the version it was computed with.
 *
 * @param version                 identifier stored beside each estimate, e.g. {@code ecologits-0.9}
 * @param gpuEnergyAlpha          alpha of the GPU energy regression, Wh per token per billion active parameters
 * @param gpuEnergyBeta           beta of the GPU energy regression (exponent factor on the batch size)
 * @param gpuEnergyGamma          gamma of the GPU energy regression, Wh per token
 * @param latencyAlpha            seconds per token per billion active parameters
 * @param latencyBeta             seconds per token per request in the batch
 * @param latencyGamma            seconds per token, constant term
 * @param quantizationBits        bits per weight assumed to size the GPU memory
 * @param gpuMemoryGb             memory of one GPU
 * @param gpuEmbodiedGwpKg        manufacturing impact of one GPU, kgCO2e
 * @param serverGpuCount          GPUs installed in one server
 * @param serverPowerKw           power of the server without its GPUs, kW
 * @param serverEmbodiedGwpKg     manufacturing impact of the server without GPUs, kgCO2e
 * @param hardwareLifetimeSeconds hardware lifetime over which embodied impacts are spread
 * @param batchSize               concurrent requests sharing the server
 */
public record ImpactMethod(
        String version,
        double gpuEnergyAlpha,
        double gpuEnergyBeta,
        double gpuEnergyGamma,
        double latencyAlpha,
        double latencyBeta,
        double latencyGamma,
        int quantizationBits,
        double gpuMemoryGb,
        double gpuEmbodiedGwpKg,
        int serverGpuCount,
        double serverPowerKw,
        double serverEmbodiedGwpKg,
        double hardwareLifetimeSeconds,
        int batchSize) {

    /**
     * EcoLogits 0.9.x ({@code ecologits/impacts/llm.py}): energy and latency regressions fitted on H100
     * measurements at batch size 64, 16-bit weights, 8-GPU servers of 1.2 kW, three-year lifetime.
     */
    public static final ImpactMethod ECOLOGITS_0_9 = new ImpactMethod(
            "ecologits-0.9",
            1.1665273170451914e-06,
            -0.011205921025579175,
            4.052928146734005e-05,
            0.0006785088094353663,
            0.0003119310311688259,
            0.019473717579473387,
            16,
            80,
            164,
            8,
            1.2,
            5700,
            3 * 365 * 24 * 60 * 60,
            64);

    public ImpactMethod {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("an impact method needs a version");
        }
        if (batchSize <= 0 || serverGpuCount <= 0 || gpuMemoryGb <= 0 || hardwareLifetimeSeconds <= 0) {
            throw new IllegalArgumentException("batch size, GPU count, GPU memory and lifetime must be positive");
        }
    }
}
