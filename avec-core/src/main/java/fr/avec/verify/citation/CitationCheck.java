package fr.avec.verify.citation;

import fr.avec.text.Quantity;
import fr.avec.text.QuantityScanner;
import fr.avec.text.Sentences;
import fr.avec.verify.Finding;
import fr.avec.verify.FindingKind;
import fr.avec.verify.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a literature synthesis that cites its references as « [n] » (also « [1, 3] », « [2–4] »), each
 * sentence against the references it cites:
 * <ul>
 *   <li>{@code CITATION_NOT_IN_REFERENCES} (error): a number that matches no reference;</li>
 *   <li>{@code CITED_NUMBER_NOT_IN_REFERENCE} (warning): a number of the sentence (a value, a percentage, a
 *       count) absent from every text it cites;</li>
 *   <li>{@code UNSUPPORTED_SENTENCE} (warning): a claim whose words its cited texts do not support
 *       ({@link ClaimSupport}), or (info) a claim that cites nothing although the synthesis was asked to cite
 *       every claim.</li>
 * </ul>
 * A citation standing alone after the sentence's full stop (« ... diminue. [2] ») belongs to that sentence.
 * Headings (« ## Résultats », « Conclusion : ») and lines under four content words are not claims.
 */
public final class CitationCheck {

    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,3}(?:\\s*[-–,;]\\s*\\d{1,3})*)\\]");
    private static final Pattern ONLY_CITATIONS = Pattern.compile("^(?:\\s*\\[[\\d\\s,;–-]+\\][.,;]?)+\\s*$");

    private CitationCheck() {
    }

    /** The findings on {@code synthesis}, sorted by position; offsets index the synthesis. */
    public static List<Finding> check(String synthesis, List<CitedReference> references) {
        Map<Integer, CitedReference> byNumber = new HashMap<>();
        Map<Integer, Set<String>> keys = new HashMap<>();
        Map<Integer, List<Quantity>> values = new HashMap<>();
        for (CitedReference r : references) {
            byNumber.putIfAbsent(r.number(), r);
        }
        List<Finding> out = new ArrayList<>();
        List<Sentences.Span> spans = claims(synthesis);
        for (Sentences.Span span : spans) {
            String sentence = synthesis.substring(span.start(), span.end());
            Set<Integer> cited = new LinkedHashSet<>();
            Matcher m = CITATION.matcher(sentence);
            StringBuilder blanked = new StringBuilder(sentence);
            while (m.find()) {
                for (int n : expand(m.group(1))) {
                    if (byNumber.containsKey(n)) {
                        cited.add(n);
                    } else {
                        out.add(Finding.of(FindingKind.CITATION_NOT_IN_REFERENCES, synthesis, span.start() + m.start(), span.start() + m.end(),
                                "reference [" + n + "] is not among the " + byNumber.size() + " chosen references", null));
                    }
                }
                for (int k = m.start(); k < m.end(); k++) {
                    blanked.setCharAt(k, ' ');
                }
            }
            String claim = blanked.toString();
            Set<String> claimKeys = ClaimSupport.keys(claim);
            if (cited.isEmpty()) {
                if (claimKeys.size() >= ClaimSupport.MIN_TERMS && !m.reset().find() && !heading(claim)) {
                    out.add(new Finding(FindingKind.UNSUPPORTED_SENTENCE, Severity.INFO, span.start(), span.end(), sentence,
                            "this claim cites no reference: add its [n] or check it against the sources", null, null));
                }
                continue;
            }
            Set<String> citedKeys = new LinkedHashSet<>();
            List<Quantity> citedValues = new ArrayList<>();
            StringBuilder numbers = new StringBuilder();
            for (int n : cited) {
                citedKeys.addAll(keys.computeIfAbsent(n, k -> ClaimSupport.keys(byNumber.get(k).text())));
                citedValues.addAll(values.computeIfAbsent(n, k -> QuantityScanner.scan(byNumber.get(k).text())));
                numbers.append(numbers.isEmpty() ? "" : ", ").append('[').append(n).append(']');
            }
            for (Quantity q : QuantityScanner.scan(claim)) {
                if (q.inWords() || year(q) || q.kind() == Quantity.Kind.DATE) {
                    continue;
                }
                if (citedValues.stream().noneMatch(s -> same(q, s))) {
                    int start = span.start() + q.start();
                    int end = span.start() + q.end();
                    out.add(Finding.of(FindingKind.CITED_NUMBER_NOT_IN_REFERENCE, synthesis, start, end,
                            "« " + synthesis.substring(start, end) + " » is not in the cited text of " + numbers, null));
                }
            }
            double support = ClaimSupport.support(claimKeys, citedKeys);
            if (claimKeys.size() >= ClaimSupport.MIN_TERMS && support < ClaimSupport.THRESHOLD) {
                out.add(Finding.of(FindingKind.UNSUPPORTED_SENTENCE, synthesis, span.start(), span.end(),
                        String.format(Locale.ROOT, "the cited text of %s supports little of this sentence (%.0f %% of its terms, below %.0f %%)",
                                numbers, 100 * support, 100 * ClaimSupport.THRESHOLD), null));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        return out;
    }

    /** Sentence spans, a trailing citation-only span joined to the sentence before it. */
    static List<Sentences.Span> claims(String text) {
        List<Sentences.Span> spans = Sentences.split(text);
        List<Sentences.Span> out = new ArrayList<>();
        for (Sentences.Span s : spans) {
            String piece = text.substring(s.start(), s.end());
            boolean sameLine = !out.isEmpty() && text.substring(out.get(out.size() - 1).end(), s.start()).indexOf('\n') < 0;
            if (ONLY_CITATIONS.matcher(piece).matches() && sameLine) {
                Sentences.Span previous = out.remove(out.size() - 1);
                out.add(new Sentences.Span(previous.start(), s.end()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static boolean heading(String line) {
        String s = line.strip();
        return s.startsWith("#") || s.endsWith(":") || s.length() < 60 && !s.matches("(?s).*[.!?]\\s*$") && !s.contains(",");
    }

    private static boolean year(Quantity q) {
        return !q.hasUnit() && q.kind() == Quantity.Kind.NUMBER && q.value() >= 1900 && q.value() <= 2100 && q.value() == Math.rint(q.value());
    }

    /** The same value, in the same unit once converted, or a bare number equal to the other's number. */
    static boolean same(Quantity claim, Quantity source) {
        if (claim.kind() == Quantity.Kind.RATIO || source.kind() == Quantity.Kind.RATIO) {
            return claim.kind() == source.kind() && close(claim.value(), source.value()) && close(claim.second(), source.second());
        }
        if (claim.hasUnit() && source.hasUnit() && claim.dimension().equals(source.dimension())) {
            return close(claim.baseValue(), source.baseValue());
        }
        return close(claim.value(), source.value());
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
    }

    private static List<Integer> expand(String list) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : list.split("[,;]")) {
            String[] range = part.trim().split("\\s*[-–]\\s*");
            int from = Integer.parseInt(range[0].trim());
            int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
            for (int k = from; k <= Math.min(to, from + 50); k++) {
                numbers.add(k);
            }
        }
        return numbers;
    }
}
