package fr.avec.protect;

import fr.avec.text.FoldedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import fr.avec.data.lexicon.Lexicons;

/**
 * The pseudonymization engine for French clinical text: finds identifying data ({@link #detect}), replaces it
 * according to a {@link Policy} ({@link #pseudonymize}) and puts it back into a model's answer
 * ({@link #reidentify}, {@link #streamingReidentifier}). Built once, immutable and thread-safe.
 * Fails closed: any internal error raises {@link ProtectionException}, never returns the raw text.
 */
public final class Protector {

    private final Vocabulary vocabulary;
    private final FrenchWords words;
    private final IdentifierRecognizer identifiers;
    private final ContactRecognizer contacts = new ContactRecognizer();
    private final DateRecognizer dates = new DateRecognizer();
    private final NameRecognizer names;
    private final PlaceRecognizer places;
    private final Surrogates surrogates;

    private Protector(Builder b) {
        this.vocabulary = b.vocabulary.build();
        this.words = FrenchWords.load();
        this.identifiers = new IdentifierRecognizer(vocabulary.finess, List.copyOf(b.ippPatterns), List.copyOf(b.ndaPatterns));
        this.names = new NameRecognizer(vocabulary, words);
        this.places = new PlaceRecognizer(vocabulary, words);
        this.surrogates = new Surrogates(vocabulary);
    }

    /** A builder to which lexicon entries and hospital-local identifier patterns are added. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * An engine without the name and place lexicons: names are still found after titles, in name fields and
     * by propagation, but « Prénom Nom » pairs without context, communes and postal codes are missed.
     */
    public static Protector withoutLexicons() {
        return builder().build();
    }

    /**
     * An engine built from the reference lexicons (INSEE first and family names, communes, La Poste postal codes,
     * FINESS establishments); the surrogate pools are drawn from them too.
     */
    public static Protector fromLexicons(Lexicons lexicons) {
        return LexiconPools.fill(builder(), lexicons).build();
    }

    /** Whether the name and place lexicons were given; without them recall on names and places is lower. */
    public boolean hasLexicons() {
        return vocabulary.fromLexicons;
    }

    /** Finds every entity in the text, in order, without overlaps; offsets are UTF-16 indexes into {@code text}. */
    public List<Entity> detect(String text) {
        if (text == null) {
            throw new ProtectionException("no text to protect");
        }
        try {
            Candidates candidates = new Candidates();
            Tokens tokens = new Tokens(text, vocabulary.classes);
            identifiers.find(text, tokens, candidates);
            contacts.find(text, tokens, candidates);
            contacts.inWords(tokens, candidates);
            dates.find(text, tokens, candidates);
            places.find(tokens, candidates);
            names.find(tokens, candidates);
            List<Tables.Cell> cells = Tables.cells(text, NameRecognizer.FIELD_NAMES);
            for (Tables.Cell cell : cells) {
                Label l = Tables.headingLabel(cell.heading());
                if ((l == Label.VILLE || l == Label.ADRESSE) && Character.isLetterOrDigit(text.charAt(cell.start()))) {
                    candidates.add(l, cell.start(), cell.end(), PlaceRecognizer.CITY_PRIORITY);
                }
            }
            List<Entity> entities = birthDatesAfterNames(text, candidates.resolve(text));
            return cells.isEmpty() ? entities : birthDatesInTables(cells, entities);
        } catch (ProtectionException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new ProtectionException("detection failed", e);
        }
    }

    /** A date in a column headed « DDN » or « Date de naissance » is a date of birth. */
    private static List<Entity> birthDatesInTables(List<Tables.Cell> cells, List<Entity> entities) {
        List<Entity> result = new ArrayList<>(entities);
        for (int k = 0; k < result.size(); k++) {
            Entity e = result.get(k);
            if (e.label() != Label.DATE) {
                continue;
            }
            for (Tables.Cell cell : cells) {
                if (cell.start() <= e.start() && e.end() <= cell.end() && Tables.headingLabel(cell.heading()) == Label.DATE_NAISSANCE) {
                    result.set(k, new Entity(Label.DATE_NAISSANCE, e.start(), e.end(), e.text()));
                    break;
                }
            }
        }
        return result;
    }

