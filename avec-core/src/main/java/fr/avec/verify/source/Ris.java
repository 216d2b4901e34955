package fr.avec.verify.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RIS, the tagged format of reference managers (Zotero, EndNote, Mendeley): « TY  - » opens a
 * record, « ER  - » closes it; authors in AU/A1, title in TI/T1, journal in JO/JA/J2/T2/JF, the abstract
 * in AB/N2. A PMID is taken from AN or from a note « PMID: n ».
 */
public final class Ris {

    private static final Pattern LINE = Pattern.compile("^([A-Z][A-Z0-9])  -(?: (.*))?$");
    private static final Pattern PMID = Pattern.compile("(?i)PMID:?\\s*(\\d{5,9})");

    private Ris() {
    }

    /** Whether a text looks like RIS (a « TY  - » tag line). */
    public static boolean looksLike(String text) {
        return text.stripLeading().replace("\uFEFF", "").startsWith("TY  -");
    }

    /** The references of the file, in order. */
    public static List<Reference> read(String text) throws UnreadableReferences {
        List<Reference> out = new ArrayList<>();
        Map<String, List<String>> record = null;
        String tag = null;
        int lineNumber = 0;
        for (String raw : text.replace("\uFEFF", "").split("\\R")) {
            lineNumber++;
            String line = raw.stripTrailing();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                if (record != null && tag != null) {
                    List<String> values = record.get(tag);
                    values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
                    continue;
                }
                throw new UnreadableReferences("RIS line " + lineNumber + " is not « TAG  - value »");
            }
            tag = m.group(1);
            String value = m.group(2) == null ? "" : m.group(2).strip();
            if (tag.equals("TY")) {
                record = new LinkedHashMap<>();
            } else if (record == null) {
                throw new UnreadableReferences("RIS line " + lineNumber + ": a tag before the first « TY  - »");
            } else if (tag.equals("ER")) {
                out.add(reference(record));
                record = null;
                tag = null;
                continue;
            }
            record.computeIfAbsent(tag, t -> new ArrayList<>()).add(value);
        }
        if (record != null) {
            throw new UnreadableReferences("RIS file ends inside a record (no « ER  - »)");
        }
        return out;
    }

    private static Reference reference(Map<String, List<String>> r) {
        List<String> authors = new ArrayList<>();
        for (String tag : List.of("AU", "A1")) {
            for (String a : r.getOrDefault(tag, List.of())) {
                authors.add(AuthorNames.parse(a));
            }
        }
        String start = first(r, "SP");
        String end = first(r, "EP");
        String pages = end.isEmpty() || start.isEmpty() ? start : start + "-" + end;
        String year = first(r, "PY", "Y1", "DA");
        Matcher y = Pattern.compile("(\\d{4})").matcher(year);
        year = y.find() ? y.group(1) : "";
        String pmid = "";
        for (String candidate : concat(r, "AN", "N1", "M1", "C1")) {
            Matcher m = PMID.matcher(candidate);
            if (m.find()) {
                pmid = m.group(1);
                break;
            }
            if (candidate.matches("\\d{5,9}") && r.getOrDefault("AN", List.of()).contains(candidate)) {
                pmid = candidate;
                break;
            }
        }
        return new Reference(first(r, "TI", "T1", "CT").replaceAll("[.]$", ""), authors, first(r, "JA", "J2", "JO", "T2", "JF"), year,
                first(r, "VL"), first(r, "IS"), pages, first(r, "DO"), pmid, first(r, "AB", "N2"), ReferenceFormat.RIS);
    }

    private static List<String> concat(Map<String, List<String>> r, String... tags) {
        List<String> all = new ArrayList<>();
        for (String tag : tags) {
            all.addAll(r.getOrDefault(tag, List.of()));
        }
        return all;
    }

    private static String first(Map<String, List<String>> r, String... tags) {
        for (String tag : tags) {
            List<String> values = r.get(tag);
            if (values != null && !values.isEmpty() && !values.get(0).isBlank()) {
                return values.get(0);
            }
        }
        return "";
    }
}
