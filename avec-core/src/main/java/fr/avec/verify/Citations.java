package fr.avec.verify;

import fr.avec.text.FoldedText;
import fr.avec.text.Quantity;
import fr.avec.text.QuantityScanner;
import fr.avec.text.Sentences;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Citations of a literature synthesis checked against the supplied references: numbered references
 * (« [3] », « [2-4] », « [1, 5] »), PMIDs, DOIs and author–year citations (« (Dupont et al., 2020) »)
 * must each match one reference; a number quoted in the sentence of a citation must appear in the cited
 * reference when that reference carries more than its bibliographic line (an abstract or an excerpt).
 */
final class Citations {

    private static final Pattern NUMBERED = Pattern.compile("\\[(\\d{1,3}(?:\\s*[-–,;]\\s*\\d{1,3})*)\\]");
    private static final Pattern PMID = Pattern.compile("(?i)PMID\\s*:?\\s*(\\d{5,9})");
    private static final Pattern DOI = Pattern.compile("(?i)\\b(10\\.\\d{4,9}/[^\\s\\]\\)>,;]+)");
    private static final Pattern PARENTHESES = Pattern.compile("\\(([^()]{4,200})\\)");
    private static final Pattern AUTHOR_YEAR = Pattern.compile(
            "(\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:de|van|von|da|le|la)\\s+\\p{Lu}[\\p{L}'’-]+)?)(?:\\s+et\\s+al\\.?|\\s+(?:et|and|&)\\s+\\p{Lu}[\\p{L}'’-]+)?,?\\s+((?:19|20)\\d{2})[a-z]?");
    private static final Pattern LABEL = Pattern.compile("^\\s*(?:\\[(\\d{1,3})\\]|(\\d{1,3})[.)])\\s");
    private static final int EXCERPT_LENGTH = 300;

    private Citations() {
    }

    private record Reference(int label, String text, String folded) {
    }

    static void check(String generated, List<String> referenceTexts, List<Finding> out) {
        List<Reference> references = parse(referenceTexts);
        Matcher m = NUMBERED.matcher(generated);
        while (m.find()) {
            for (int number : expand(m.group(1))) {
                Reference r = byLabel(references, number);
                if (r == null) {
                    out.add(Finding.of(FindingKind.CITATION_NOT_IN_REFERENCES, generated, m.start(), m.end(),
                            "reference [" + number + "] is not among the " + references.size() + " supplied references", null));
                } else {
                    citedNumbers(generated, m.start(), r, out);
                }
            }
        }
        m = PMID.matcher(generated);
        while (m.find()) {
            Reference r = containing(references, m.group(1));
            report(generated, m, r, "PMID " + m.group(1), out);
        }
        m = DOI.matcher(generated);
        while (m.find()) {
            String doi = m.group(1).replaceAll("[.]$", "");
            Reference r = containing(references, FoldedText.fold(doi));
            report(generated, m, r, "DOI " + doi, out);
        }
        Matcher p = PARENTHESES.matcher(generated);
        while (p.find()) {
            Matcher a = AUTHOR_YEAR.matcher(p.group(1));
            while (a.find()) {
                String author = FoldedText.fold(a.group(1));
                String year = a.group(2);
                Reference found = null;
                for (Reference r : references) {
                    if (r.folded().contains(author) && r.folded().contains(year)) {
                        found = r;
                        break;
                    }
                }
                int start = p.start(1) + a.start();
                int end = p.start(1) + a.end();
                if (found == null) {
                    out.add(Finding.of(FindingKind.CITATION_NOT_IN_REFERENCES, generated, start, end,
                            "« " + generated.substring(start, end) + " » matches no supplied reference", null));
                } else {
                    citedNumbers(generated, start, found, out);
                }
            }
        }
    }

    private static void report(String generated, Matcher m, Reference r, String what, List<Finding> out) {
        if (r == null) {
            out.add(Finding.of(FindingKind.CITATION_NOT_IN_REFERENCES, generated, m.start(), m.end(),
                    what + " matches no supplied reference", null));
        } else {
            citedNumbers(generated, m.start(), r, out);
        }
    }

    /** Numbers of the citing sentence (percentages, values with units) must appear in a reference excerpt. */
    private static void citedNumbers(String generated, int citationStart, Reference reference, List<Finding> out) {
        if (reference.text().length() < EXCERPT_LENGTH) {
            return;
        }
        for (Sentences.Span span : Sentences.split(generated)) {
            if (citationStart < span.start() || citationStart >= span.end()) {
                continue;
            }
            List<Quantity> inReference = QuantityScanner.scan(reference.text());
            for (Quantity q : QuantityScanner.scan(generated.substring(span.start(), span.end()))) {
                if (!q.hasUnit() && q.kind() != Quantity.Kind.RATIO) {
                    continue;
                }
                boolean present = inReference.stream().anyMatch(s -> NumberGrounding.compare(q, s) == NumberGrounding.Match.SAME);
                if (!present) {
                    int start = span.start() + q.start();
                    int end = span.start() + q.end();
                    out.add(Finding.of(FindingKind.CITED_NUMBER_NOT_IN_REFERENCE, generated, start, end,
                            "« " + generated.substring(start, end) + " » is not in the cited reference", null));
                }
            }
        }
    }

    private static List<Reference> parse(List<String> texts) {
        List<String> entries = new ArrayList<>();
        for (String text : texts) {
            // One reference per blank-line-separated block, or per line when the file has no blank lines.
            String[] blocks = text.strip().split("\\R\\s*\\R");
            if (blocks.length == 1 && texts.size() == 1) {
                blocks = text.strip().split("\\R");
            }
            for (String block : blocks) {
                if (!block.isBlank()) {
                    entries.add(block.strip());
                }
            }
        }
        List<Reference> references = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String e = entries.get(i);
            Matcher label = LABEL.matcher(e);
            int number = i + 1;
            if (label.find()) {
                number = Integer.parseInt(label.group(1) != null ? label.group(1) : label.group(2));
            }
            references.add(new Reference(number, e, FoldedText.fold(e)));
        }
        return references;
    }

    private static Reference byLabel(List<Reference> references, int number) {
        for (Reference r : references) {
            if (r.label() == number) {
                return r;
            }
        }
        return null;
    }

    private static Reference containing(List<Reference> references, String needle) {
        String folded = FoldedText.fold(needle);
        for (Reference r : references) {
            if (r.folded().contains(folded)) {
                return r;
            }
        }
        return null;
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
