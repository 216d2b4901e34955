package fr.avec.communicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AiMentionTest {

    @Test
    void followsTheHasCnilModelSentence() {
        AiMention mention = new AiMention(true, "Avec 0.1.0 (modèle mistral-small-3.2)", "Dr Claire Martin",
                "médecin généraliste", LocalDate.of(2026, 3, 1));
        assertThat(mention.text()).isEqualTo("Ce compte rendu a été établi avec l'assistance de Avec 0.1.0 (modèle mistral-small-3.2), "
                + "validé par Dr Claire Martin, médecin généraliste le 1 mars 2026.");
    }

    @Test
    void omitsTheFunctionWhenUnknown() {
        assertThat(new AiMention(true, "Avec 0.1.0", "Dr Paul Durand", "  ", LocalDate.of(2026, 12, 24)).text())
                .endsWith("validé par Dr Paul Durand le 24 décembre 2026.");
    }

    @Test
    void saysSoWhenTheDocumentWasWrittenWithoutAi() {
        String text = new AiMention(false, null, "Dr Paul Durand", "cardiologue", LocalDate.of(2026, 2, 3)).text();
        assertThat(text).startsWith("Ce compte rendu a été rédigé sans assistance").doesNotContain("établi avec l'assistance")
                .endsWith("validé par Dr Paul Durand, cardiologue le 3 février 2026.");
    }

    @Test
    void refusesAMentionWithoutToolOrValidator() {
        assertThatThrownBy(() -> new AiMention(true, " ", "Dr A", "", LocalDate.now())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AiMention(false, null, "", "", LocalDate.now())).isInstanceOf(IllegalArgumentException.class);
    }
}
