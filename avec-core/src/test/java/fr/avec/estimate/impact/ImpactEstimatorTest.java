package fr.avec.estimate.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Figures worked out by hand from the EcoLogits 0.9.x formulas (batch B = 64, e^(beta*B) = 0.48812735):
 * GPU Wh/token = alpha*e^(beta*B)*P + gamma; latency/token = aL*P + bL*B + gL; GPUs = 2^ceil(log2(ceil(1.2*P*16/8/80)));
 * server kWh = t/3600 * 1.2 * GPUs/8 / B; energy = PUE*(server + GPUs*GPU); embodied = t*(GPUs/8*5700 + GPUs*164)/(3 years * B).
 */
class ImpactEstimatorTest {

    private static final Offset<Double> RELATIVE = within(1e-12);
    private final ImpactEstimator estimator = ImpactEstimator.ecologits();

    @Test
    void smallDenseModelInFranceIsBoundByTheLatencyRegression() {
        // P = 7 B: 1.1665273e-6*0.48812735*7 + 4.0529281e-5 = 4.4515179e-5 Wh per token, 100 tokens = 4.4515179e-6 kWh.
        // latency/token = 6.785088e-4*7 + 3.119310e-4*64 + 1.947372e-2 = 0.0441869 s; 100 tokens = 4.41869 s < 10 s measured.
        // memory 1.2*7*2 = 16.8 GB -> 1 GPU; server 4.41869/3600*1.2*(1/8)/64 = 2.876749e-6 kWh.
        // energy 1.2*(2.876749e-6 + 4.4515179e-6) = 8.793920e-6 kWh; France 0.04418 kg/kWh -> 3.885154e-7 kg.
        // embodied 4.41869*(5700/8 + 164)/(94608000*64) = 6.396424e-7 kg.
        ImpactEstimate estimate = estimator.estimate(new Deployment(7, 7, 1.2, ElectricityMix.FRANCE), 100, 10);

        assertThat(estimate.gpuCount()).isEqualTo(1);
        assertThat(estimate.generationSeconds()).isCloseTo(4.418686524, within(1e-8));
        assertThat(estimate.energyKwh()).isCloseTo(8.793920288e-6, within(1e-14));
        assertThat(estimate.usageGwpKg()).isCloseTo(3.885153983e-7, within(1e-15));
        assertThat(estimate.embodiedGwpKg()).isCloseTo(6.396424487e-7, within(1e-15));
        assertThat(estimate.methodology()).isEqualTo("ecologits-0.9");
    }

    @Test
    void generationTimeNeverExceedsTheMeasuredLatency() {
        // P = 70 B: 500 tokens * 0.0869329 s = 43.5 s, but the request took 3 s: t = 3 s.
        // memory 1.2*70*2 = 168 GB -> ceil(2.1) = 3 -> rounded up to 4 GPUs; server 3/3600*1.2*(4/8)/64 = 7.8125e-6 kWh.
        // GPU 500*(1.1665273e-6*0.48812735*70 + 4.0529281e-5)/1000 = 4.0194127e-5 kWh; energy 1.2*(7.8125e-6 + 4*4.0194127e-5) = 2.0230681e-4.
        ImpactEstimate estimate = estimator.estimate(new Deployment(70, 70, 1.2, ElectricityMix.FRANCE), 500, 3);

        assertThat(estimate.generationSeconds()).isEqualTo(3.0);
        assertThat(estimate.gpuCount()).isEqualTo(4);
        assertThat(estimate.energyKwh()).isCloseTo(2.0230680855e-4, within(1e-13));
        assertThat(estimate.usageGwpKg()).isCloseTo(8.937914802e-6, within(1e-14));
        // embodied 3*(4/8*5700 + 4*164)/(94608000*64) = 3*3506/6054912000 = 1.7371020e-6 kg.
        assertThat(estimate.embodiedGwpKg()).isCloseTo(1.7371020421e-6, within(1e-15));
    }

    @Test
    void mixtureOfExpertsUsesActiveParametersForEnergyAndTotalForMemory() {
        // 39 B active of 141 B: memory 1.2*141*2 = 338.4 GB -> 5 -> 8 GPUs (a full server).
        // 200 tokens * (6.785088e-4*39 + 0.0196596 + 0.0194737) = 200*0.0658991 = 13.17983 s < 60 s.
        // PUE 1.5: energy 1.5*(13.17983/3600*1.2*1/64 + 8*200*6.2736423e-8) = 1.5*(6.864494e-5 + 1.0037828e-4) = 2.5353483e-4.
        ImpactEstimate estimate = estimator.estimate(new Deployment(39, 141, 1.5, ElectricityMix.FRANCE), 200, 60);

        assertThat(estimate.gpuCount()).isEqualTo(8);
        assertThat(estimate.generationSeconds()).isCloseTo(13.179829428, within(1e-8));
        assertThat(estimate.energyKwh()).isCloseTo(2.5353483276e-4, within(1e-13));
        assertThat(estimate.embodiedGwpKg()).isCloseTo(1.5263139077e-5, within(1e-14));
        assertThat(estimate.gwpKg()).isCloseTo(estimate.usageGwpKg() + estimate.embodiedGwpKg(), RELATIVE);
    }

    @Test
    void noOutputMeansNoImpact() {
        ImpactEstimate estimate = estimator.estimate(new Deployment(7, 7, 1.2, ElectricityMix.FRANCE), 0, 2);

        assertThat(estimate.energyKwh()).isZero();
        assertThat(estimate.gwpKg()).isZero();
    }

    @Test
    void theElectricityMixScalesOnlyTheUsageEmissions() {
        ElectricityMix coal = new ElectricityMix("COAL-TEST", 1.0);
        ImpactEstimate france = estimator.estimate(new Deployment(7, 7, 1.2, ElectricityMix.FRANCE), 100, 10);
        ImpactEstimate dirty = estimator.estimate(new Deployment(7, 7, 1.2, coal), 100, 10);

        assertThat(dirty.energyKwh()).isEqualTo(france.energyKwh());
        assertThat(dirty.usageGwpKg()).isCloseTo(france.usageGwpKg() / 0.04418, within(1e-15));
        assertThat(dirty.embodiedGwpKg()).isEqualTo(france.embodiedGwpKg());
    }

    @Test
    void knowsTheFrenchMixAndRejectsImpossibleDeployments() {
        assertThat(ElectricityMix.of("fra")).contains(ElectricityMix.FRANCE);
        assertThat(ElectricityMix.of("XYZ")).isEmpty();
        assertThatThrownBy(() -> new Deployment(7, 7, 0.9, ElectricityMix.FRANCE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Deployment(70, 7, 1.2, ElectricityMix.FRANCE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> estimator.estimate(new Deployment(7, 7, 1.2, ElectricityMix.FRANCE), -1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
