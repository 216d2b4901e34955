package fr.avec.protect;

/** Case and accent folding used for every lexicon key, so that « Hélène », « HELENE » and « hélène » meet. */
final class Fold {

    private static final char[] TABLE = new char[0x250];

    static {
        for (char c = 0; c < TABLE.length; c++) {
            TABLE[c] = Character.toLowerCase(c);
        }
        map("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", 'a');
        map("ÇçĆćĈĉĊċČč", 'c');
        map("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", 'e');
        map("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", 'i');
        map("ÑñŃńŅņŇň", 'n');
        map("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", 'o');
        map("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", 'u');
        map("ÝýÿŶŷŸ", 'y');
        map("ŹźŻżŽž", 'z');
        map("ŚśŜŝŞşŠš", 's');
        map("ĜĝĞğĠġĢģ", 'g');
        map("ŁłĹĺĻļĽľ", 'l');
        map("ŔŕŖŗŘř", 'r');
        map("ŢţŤť", 't');
        map("ĎďĐđ", 'd');
    }

    private static void map(String chars, char to) {
        for (int i = 0; i < chars.length(); i++) {
            TABLE[chars.charAt(i)] = to;
        }
    }

    private Fold() {
    }

    /** The folded form of one character (lower case, no accent); ligatures keep their first letter. */
    static char fold(char c) {
        if (c < TABLE.length) {
            return TABLE[c];
        }
        return switch (c) {
            case 'œ', 'Œ' -> 'o';
            case 'æ', 'Æ' -> 'a';
            case '’', 'ʼ' -> '\'';
            case '‐', '‑', '–' -> '-';
            default -> Character.toLowerCase(c);
        };
    }

    /** Folds a range of a text; ligatures expand (œ to oe) so that « cœur » meets « coeur ». */
    static String fold(CharSequence text, int start, int end) {
        char[] out = new char[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == 'œ' || c == 'Œ' || c == 'æ' || c == 'Æ') {
                return foldLigatures(text, start, end); // rare: take the slow path
            }
            out[n++] = c < TABLE.length ? TABLE[c] : fold(c);
        }
        return new String(out, 0, n);
    }

    private static String foldLigatures(CharSequence text, int start, int end) {
        StringBuilder sb = new StringBuilder(end - start + 2);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case 'œ', 'Œ' -> sb.append("oe");
                case 'æ', 'Æ' -> sb.append("ae");
                default -> sb.append(fold(c));
            }
        }
        return sb.toString();
    }

    static String fold(CharSequence text) {
        return fold(text, 0, text.length());
    }
}