    /** « Mme Marie DUPONT (03/04/1948) »: a date in brackets right after a person's name is a date of birth. */
    private static List<Entity> birthDatesAfterNames(String text, List<Entity> entities) {
        List<Entity> result = null;
        for (int k = 1; k < entities.size(); k++) {
            Entity e = entities.get(k);
            Entity before = entities.get(k - 1);
            if (e.label() != Label.DATE || before.label() != Label.NOM && before.label() != Label.PRENOM) {
                continue;
            }
            String between = text.substring(before.end(), e.start()).strip();
            if (between.equals("(") || between.equals(", né le") || between.equals(", née le") || between.equals("né le")
                    || between.equals("née le") || between.equals(", né(e) le")) {
                if (result == null) {
                    result = new ArrayList<>(entities);
                }
                result.set(k, new Entity(Label.DATE_NAISSANCE, e.start(), e.end(), e.text()));
            }
        }
        return result == null ? entities : result;
    }

    /**
     * Replaces every entity following the policy; the same real value gets the same replacement within the
     * conversation, which records every reversible replacement.
     */
    public Pseudonymized pseudonymize(String text, Policy policy, Conversation conversation) {
        List<Entity> entities = detect(text);
        try {
            StringBuilder out = new StringBuilder(text.length() + entities.size() * 4);
            List<Substitution> substitutions = new ArrayList<>(entities.size());
            int last = 0;
            for (Entity e : entities) {
                out.append(text, last, e.start());
                String replacement = replacement(e, policy.operator(e.label()), conversation);
                out.append(replacement);
                substitutions.add(new Substitution(e.label(), e.start(), e.end(), e.text(), replacement));
                last = e.end();
            }
            out.append(text, last, text.length());
            return new Pseudonymized(out.toString(), substitutions);
        } catch (ProtectionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProtectionException("pseudonymization failed", e);
        }
    }

    private String replacement(Entity e, Operator operator, Conversation conversation) {
        Label label = e.label();
        return switch (operator) {
            case REMOVE -> "";
            case MASK -> mask(e.text());
            case PLACEHOLDER -> {
                String key = normalized(label, e.text(), true);
                String existing = conversation.replacement(label, key).orElse(null);
                if (existing == null) {
                    existing = "[" + label.name() + "_" + conversation.nextNumber(label) + "]";
                    conversation.record(label, key, e.text(), existing);
                }
                yield existing;
            }
            case SURROGATE -> {
                String key = normalized(label, e.text(), false);
                String existing = conversation.replacement(label, key).orElse(null);
                if (existing != null) {
                    // One surrogate per value, written in the case of each mention (« DUPONT », « Dupont »).
                    yield label.family() == Label.Family.NAME || label == Label.VILLE ? Surrogates.styled(e.text(), existing) : existing;
                }
                String candidate = null;
                for (int attempt = 0; attempt < 50; attempt++) {
                    candidate = surrogates.surrogate(label, e.text(), conversation, attempt);
                    if (candidate == null) {
                        break;
                    }
                    if (!conversation.replacementTaken(candidate) && !FoldedText.fold(candidate).equals(FoldedText.fold(e.text()))) {
                        break;
                    }
                }
                if (candidate == null || FoldedText.fold(candidate).equals(FoldedText.fold(e.text()))) {
                    // An unreadable date or an exhausted list: a placeholder never leaks.
                    candidate = "[" + label.name() + "_" + conversation.nextNumber(label) + "]";
                }
                conversation.record(label, key, e.text(), candidate);
                if (label == Label.DATE || label == Label.DATE_NAISSANCE) {
                    aliasDates(label, e.text(), conversation);
                }
                yield candidate;
            }
        };
    }

    private static void aliasDates(Label label, String original, Conversation conversation) {
        FrenchDate real = FrenchDate.parse(original);
        if (real == null) {
            return;
        }
        java.time.LocalDate shifted = real.date().plusDays(conversation.dateOffsetDays());
        List<String> realForms = real.renderings(real.date());
        List<String> shiftedForms = real.renderings(shifted);
        for (int i = 0; i < realForms.size() && i < shiftedForms.size(); i++) {
            conversation.alias(label, realForms.get(i), shiftedForms.get(i));
        }
    }

