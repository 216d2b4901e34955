package fr.avec.protect;

import fr.avec.text.FoldedText;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Realistic replacement values: first names of the same sex, plausible family names, communes, identifiers
 * that keep their layout and pass their checksum, dates moved by the conversation's offset.
 */
final class Surrogates {

    private final Vocabulary vocabulary;

    Surrogates(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** A surrogate for one entity; {@code attempt} changes the draw when a value is already taken. */
    String surrogate(Label label, String original, Conversation conversation, int attempt) {
        SplittableRandom random = new SplittableRandom(conversation.seed() * 31 + FoldedText.fold(original).hashCode() * 17L + attempt * 7919L
                + label.ordinal());
        return switch (label) {
            case PRENOM -> styled(original, firstName(original, random));
            case NOM -> styled(original, pick(vocabulary.familySurrogates, random));
            case VILLE -> styled(original, pick(vocabulary.placeSurrogates, random)[1]);
            case ZIP -> pick(vocabulary.placeSurrogates, random)[0];
            case ADRESSE -> (1 + random.nextInt(120)) + " " + pick(DefaultNames.STREETS, random);
            case HOPITAL -> hospital(original, random);
            case DATE, DATE_NAISSANCE -> {
                FrenchDate date = FrenchDate.parse(original);
                yield date == null ? null : date.shifted(conversation.dateOffsetDays());
            }
            case TEL -> phone(original, random);
            case MAIL -> mail(random);
            case URL -> "https://www.exemple.fr/" + Long.toString(random.nextLong(1L << 40), 36);
            case SECU, INS -> nir(original, random);
            case IBAN -> iban(original, random);
            case RPPS -> layout(original, luhnNumber(original, "10", 11, random));
            case FINESS -> layout(original, luhnNumber(original, firstDigits(original, 2), 9, random));
            case ADELI -> layout(original, luhnNumber(original, firstDigits(original, 2), 9, random));
            case IPP, NDA -> sameShape(original, random);
        };
    }

    /** A hospital whose name starts like the original, so that « l'Hôpital X » stays « l'Hôpital Y ». */
    private String hospital(String original, SplittableRandom random) {
        String folded = FoldedText.fold(original);
        int cut = 0;
        while (cut < folded.length() && Character.isLetter(folded.charAt(cut))) {
            cut++;
        }
        List<String> same = vocabulary.hospitalsByHead.get(folded.substring(0, cut));
        if (same != null && !same.isEmpty()) {
            return pick(same, random);
        }
        boolean vowel = !folded.isEmpty() && "aeiouyh".indexOf(folded.charAt(0)) >= 0;
        List<String> sameSound = vowel ? vocabulary.hospitalsWithVowel : vocabulary.hospitalsWithConsonant;
        return pick(sameSound.isEmpty() ? vocabulary.hospitalSurrogates : sameSound, random);
    }

    private String firstName(String original, SplittableRandom random) {
        // Compound first names (« Jean-Pierre ») take the sex of their first part.
        String key = FoldedText.fold(original).split("[ \\-]")[0];
        int sex = vocabulary.sex(FoldedText.fold(original));
        if (sex == 0) {
            sex = vocabulary.sex(key);
        }
        boolean female = sex == Vocabulary.FEMALE || sex == 0 && random.nextBoolean();
        return pick(female ? vocabulary.femaleSurrogates : vocabulary.maleSurrogates, random);
    }

    private static <T> T pick(List<T> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }

    /** Writes the surrogate in the case of the original: « DUPONT » gives « MERCIER », « Dupont » gives « Mercier ». */
    static String styled(String original, String surrogate) {
        boolean upper = false;
        boolean lower = true;
        int letters = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    lower = false;
                }
            }
        }
        if (letters >= 2) {
            upper = original.equals(original.toUpperCase(Locale.ROOT));
        }
        if (upper) {
            return surrogate.toUpperCase(Locale.ROOT);
        }
        if (lower && letters > 0) {
            return surrogate.toLowerCase(Locale.ROOT);
        }
        return titleCase(surrogate);
    }

    static String titleCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == ' ' || c == '-' || c == '\'';
        }
        return sb.toString();
    }

    private static String phone(String original, SplittableRandom random) {
        StringBuilder out = new StringBuilder(original.length());
        String digits = Context.digits(original);
        // Keep the international prefix and the first national digits (mobile or landline, region).
        int keep;
        if (original.startsWith("+") || original.startsWith("00")) {
            int prefixDigits = original.startsWith("00") ? 2 : 0;
            String rest = digits.substring(prefixDigits);
            keep = prefixDigits + (rest.startsWith("33") || rest.startsWith("32") || rest.startsWith("41") ? 3 : 4);
        } else {
            keep = digits.length() >= 10 ? 2 : 0;
        }
        int seen = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(seen < keep ? c : (char) ('0' + random.nextInt(10)));
                seen++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String mail(SplittableRandom random) {
        String first = FoldedText.fold(pick(random.nextBoolean() ? vocabulary.femaleSurrogates : vocabulary.maleSurrogates, random));
        String last = FoldedText.fold(pick(vocabulary.familySurrogates, random));
        return (first + "." + last).replaceAll("[^a-z.]", "") + "@exemple.fr";
    }

    private static String nir(String original, SplittableRandom random) {
        String compact = Context.digits(original);
        boolean withKey = compact.length() >= 15;
        char sex = compact.isEmpty() ? '1' : compact.charAt(0);
        if (sex != '1' && sex != '2') {
            sex = '1';
        }
        StringBuilder body = new StringBuilder(15);
        body.append(sex);
        body.append(two(random.nextInt(100)));
        body.append(two(1 + random.nextInt(12)));
        int dep = 1 + random.nextInt(95);
        body.append(two(dep == 20 ? 21 : dep));
        body.append(three(1 + random.nextInt(990)));
        body.append(three(1 + random.nextInt(999)));
        if (withKey) {
            body.append(two(Checksums.nirKey(body)));
        }
        if (compact.length() > 15) {
            return sameShape(original, random); // 22-digit INS-C: shape only
        }
        return layout(original, body.toString());
    }

    private static String iban(String original, SplittableRandom random) {
        String compact = original.replace(" ", "").toUpperCase(Locale.ROOT);
        String country = compact.length() >= 2 ? compact.substring(0, 2) : "FR";
        StringBuilder bban = new StringBuilder();
        for (int i = 4; i < compact.length(); i++) {
            char c = compact.charAt(i);
            bban.append(Character.isDigit(c) ? (char) ('0' + random.nextInt(10)) : (char) ('A' + random.nextInt(26)));
        }
        String check = Checksums.ibanCheck(country, bban.toString());
        return layout(original, country + check + bban);
    }

    private static String luhnNumber(String original, String prefix, int length, SplittableRandom random) {
        String digits = Context.digits(original);
        int n = digits.length() == length ? length : Math.max(digits.length(), 2);
        StringBuilder sb = new StringBuilder(prefix.length() > n - 1 ? "" : prefix);
        while (sb.length() < n - 1) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        sb.append(Checksums.luhnDigit(sb));
        return sb.toString();
    }

    private static String firstDigits(String original, int n) {
        String d = Context.digits(original);
        return d.length() >= n ? d.substring(0, n) : "";
    }

    /** Puts the characters of {@code compact} into the letter and digit positions of {@code original}. */
    private static String layout(String original, String compact) {
        StringBuilder out = new StringBuilder(original.length() + 2);
        int k = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (Character.isLetterOrDigit(c) && k < compact.length()) {
                out.append(compact.charAt(k++));
            } else if (!Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        while (k < compact.length()) {
            out.append(compact.charAt(k++));
        }
        return out.toString();
    }

    /** Same shape: each digit replaced by a digit, each letter by a letter of the same case. */
    static String sameShape(String original, SplittableRandom random) {
        StringBuilder out = new StringBuilder(original.length());
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append((char) ('0' + random.nextInt(10)));
            } else if (c >= 'A' && c <= 'Z') {
                out.append((char) ('A' + random.nextInt(26)));
            } else if (c >= 'a' && c <= 'z') {
                out.append((char) ('a' + random.nextInt(26)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static String three(int v) {
        return v < 10 ? "00" + v : v < 100 ? "0" + v : Integer.toString(v);
    }
}
