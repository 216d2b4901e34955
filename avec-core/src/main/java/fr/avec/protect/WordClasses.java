package fr.avec.protect;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One hash lookup per word gives every role the rules care about (title, month, street type, context keyword...),
 * instead of probing a dozen sets for every token of the hot path.
 */
final class WordClasses {

    static final int TITLE = 1;
    static final int FIELD_START = 1 << 1;
    static final int INTRODUCER_START = 1 << 2;
    static final int MONTH = 1 << 3;
    static final int STREET = 1 << 4;
    static final int HOSPITAL = 1 << 5;
    static final int ID_KEYWORD = 1 << 6;
    static final int EXTENSION = 1 << 7;
    static final int NOT_PERSON = 1 << 8;
    static final int PARTICLE = 1 << 9;
    static final int ROLE = 1 << 10;
    static final int EPONYM = 1 << 11;
    static final int EPONYM_HEAD = 1 << 12;
    static final int UNIT = 1 << 13;
    static final int TITLE_ABBREVIATED = 1 << 14;
    static final int TITLE_FULL = 1 << 15;
    /** Lexicon bits, set per {@link Vocabulary}: a first name, a family name, a one-word commune. */
    static final int FIRST_NAME = 1 << 16;
    static final int FAMILY_NAME = 1 << 17;
    static final int COMMUNE = 1 << 18;
    /** The bits read from a {@link Vocabulary}, looked up only when a rule asks for one of them. */
    static final int LEXICON = FIRST_NAME | FAMILY_NAME | COMMUNE;

    private static final Map<String, Integer> CLASSES = new HashMap<>();

    static {
        add(NameRecognizer.TITLES_ABBREVIATED, TITLE);
        add(NameRecognizer.TITLES_FULL, TITLE);
        for (String field : NameRecognizer.FIELD_NAMES) {
            add(Set.of(field.split("[ ,'\\-]")[0]), FIELD_START);
        }
        add(NameRecognizer.INTRODUCER_STARTS, INTRODUCER_START);
        add(DateRecognizer.MONTH_KEYS.keySet(), MONTH);
        add(PlaceRecognizer.STREET_TYPES, STREET);
        add(PlaceRecognizer.HOSPITAL_HEADS, HOSPITAL);
        add(IdentifierRecognizer.KEYWORDS, ID_KEYWORD);
        add(ContactRecognizer.EXTENSION_WORDS, EXTENSION);
        add(MedicalTerms.NOT_PERSONS, NOT_PERSON);
        add(MedicalTerms.PARTICLES, PARTICLE);
        add(MedicalTerms.ROLE_WORDS, ROLE);
        add(MedicalTerms.EPONYMS, EPONYM);
        add(MedicalTerms.EPONYM_HEADS, EPONYM_HEAD);
        add(MedicalTerms.UNITS, UNIT);
        add(NameRecognizer.TITLES_ABBREVIATED, TITLE_ABBREVIATED);
        add(NameRecognizer.TITLES_FULL, TITLE_FULL);
    }



    private WordClasses() {
    }

    private static void add(Set<String> words, int bit) {
        for (String w : words) {
            CLASSES.merge(w, bit, (a, b) -> a | b);
        }
    }

    /** The classes of a folded word, 0 when it has no role. */
    static int of(String key) {
        Integer c = CLASSES.get(key);
        return c == null ? 0 : c;
    }
}
