package fr.avec.server.communicate;

import fr.avec.protect.Conversation;
import fr.avec.protect.Entity;
import fr.avec.protect.Label;
import fr.avec.protect.Policy;
import fr.avec.protect.Protector;
import fr.avec.protect.Pseudonymized;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * What Communiquer stores of the words people type (an incident's description, a referent's analysis, a shared
 * note): passed through the Protect engine first, so that a report about a document never becomes a copy of the
 * patient's record. Fails closed: when Protect fails, {@link fr.avec.protect.ProtectionException} propagates and
 * nothing is stored.
 */
@Component
public class FreeText {

    private final Protector protector;

    public FreeText(Protector protector) {
        this.protector = protector;
    }

    /**
     * A text with every identifying element replaced by a numbered placeholder ({@code [NOM_1]}).
     *
     * @param text     what is stored
     * @param replaced how many elements were replaced
     */
    public record Redacted(String text, int replaced) {
    }

    /** The text with identifying data replaced by placeholders; a fresh mapping each time, never kept. */
    public Redacted pseudonymize(String text) {
        Pseudonymized result = protector.pseudonymize(text, Policy.placeholders(), Conversation.create());
        return new Redacted(result.text(), result.substitutions().size());
    }

    /** The identifying data Protect finds in the text, in order (empty when there is none). */
    public List<Entity> identifying(String text) {
        return protector.detect(text);
    }

    /** The labels of those entities, sorted and without repeats, to tell a person what was found. */
    public static Set<Label> labels(List<Entity> entities) {
        Set<Label> labels = new TreeSet<>();
        entities.forEach(e -> labels.add(e.label()));
        return labels;
    }
}
