package fr.avec.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class VaultTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final InMemoryVaultStore store = new InMemoryVaultStore();
    private final Vault vault = new Vault(store, Vault.key(Vault.newKey()), Duration.ofMinutes(30), clock);

    private Conversation conversation() {
        Conversation c = Conversation.of(450, 8);
        SmallLexicon.PROTECTOR.pseudonymize("Mme Marie DUPONT, tél 06 12 34 56 78.", Policy.surrogates(), c);
        return c;
    }

    @Test
    void savedConversationLoadsBackIdentical() {
        Conversation c = conversation();
        vault.save("conv-1", c);
        Conversation back = vault.load("conv-1").orElseThrow();
        assertThat(back.mappings()).isEqualTo(c.mappings());
        assertThat(back.dateOffsetDays()).isEqualTo(450);
    }

    @Test
    void storedBytesAreEncrypted() {
        vault.save("conv-2", conversation());
        byte[] sealed = store.get("conv-2", now.get()).orElseThrow();
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("DUPONT", "Marie");
    }

    @Test
    void expiredConversationsAreGone() {
        vault.save("conv-3", conversation());
        now.set(now.get().plus(Duration.ofMinutes(31)));
        assertThat(vault.load("conv-3")).isEmpty();
        vault.save("conv-4", conversation());
        now.set(now.get().plus(Duration.ofHours(1)));
        assertThat(vault.purge()).isEqualTo(1);
        assertThat(store.size()).isZero();
    }

    @Test
    void anotherKeyOrATamperedEntryFailsClosed() {
        vault.save("conv-5", conversation());
        Vault other = new Vault(store, Vault.key(Vault.newKey()), Duration.ofMinutes(30), clock);
        assertThatThrownBy(() -> other.load("conv-5")).isInstanceOf(ProtectionException.class).hasMessageNotContaining("DUPONT");
        byte[] sealed = store.get("conv-5", now.get()).orElseThrow();
        sealed[sealed.length - 1] ^= 1;
        store.put("conv-5", sealed, now.get().plus(Duration.ofMinutes(5)));
        assertThatThrownBy(() -> vault.load("conv-5")).isInstanceOf(ProtectionException.class);
    }

    @Test
    void anEntryMovedToAnotherIdIsRejected() {
        vault.save("conv-6", conversation());
        store.put("conv-7", store.get("conv-6", now.get()).orElseThrow(), now.get().plus(Duration.ofMinutes(5)));
        assertThatThrownBy(() -> vault.load("conv-7")).isInstanceOf(ProtectionException.class);
    }

    @Test
    void keysMustBe256Bits() {
        assertThatThrownBy(() -> Vault.key(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
