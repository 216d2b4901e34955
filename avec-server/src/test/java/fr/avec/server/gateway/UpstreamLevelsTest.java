package fr.avec.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A register declaration lowers an upstream's level (and forces pseudonymization), never raises it. */
class UpstreamLevelsTest {

    private static GatewayProperties.Upstream upstream(String name, ConfidentialityLevel level, String... models) {
        return new GatewayProperties.Upstream(name, "http://127.0.0.1:1/v1", null, level, List.of(models), null, null, null, null,
                null, null, null, null);
    }

    @Test
    void aDeclarationLowersTrustAndIsFollowedWhenItChanges() {
        AtomicReference<Map<String, ConfidentialityLevel>> declared = new AtomicReference<>(Map.of());
        Upstreams upstreams = new Upstreams(new GatewayProperties(List.of(
                upstream("local", ConfidentialityLevel.ON_PREMISE, "mistral"),
                upstream("hds", ConfidentialityLevel.HDS, "mistral")), Map.of()), declared::get);
        assertThat(upstreams.route("mistral", ConfidentialityLevel.ON_PREMISE)).extracting(GatewayProperties.Upstream::name).containsExactly("local");

        declared.set(Map.of("local", ConfidentialityLevel.EU_CONTRACT));
        assertThat(upstreams.route("mistral", ConfidentialityLevel.ON_PREMISE)).isEmpty();
        GatewayProperties.Upstream lowered = upstreams.all().getFirst();
        assertThat(lowered.level()).isEqualTo(ConfidentialityLevel.EU_CONTRACT);
        assertThat(lowered.pseudonymize()).as("raw text never leaves for a lowered upstream").isTrue();
        // The hds upstream is now the primary; the lowered one is no fallback for it (less trusted).
        assertThat(upstreams.route("mistral", ConfidentialityLevel.PUBLIC)).extracting(GatewayProperties.Upstream::name).containsExactly("local", "hds");
        assertThat(upstreams.route("mistral", ConfidentialityLevel.HDS)).extracting(GatewayProperties.Upstream::name).containsExactly("hds");
        assertThat(upstreams.configured().getFirst().level()).isEqualTo(ConfidentialityLevel.ON_PREMISE);

        declared.set(Map.of());
        assertThat(upstreams.all().getFirst().level()).isEqualTo(ConfidentialityLevel.ON_PREMISE);
    }

    @Test
    void aMoreTrustedDeclarationIsIgnored() {
        Upstreams upstreams = new Upstreams(new GatewayProperties(List.of(upstream("eu", ConfidentialityLevel.EU_CONTRACT, "mistral")), Map.of()),
                () -> Map.of("eu", ConfidentialityLevel.ON_PREMISE));
        assertThat(upstreams.all().getFirst().level()).isEqualTo(ConfidentialityLevel.EU_CONTRACT);
        assertThat(upstreams.all().getFirst().pseudonymize()).isTrue();
        assertThat(upstreams.route("mistral", ConfidentialityLevel.HDS)).isEmpty();
    }
}
