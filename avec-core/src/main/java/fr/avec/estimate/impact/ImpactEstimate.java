package fr.avec.estimate.impact;

/**
 * The estimated environmental footprint of one model request.
 *
 * @param energyKwh          electricity drawn for the request, data-centre overhead included
 * @param usageGwpKg         kgCO2e of that electricity
 * @param embodiedGwpKg      kgCO2e share of manufacturing the server and GPUs
 * @param gpuCount           GPUs assumed to hold the model
 * @param generationSeconds  time attributed to generation (at most the measured latency)
 * @param methodology        version of the method, e.g. {@code ecologits-0.9}
 */
public record ImpactEstimate(double energyKwh, double usageGwpKg, double embodiedGwpKg, int gpuCount,
                             double generationSeconds, String methodology) {

    /** Usage and embodied emissions together, kgCO2e. */
    public double gwpKg() {
        return usageGwpKg + embodiedGwpKg;
    }
}