    /** The key under which two spellings of one value share a replacement. */
    static String normalized(Label label, String text, boolean placeholder) {
        return switch (label) {
            case TEL -> {
                String d = Context.digits(text);
                if (d.startsWith("0033")) {
                    d = "0" + d.substring(4);
                } else if (text.strip().startsWith("+33")) {
                    d = "0" + d.substring(2);
                }
                yield d.replace("(0)", "");
            }
            case SECU, INS, IBAN, RPPS, ADELI, FINESS, IPP, NDA, ZIP -> alphanumeric(text);
            case DATE, DATE_NAISSANCE -> {
                FrenchDate d = placeholder ? FrenchDate.parse(text) : null;
                yield d == null ? FoldedText.fold(text) : d.date() + "|" + d.hasDay() + d.hasMonth() + d.hasYear();
            }
            case MAIL, URL -> text.toLowerCase(Locale.ROOT);
            default -> Vocabulary.placeKey(text);
        };
    }

    private static String alphanumeric(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    private static String mask(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(Character.isLetterOrDigit(c) ? 'X' : c);
        }
        return sb.toString();
    }

    /** Puts the real values of the conversation back into a model's answer. */
    public String reidentify(String text, Conversation conversation) {
        try {
            Reidentifier r = new Reidentifier(conversation);
            StringBuilder out = new StringBuilder(text.length() + 16);
            r.apply(text, 0, text.length(), -1, out);
            return out.toString();
        } catch (RuntimeException e) {
            throw new ProtectionException("re-identification failed", e);
        }
    }

    /** A re-identifier for one streamed answer, holding back only what may be a split replacement. */
    public StreamingReidentifier streamingReidentifier(Conversation conversation) {
        return new StreamingReidentifier(new Reidentifier(conversation));
    }

    /** Collects the lexicons and local identifier formats of one engine. */
    public static final class Builder {
        private final Vocabulary.Builder vocabulary = Vocabulary.builder();
        private final List<Pattern> ippPatterns = new ArrayList<>();
        private final List<Pattern> ndaPatterns = new ArrayList<>();

        private Builder() {
        }

        /** A male first name with its number of births (INSEE), which ranks it for surrogates and pairs. */
        public Builder maleFirstName(String name, long births) {
            vocabulary.firstName(name, Vocabulary.MALE, births);
            return this;
        }

        /** A female first name with its number of births. */
        public Builder femaleFirstName(String name, long births) {
            vocabulary.firstName(name, Vocabulary.FEMALE, births);
            return this;
        }

        /** A family name; never enough alone to redact a word. */
        public Builder familyName(String name) {
            vocabulary.familyName(name);
            return this;
        }

        /** A commune name (INSEE). */
        public Builder commune(String name) {
            vocabulary.commune(name);
            return this;
        }

        /** A postal code and the commune it serves (La Poste). */
        public Builder postalCode(String code, String communeName) {
            vocabulary.postalCode(code, communeName);
            return this;
        }

        /** A health establishment's FINESS number: the bare number is then recognized without context. */
        public Builder establishment(String finess) {
            vocabulary.establishment(finess);
            return this;
        }

        /** Surrogate pools: most frequent first names, family names, (postal code, commune) pairs, hospital names. */
        public Builder surrogates(List<String> male, List<String> female, List<String> family, List<String[]> places,
                                  List<String> hospitals) {
            vocabulary.surrogates(male, female, family, places, hospitals);
            return this;
        }

        /** A hospital-local IPP format, found anywhere (group 1 if present, else the whole match). */
        public Builder ippPattern(Pattern pattern) {
            ippPatterns.add(pattern);
            return this;
        }

        /** A hospital-local NDA (stay number) format, found anywhere. */
        public Builder ndaPattern(Pattern pattern) {
            ndaPatterns.add(pattern);
            return this;
        }

        public Protector build() {
            return new Protector(this);
        }
    }
}
