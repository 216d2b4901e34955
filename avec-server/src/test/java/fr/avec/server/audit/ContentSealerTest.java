package fr.avec.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** full_encrypted content is unreadable without the key and bound to its request. */
class ContentSealerTest {

    private static String key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void sealsAndOpensBoundToTheRequest() {
        ContentSealer sealer = new ContentSealer(key());
        String sealed = sealer.seal("req_1", "{\"prompt\":\"Mme Claire Dubois, née le 12/03/1961\"}");

        assertThat(sealed).startsWith("v1:").doesNotContain("Dubois");
        assertThat(sealer.open("req_1", sealed)).contains("Claire Dubois");
        assertThatThrownBy(() -> sealer.open("req_2", sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ContentSealer(key()).open("req_1", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyNothingIsSealed() {
        ContentSealer none = new ContentSealer("");
        assertThat(none.available()).isFalse();
        assertThatThrownBy(() -> none.seal("req_1", "x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ContentSealer(Base64.getEncoder().encodeToString(new byte[16]))).isInstanceOf(IllegalArgumentException.class);
    }
}
