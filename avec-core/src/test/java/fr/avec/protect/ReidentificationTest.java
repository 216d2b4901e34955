package fr.avec.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReidentificationTest {

    private final Protector protector = SmallLexicon.PROTECTOR;

    @Test
    void placeholdersComeBack() {
        Conversation c = Conversation.of(500, 1);
        Pseudonymized p = protector.pseudonymize("Mme Marie DUPONT, tél 06 12 34 56 78.", Policy.placeholders(), c);
        String answer = "Résumé : [PRENOM_1] [NOM_1] peut être jointe au [TEL_1].";
        assertThat(protector.reidentify(answer, c)).isEqualTo("Résumé : Marie DUPONT peut être jointe au 06 12 34 56 78.");
        assertThat(p.text()).doesNotContain("DUPONT");
    }

    @Test
    void surrogatesComeBackWhateverTheCaseTheModelUsed() {
        Conversation c = Conversation.of(500, 2);
        Pseudonymized p = protector.pseudonymize("Patient : DUPONT Jean\nM. Dupont a 54 ans.", Policy.surrogates(), c);
        String surrogate = p.substitutions().get(0).replacement(); // upper case, like the input
        String title = Surrogates.titleCase(surrogate);
        String answer = "M. " + surrogate + " va bien. Monsieur " + title + " reviendra. " + surrogate.toLowerCase() + "x reste.";
        String back = protector.reidentify(answer, c);
        assertThat(back).startsWith("M. DUPONT va bien. Monsieur Dupont reviendra.")
                .endsWith(surrogate.toLowerCase() + "x reste."); // inside another word: untouched
    }

    @Test
    void datesWrittenAnotherWayComeBack() {
        Conversation c = Conversation.of(400, 3);
        Pseudonymized p = protector.pseudonymize("Vue le 03/03/2021.", Policy.surrogates(), c);
        String surrogate = p.substitutions().get(0).replacement();
        assertThat(surrogate).isEqualTo("07/04/2022");
        assertThat(protector.reidentify("Consultation du 7 avril 2022 et du 07/04/2022.", c))
                .isEqualTo("Consultation du 3 mars 2021 et du 03/03/2021.");
    }

    @Test
    void streamedAnswerWithReplacementsSplitAcrossChunks() {
        Conversation c = Conversation.of(500, 4);
        protector.pseudonymize("Mme Marie DUPONT, tél 06 12 34 56 78.", Policy.placeholders(), c);
        String answer = "Bonjour [PRENOM_1] [NOM_1], votre numéro [TEL_1] est noté.";
        StreamingReidentifier stream = protector.streamingReidentifier(c);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < answer.length(); i += 3) {
            out.append(stream.accept(answer.substring(i, Math.min(answer.length(), i + 3))));
        }
        out.append(stream.finish());
        assertThat(out).hasToString("Bonjour Marie DUPONT, votre numéro 06 12 34 56 78 est noté.");
    }

    @Test
    void streamingHoldsBackOnlyWhatMayBeAReplacement() {
        Conversation c = Conversation.of(500, 5);
        protector.pseudonymize("Mme Marie DUPONT", Policy.placeholders(), c);
        StreamingReidentifier stream = protector.streamingReidentifier(c);
        assertThat(stream.accept("Le patient va bien ")).isEqualTo("Le patient va bien ");
        assertThat(stream.accept("et [NO")).isEqualTo("et ");
        assertThat(stream.held()).isEqualTo(3);
        assertThat(stream.accept("M_1] sort.")).isEqualTo("DUPONT sort.");
        assertThat(stream.finish()).isEmpty();
    }

    @Test
    void streamingSurrogateNeedsTheNextCharacterToKnowTheWordEnds() {
        Conversation c = Conversation.of(500, 6);
        Pseudonymized p = protector.pseudonymize("M. Durand", Policy.surrogates(), c);
        String s = p.substitutions().get(0).replacement();
        StreamingReidentifier stream = protector.streamingReidentifier(c);
        String first = stream.accept("Monsieur " + s);
        assertThat(first).isEqualTo("Monsieur ");
        assertThat(stream.accept(" va bien")).isEqualTo("Durand va bien");
        List<String> none = List.of(stream.finish());
        assertThat(none).containsExactly("");
    }
}
