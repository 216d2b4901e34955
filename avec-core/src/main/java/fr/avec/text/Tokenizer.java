package fr.avec.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words, digit runs and single symbols over the folded text, in one pass. Letters and
 * digits are separated (« 500mg » gives « 500 » and « mg ») so that doses written without a space parse.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    /** ASCII letters first: folded clinical text is mostly ASCII. */
    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 0x80 && (Character.isLetter(c) || c == 'µ') || c >= 'A' && c <= 'Z';
    }

    /** The tokens of a text, offsets in the original. */
    public static List<Token> tokenize(String text) {
        return tokenize(FoldedText.of(text));
    }

    /** The tokens of an already folded text. */
    public static List<Token> tokenize(FoldedText folded) {
        String s = folded.folded();
        int length = s.length();
        List<Token> tokens = new ArrayList<>(length / 5 + 4);
        int i = 0;
        while (i < length) {
            char c = s.charAt(i);
            if (c == ' ' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                i++;
                continue;
            }
            int start = i;
            Token.Type type;
            if (isLetter(c)) {
                while (i < length && isLetter(s.charAt(i))) {
                    i++;
                }
                type = Token.Type.WORD;
            } else if (c >= '0' && c <= '9') {
                while (i < length && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                type = Token.Type.NUMBER;
            } else {
                i++;
                if (Character.isHighSurrogate(c) && i < length) {
                    i++;
                }
                type = Token.Type.SYMBOL;
            }
            tokens.add(new Token(type, folded.originalOffset(start), folded.originalEnd(i), s.substring(start, i)));
        }
        return tokens;
    }
}
