package fr.avec.verify.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads PubMed's « PubMed format » (MEDLINE text) export: records of tagged lines (« PMID- », « TI  - »)
 * whose continuation lines start with six spaces, one record per blank-line-separated block.
 */
public final class MedlineText {

    private MedlineText() {
    }

    /** Whether a text looks like a MEDLINE export (a « PMID- » tag line). */
    public static boolean looksLike(String text) {
        return text.stripLeading().startsWith("PMID-") || text.contains("\nPMID-");
    }

    /** The references of the export, in file order. */
    public static List<Reference> read(String text) throws UnreadableReferences {
        List<Reference> out = new ArrayList<>();
        Map<String, List<String>> record = new LinkedHashMap<>();
        String tag = null;
        int lineNumber = 0;
        for (String line : text.split("\\R", -1)) {
            lineNumber++;
            if (line.isBlank()) {
                if (!record.isEmpty()) {
                    out.add(reference(record));
                    record = new LinkedHashMap<>();
                }
                tag = null;
                continue;
            }
            if (line.startsWith("      ") && tag != null) {
                List<String> values = record.get(tag);
                int last = values.size() - 1;
                values.set(last, values.get(last) + " " + line.strip());
                continue;
            }
            if (line.length() < 5 || line.charAt(4) != '-') {
                throw new UnreadableReferences("MEDLINE line " + lineNumber + " has no tag (expected « XXXX- value »)");
            }
            tag = line.substring(0, 4).strip();
            record.computeIfAbsent(tag, t -> new ArrayList<>()).add(line.length() > 6 ? line.substring(6).strip() : "");
        }
        if (!record.isEmpty()) {
            out.add(reference(record));
        }
        return out;
    }

    private static Reference reference(Map<String, List<String>> r) {
        String doi = "";
        for (String id : concat(r.get("LID"), r.get("AID"))) {
            if (id.endsWith("[doi]") && doi.isEmpty()) {
                doi = id.substring(0, id.length() - 5).strip();
            }
        }
        String date = first(r, "DP");
        String year = date.length() >= 4 ? date.substring(0, 4) : date;
        List<String> authors = r.containsKey("AU") ? r.get("AU") : r.getOrDefault("CN", List.of());
        String journal = first(r, "TA").isEmpty() ? first(r, "JT") : first(r, "TA");
        return new Reference(first(r, "TI").replaceAll("[.]$", ""), authors, journal, year, first(r, "VI"), first(r, "IP"),
                first(r, "PG"), doi, first(r, "PMID"), first(r, "AB"), ReferenceFormat.MEDLINE_TEXT);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>();
        if (a != null) {
            all.addAll(a);
        }
        if (b != null) {
            all.addAll(b);
        }
        return all;
    }

    private static String first(Map<String, List<String>> r, String tag) {
        List<String> values = r.get(tag);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
