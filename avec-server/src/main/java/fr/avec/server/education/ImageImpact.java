package fr.avec.server.education;

/**
 * The energy estimate of generating one image, recorded with each generated illustration so that the environmental
 * estimate shows that images cost far more than text.
 *
 * <p>Method: the measured means of Luccioni, Jernite and Strubell, « Power Hungry Processing: Watts Driving the Cost of
 * AI Deployment? » (ACM FAccT 2024), over open models on the same hardware: image generation 2.907 kWh per 1,000
 * inferences, text generation 0.047 kWh per 1,000 inferences. Per image that is {@value #WH_PER_IMAGE} Wh, about
 * {@value #TIMES_TEXT} times a text generation. This is an order of magnitude, not a measurement of the configured
 * upstream: its model, resolution and hardware are unknown to Avec.
 */
public final class ImageImpact {

    /** Wh per generated image (2.907 kWh / 1,000). */
    public static final double WH_PER_IMAGE = 2.907;
    /** Wh per text generation in the same study (0.047 kWh / 1,000). */
    public static final double WH_PER_TEXT_GENERATION = 0.047;
    /** How many text generations one image costs, rounded. */
    public static final long TIMES_TEXT = 62;

    private ImageImpact() {
    }
}
