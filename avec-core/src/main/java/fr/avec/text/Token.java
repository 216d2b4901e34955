package fr.avec.text;

/**
 * A word, a number or a symbol of a text: {@code start}/{@code end} index the original text (UTF-16 code
 * units), {@code text} is the folded form (lower case, no accents).
 */
public record Token(Type type, int start, int end, String text) {

    /** What a token is made of. */
    public enum Type { WORD, NUMBER, SYMBOL }

    public boolean isWord() {
        return type == Type.WORD;
    }

    public boolean isNumber() {
        return type == Type.NUMBER;
    }

    /** Punctuation that ends a glued run (« B12, » stops at the comma). */
    public boolean isSymbolBreak() {
        return type == Type.SYMBOL && !text.equals("-") && !text.equals(".") && !text.equals("/");
    }

    public boolean is(String folded) {
        return text.equals(folded);
    }
}
