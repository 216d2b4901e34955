package fr.avec.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits clinical text into sentences: at « . ! ? » followed by a space and a capital or a line end, and at
 * line breaks (notes are written line by line). Decimal points and abbreviations such as « Dr. » do not split.
 */
public final class Sentences {

    /** A sentence span of the original text. */
    public record Span(int start, int end) {
    }

    private Sentences() {
    }

    public static List<Span> split(String text) {
        List<Span> spans = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean boundary = false;
            int end = i;
            if (c == '\n' || c == '\r') {
                boundary = true;
            } else if ((c == '.' || c == '!' || c == '?') && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1)))) {
                boundary = !abbreviation(text, i);
                end = i + 1;
            }
            if (boundary) {
                add(text, spans, start, end);
                start = end;
            }
        }
        add(text, spans, start, n);
        return spans;
    }

    private static boolean abbreviation(String text, int dot) {
        int k = dot - 1;
        while (k >= 0 && Character.isLetter(text.charAt(k))) {
            k--;
        }
        int length = dot - k - 1;
        if (length == 0) {
            return false;
        }
        String word = text.substring(k + 1, dot).toLowerCase(java.util.Locale.ROOT);
        return length == 1 || word.equals("dr") || word.equals("pr") || word.equals("mr") || word.equals("mme")
                || word.equals("cf") || word.equals("vs") || word.equals("al") || word.equals("etc") && false || word.equals("st");
    }

    private static void add(String text, List<Span> spans, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            spans.add(new Span(start, end));
        }
    }
}
