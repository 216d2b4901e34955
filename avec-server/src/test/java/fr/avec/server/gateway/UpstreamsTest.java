package fr.avec.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routing never falls back to a less trusted upstream, and raw text is only allowed on premise. */
class UpstreamsTest {

    private static GatewayProperties.Upstream upstream(String name, ConfidentialityLevel level, String... models) {
        return new GatewayProperties.Upstream(name, "http://127.0.0.1:1/v1/", null, level, List.of(models), null, null, null, null,
                null, null, null, null);
    }

    @Test
    void fallbacksAreAtTheSameOrAMoreTrustedLevel() {
        Upstreams upstreams = new Upstreams(new GatewayProperties(List.of(
                upstream("eu", ConfidentialityLevel.EU_CONTRACT, "mistral"),
                upstream("public", ConfidentialityLevel.PUBLIC, "mistral"),
                upstream("hds", ConfidentialityLevel.HDS, "mistral"),
                upstream("local", ConfidentialityLevel.ON_PREMISE, "mistral", "llama")), Map.of()));

        assertThat(upstreams.route("mistral", ConfidentialityLevel.PUBLIC)).extracting(GatewayProperties.Upstream::name)
                .containsExactly("eu", "hds", "local");
        assertThat(upstreams.route("mistral", ConfidentialityLevel.HDS)).extracting(GatewayProperties.Upstream::name)
                .containsExactly("hds", "local");
        assertThat(upstreams.route("llama", ConfidentialityLevel.PUBLIC)).extracting(GatewayProperties.Upstream::name).containsExactly("local");
        assertThat(upstreams.route("gpt", ConfidentialityLevel.PUBLIC)).isEmpty();
    }

    @Test
    void configurationRefusesRawTextOutsideThePremisesAndDuplicateNames() {
        assertThat(upstream("local", ConfidentialityLevel.ON_PREMISE).pseudonymize()).isFalse();
        assertThat(upstream("hds", ConfidentialityLevel.HDS).pseudonymize()).isTrue();
        assertThat(upstream("hds", ConfidentialityLevel.HDS).baseUrl()).isEqualTo("http://127.0.0.1:1/v1");
        assertThatThrownBy(() -> new GatewayProperties.Upstream("hds", "http://x/v1", null, ConfidentialityLevel.HDS, null, null, null, null,
                false, null, null, null, null)).hasMessageContaining("on_premise");
        assertThatThrownBy(() -> new Upstreams(new GatewayProperties(List.of(upstream("a", ConfidentialityLevel.HDS),
                upstream("a", ConfidentialityLevel.PUBLIC)), Map.of()))).hasMessageContaining("two upstreams");
    }
}
