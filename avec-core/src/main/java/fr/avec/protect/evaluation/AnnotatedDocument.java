package fr.avec.protect.evaluation;

import fr.avec.protect.Entity;
import java.util.List;

/** A text with its gold entities (offsets into the text), for measuring the pseudonymizer. */
public record AnnotatedDocument(String id, String genre, String text, List<Entity> gold) {

    public AnnotatedDocument {
        gold = List.copyOf(gold);
    }

    @Override
    public String toString() {
        return "AnnotatedDocument[" + id + ", " + genre + ", " + gold.size() + " entities]";
    }
}
