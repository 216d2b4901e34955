package fr.avec.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class PseudonymizationTest {

    private final Protector protector = SmallLexicon.PROTECTOR;
    private static final String LETTER = "Mme Marie DUPONT, née le 03/04/1948, vue le 10/03/2021 puis le 20/03/2021.\n"
            + "Tél 06 12 34 56 78. Mme Dupont va mieux. Rappeler le 06.12.34.56.78.";

    @Test
    void placeholdersAreNumberedAndReusedForTheSameValue() {
        Pseudonymized p = protector.pseudonymize(LETTER, Policy.placeholders(), Conversation.of(500, 1));
        assertThat(p.text()).startsWith("Mme [PRENOM_1] [NOM_1], née le [DATE_NAISSANCE_1], vue le [DATE_1] puis le [DATE_2].")
                .contains("Mme [NOM_1] va mieux")
                .endsWith("Rappeler le [TEL_1].");
        assertThat(p.text()).doesNotContain("Dupont", "DUPONT", "06");
    }

    @Test
    void offsetsIndexTheInput() {
        Pseudonymized p = protector.pseudonymize(LETTER, Policy.placeholders(), Conversation.of(500, 1));
        for (Substitution s : p.substitutions()) {
            assertThat(LETTER.substring(s.start(), s.end())).isEqualTo(s.text());
        }
    }

    @Test
    void surrogateDatesKeepIntervalsAndFormat() {
        Conversation c = Conversation.of(-731, 7);
        Pseudonymized p = protector.pseudonymize(LETTER, Policy.surrogates(), c);
        List<Substitution> dates = p.substitutions().stream().filter(s -> s.label() == Label.DATE).toList();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        LocalDate first = LocalDate.parse(dates.get(0).replacement(), f);
        LocalDate second = LocalDate.parse(dates.get(1).replacement(), f);
        assertThat(ChronoUnit.DAYS.between(first, second)).isEqualTo(10);
        assertThat(first).isEqualTo(LocalDate.of(2021, 3, 10).minusDays(731));
        Substitution birth = p.substitutions().stream().filter(s -> s.label() == Label.DATE_NAISSANCE).findFirst().orElseThrow();
        assertThat(ChronoUnit.DAYS.between(LocalDate.parse(birth.replacement(), f), first))
                .isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(1948, 4, 3), LocalDate.of(2021, 3, 10)));
    }

    @Test
    void surrogateNamesAreConsistentAndKeepTheCaseOfEachMention() {
        Pseudonymized p = protector.pseudonymize(LETTER, Policy.surrogates(), Conversation.of(500, 3));
        List<Substitution> names = p.substitutions().stream().filter(s -> s.label() == Label.NOM).toList();
        assertThat(names).hasSize(2);
        assertThat(names.get(0).replacement()).isEqualTo(names.get(0).replacement().toUpperCase());
        assertThat(names.get(1).replacement()).isEqualTo(Surrogates.titleCase(names.get(0).replacement()));
        assertThat(names.get(0).replacement()).isNotEqualToIgnoringCase("DUPONT");
    }

    @Test
    void surrogateIdentifiersPassTheirChecksums() {
        String text = "NIR 1 84 12 75 108 042 " + String.format("%02d", Checksums.nirKey("1841275108042"))
                + ", IBAN FR76 3000 6000 0112 3456 7890 189, RPPS 10003456789.";
        Pseudonymized p = protector.pseudonymize(text, Policy.surrogates(), Conversation.of(500, 11));
        for (Substitution s : p.substitutions()) {
            String compact = s.replacement().replace(" ", "");
            switch (s.label()) {
                case SECU -> assertThat(Checksums.validNir(compact)).as(s.replacement()).isTrue();
                case IBAN -> assertThat(Checksums.validIban(compact)).as(s.replacement()).isTrue();
                case RPPS -> assertThat(Checksums.luhn(compact)).as(s.replacement()).isTrue();
                default -> { }
            }
            assertThat(s.replacement()).isNotEqualTo(s.text()).hasSameSizeAs(s.text());
        }
        assertThat(p.substitutions()).extracting(Substitution::label).containsExactly(Label.SECU, Label.IBAN, Label.RPPS);
    }

    @Test
    void surrogatePhoneKeepsItsLayoutAndPrefix() {
        Pseudonymized p = protector.pseudonymize("tél 06.12.34.56.78", Policy.surrogates(), Conversation.of(500, 5));
        assertThat(p.text()).matches("tél 06\\.\\d\\d\\.\\d\\d\\.\\d\\d\\.\\d\\d").isNotEqualTo("tél 06.12.34.56.78");
    }

    @Test
    void maskAndRemove() {
        Policy policy = Policy.parse("mask,TEL=remove");
        Pseudonymized p = protector.pseudonymize("Mme Dupont, tél 06 12 34 56 78.", policy, Conversation.create());
        assertThat(p.text()).isEqualTo("Mme XXXXXX, tél .");
    }

    @Test
    void policyParsingRejectsUnknownNames() {
        assertThatThrownBy(() -> Policy.parse("scramble")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scramble");
        assertThatThrownBy(() -> Policy.parse("surrogate,AGE=mask")).hasMessageContaining("AGE");
        assertThat(Policy.parse("surrogate,DATE=placeholder").operator(Label.DATE)).isEqualTo(Operator.PLACEHOLDER);
    }

    @Test
    void failsClosedOnNullInput() {
        assertThatThrownBy(() -> protector.detect(null)).isInstanceOf(ProtectionException.class);
    }

    @Test
    void emptyAndHugeInputsAreHandled() {
        assertThat(protector.detect("")).isEmpty();
        String big = "Mme Marie DUPONT vue le 03/03/2021. ".repeat(20_000);
        assertThat(protector.detect(big)).hasSize(60_000);
    }

    @Test
    void oneEngineServesManyThreadsWithTheSameResults() throws Exception {
        List<String> texts = List.of(LETTER, "Dr Sophie PETIT, RPPS 10003456789", "Patient : DURAND Claire\nDDN : 12/05/1950",
                "Mme Hélène HÉLIE, 12 rue des Lilas 33000 Bordeaux, tél 05 56 79 56 79.");
        List<List<Entity>> expected = texts.stream().map(protector::detect).toList();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int k = 0; k < 200; k++) {
                int n = k % texts.size();
                runs.add(pool.submit(() -> protector.detect(texts.get(n)).equals(expected.get(n))));
            }
            for (var run : runs) {
                assertThat(run.get()).isTrue();
            }
        }
    }

    @Test
    void conversationSurvivesSerialization() {
        Conversation c = Conversation.of(-600, 9);
        Pseudonymized first = protector.pseudonymize(LETTER, Policy.surrogates(), c);
        Conversation copy = Conversation.fromBytes(c.toBytes());
        assertThat(copy.dateOffsetDays()).isEqualTo(-600);
        assertThat(copy.mappings()).isEqualTo(c.mappings());
        Pseudonymized second = protector.pseudonymize(LETTER, Policy.surrogates(), copy);
        assertThat(second.text()).isEqualTo(first.text());
    }

    @Test
    void corruptConversationBytesFailClosed() {
        assertThatThrownBy(() -> Conversation.fromBytes(new byte[] {0, 0, 0, 1, 2})).isInstanceOf(ProtectionException.class);
    }
}
