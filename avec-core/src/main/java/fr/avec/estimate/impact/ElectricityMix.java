package fr.avec.estimate.impact;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The greenhouse-gas intensity of the electricity where a model runs.
 *
 * @param zone           ISO 3166-1 alpha-3 code as EcoLogits names its zones (FRA), or a free label
 * @param gwpKgPerKwh    kgCO2e emitted per kWh consumed
 */
public record ElectricityMix(String zone, double gwpKgPerKwh) {

    /** France in EcoLogits 0.9.x (ADEME Base Empreinte): 44.18 gCO2e/kWh. */
    public static final ElectricityMix FRANCE = new ElectricityMix("FRA", 0.04418);

    // Only the zones whose 0.9.x figures were checked are listed; any other zone is configured with its factor.
    private static final Map<String, ElectricityMix> KNOWN = Map.of(FRANCE.zone(), FRANCE);

    public ElectricityMix {
        if (zone == null || zone.isBlank()) {
            throw new IllegalArgumentException("an electricity mix needs a zone");
        }
        if (!(gwpKgPerKwh >= 0)) {
            throw new IllegalArgumentException("the emission factor must be zero or positive");
        }
    }

    /** The published mix of a zone code, when this release knows it. */
    public static Optional<ElectricityMix> of(String zone) {
        return Optional.ofNullable(zone == null ? null : KNOWN.get(zone.toUpperCase(Locale.ROOT)));
    }
}
