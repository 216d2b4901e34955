package fr.avec.protect;

import fr.avec.text.FoldedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tables of a report (« Nom | Prénom | DDN » then one row per person, with « | » or tabs between cells): a cell is
 * read by the heading of its column, so that « DUPRÉ » under « Nom » is a family name and « 12/05/1950 » under
 * « Date de naissance » a date of birth, where no « Nom : » precedes the value.
 */
final class Tables {

    /** One cell of a data row: its span in the text (trimmed) and the folded heading of its column. */
    record Cell(int start, int end, String heading) {
    }

    /** Column headings that are not person fields but still say what the cells hold. */
    private static final Map<String, Label> HEADINGS = Map.ofEntries(
            Map.entry("ddn", Label.DATE_NAISSANCE), Map.entry("date de naissance", Label.DATE_NAISSANCE),
            Map.entry("naissance", Label.DATE_NAISSANCE), Map.entry("ne le", Label.DATE_NAISSANCE),
            Map.entry("ne(e) le", Label.DATE_NAISSANCE), Map.entry("nee le", Label.DATE_NAISSANCE),
            Map.entry("ville", Label.VILLE), Map.entry("commune", Label.VILLE), Map.entry("lieu de naissance", Label.VILLE),
            Map.entry("lieu de residence", Label.VILLE), Map.entry("domicile", Label.ADRESSE), Map.entry("adresse", Label.ADRESSE),
            Map.entry("telephone", Label.TEL), Map.entry("tel", Label.TEL), Map.entry("tel.", Label.TEL));

    private Tables() {
    }

    /** The label a heading gives its cells when it is not a person field: VILLE, ADRESSE, DATE_NAISSANCE, TEL; or null. */
    static Label headingLabel(String heading) {
        return HEADINGS.get(heading);
    }

    /** The cells of every data row under a heading row; empty when the text has no « | » or tab. */
    static List<Cell> cells(String text, java.util.Set<String> personFields) {
        if (text.indexOf('|') < 0 && text.indexOf('\t') < 0) {
            return List.of();
        }
        List<Cell> cells = new ArrayList<>();
        String[] headings = null;
        char separator = 0;
        int lineStart = 0;
        int n = text.length();
        while (lineStart <= n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            char sep = separator(text, lineStart, lineEnd);
            if (sep == 0) {
                headings = null; // a line without cells ends the table
            } else {
                List<int[]> spans = split(text, lineStart, lineEnd, sep);
                String[] folded = new String[spans.size()];
                int known = 0;
                boolean person = false;
                for (int k = 0; k < spans.size(); k++) {
                    folded[k] = FoldedText.fold(text, spans.get(k)[0], spans.get(k)[1]).replace(" :", "").replace(":", "").strip();
                    if (personFields.contains(folded[k])) {
                        known++;
                        person = true;
                    } else if (HEADINGS.containsKey(folded[k])) {
                        known++;
                    }
                }
                if (known >= 2 && person && known * 2 >= spans.size()) {
                    headings = folded; // a heading row: the rows under it are read by column
                    separator = sep;
                } else if (headings != null && sep == separator) {
                    for (int k = 0; k < spans.size() && k < headings.length; k++) {
                        int[] span = spans.get(k);
                        if (span[1] > span[0]) {
                            cells.add(new Cell(span[0], span[1], headings[k]));
                        }
                    }
                } else {
                    headings = null;
                }
            }
            lineStart = lineEnd + 1;
        }
        return cells;
    }

    private static char separator(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '|' || c == '\t') {
                return c;
            }
        }
        return 0;
    }

    /** The trimmed spans between separators; a leading or trailing separator (« | a | b | ») makes no empty cell. */
    private static List<int[]> split(String text, int from, int to, char sep) {
        List<int[]> spans = new ArrayList<>();
        int s = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == sep) {
                int a = s;
                int b = i;
                while (a < b && Character.isWhitespace(text.charAt(a))) {
                    a++;
                }
                while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                    b--;
                }
                if (!(b == a && (s == from || i == to))) {
                    spans.add(new int[] {a, b});
                }
                s = i + 1;
            }
        }
        return spans;
    }
}
