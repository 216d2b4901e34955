package fr.avec.protect.evaluation;

import fr.avec.protect.Entity;
import fr.avec.protect.Label;
import java.util.ArrayList;
import java.util.List;

/** Writes a synthetic document piece by piece, recording the span of every entity as it is written. */
final class DocumentWriter {

    private final StringBuilder text = new StringBuilder(2048);
    private final List<Entity> gold = new ArrayList<>();

    DocumentWriter t(String plain) {
        text.append(plain);
        return this;
    }

    DocumentWriter e(Label label, String value) {
        int start = text.length();
        text.append(value);
        gold.add(new Entity(label, start, text.length(), value));
        return this;
    }

    AnnotatedDocument done(String id, String genre) {
        return new AnnotatedDocument(id, genre, text.toString(), gold);
    }
}
