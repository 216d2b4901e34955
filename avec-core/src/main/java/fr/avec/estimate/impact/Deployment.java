package fr.avec.estimate.impact;

/**
 * Where and how a model is served: its size and the data centre it runs in.
 *
 * @param activeParametersBillions parameters used per token (all of them for a dense model), in billions
 * @param totalParametersBillions  parameters loaded in GPU memory, in billions
 * @param pue                      power usage effectiveness of the data centre (1.0 or more)
 * @param mix                      electricity mix of the data centre's location
 */
public record Deployment(double activeParametersBillions, double totalParametersBillions, double pue, ElectricityMix mix) {

    public Deployment {
        if (!(activeParametersBillions > 0) || !(totalParametersBillions >= activeParametersBillions)) {
            throw new IllegalArgumentException("parameter counts must be positive, total at least active");
        }
        if (!(pue >= 1.0)) {
            throw new IllegalArgumentException("a PUE is at least 1.0");
        }
        if (mix == null) {
            throw new IllegalArgumentException("a deployment needs an electricity mix");
        }
    }
}
