package fr.avec.protect;

import fr.avec.text.FoldedText;

/** Folded windows of text around a span, for context words such as « IPP », « né le » or « sécurité sociale ». */
final class Context {

    private Context() {
    }

    /** Up to {@code chars} characters before {@code pos}, folded, stopping after the previous line. */
    static String before(String text, int pos, int chars) {
        int from = Math.max(0, pos - chars);
        int lines = 0;
        for (int i = pos - 1; i >= from; i--) {
            if (text.charAt(i) == '\n') {
                lines++;
                if (lines == 2) {
                    from = i + 1;
                    break;
                }
            }
        }
        return FoldedText.fold(text, from, pos);
    }

    /** Up to {@code chars} characters after {@code pos}, folded, on the same line. */
    static String after(String text, int pos, int chars) {
        int to = Math.min(text.length(), pos + chars);
        for (int i = pos; i < to; i++) {
            if (text.charAt(i) == '\n') {
                to = i;
                break;
            }
        }
        return FoldedText.fold(text, pos, to);
    }

    /** Whether {@code word} occurs in {@code folded} as a whole word. */
    static boolean hasWord(String folded, String word) {
        int from = 0;
        while (true) {
            int i = folded.indexOf(word, from);
            if (i < 0) {
                return false;
            }
            int e = i + word.length();
            boolean left = i == 0 || !Character.isLetterOrDigit(folded.charAt(i - 1));
            boolean right = e >= folded.length() || !Character.isLetterOrDigit(folded.charAt(e));
            if (left && right) {
                return true;
            }
            from = i + 1;
        }
    }

    static boolean hasAnyWord(String folded, String... words) {
        for (String w : words) {
            if (hasWord(folded, w)) {
                return true;
            }
        }
        return false;
    }

    static String digits(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (c == 'A' || c == 'B' || c == 'a' || c == 'b') {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }
}
