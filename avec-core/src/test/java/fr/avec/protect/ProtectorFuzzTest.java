package fr.avec.protect;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Protect reads whatever a clinician pastes or a client sends. For any text: entities lie inside it, in order,
 * without overlap, and carry the text they cover; and a placeholder pseudonymization is undone by
 * re-identification (what leaves can always be brought back, so nothing is lost). An entity met again in another
 * spelling (case, accents, « 06 12 34 56 78 » and « 0612345678 ») shares the placeholder of its first occurrence
 * and comes back spelt as that one (found by fuzzing): the property is that every placeholder is resolved and the
 * text around the entities is unchanged.
 */
class ProtectorFuzzTest {

    private static final Protector PROTECTOR = Protector.withoutLexicons();

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"Mme ", "M. ", "Dr ", "né le ", "NIR ", " 1 84 12 75 ", "06 12 34 56 78", "+33 ", "@chu-", ".fr",
            " mars ", "deux mille vingt", "rue ", "CHU de ", "IPP ", "FR76 ", "DUPONT", "Jean-"})
    void entitiesAreConsistentAndPlaceholdersRoundTrip(String text) {
        if (text == null) {
            return; // Jazzer's first regression input; a null text is refused by contract, not parsed.
        }
        List<Entity> entities = PROTECTOR.detect(text);
        int previousEnd = 0;
        for (Entity entity : entities) {
            assertThat(entity.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(entity.end()).isLessThanOrEqualTo(text.length());
            assertThat(text.substring(entity.start(), entity.end())).isEqualTo(entity.text());
            previousEnd = entity.end();
        }
        Conversation conversation = Conversation.create();
        Pseudonymized pseudonymized = PROTECTOR.pseudonymize(text, Policy.placeholders(), conversation);
        if (text.indexOf('[') < 0) {
            // A text that already holds bracketed placeholders could be confused with ours; any other comes back whole:
            // every placeholder is resolved, and the text around the entities is unchanged and in order.
            String restored = PROTECTOR.reidentify(pseudonymized.text(), conversation);
            for (Conversation.Mapping mapping : conversation.mappings()) {
                assertThat(restored).doesNotContain(mapping.replacement());
            }
            int cursor = 0;
            int from = 0;
            for (Substitution substitution : pseudonymized.substitutions()) {
                String gap = text.substring(cursor, substitution.start());
                int at = restored.indexOf(gap, from);
                assertThat(at).as("text before an entity at %d", substitution.start()).isGreaterThanOrEqualTo(0);
                from = at + gap.length();
                cursor = substitution.end();
            }
            assertThat(restored.indexOf(text.substring(cursor), from)).as("text after the last entity").isGreaterThanOrEqualTo(0);
        }
    }
}
