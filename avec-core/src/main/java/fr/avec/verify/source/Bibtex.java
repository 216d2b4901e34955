package fr.avec.verify.source;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads BibTeX entries (« @article{key, author = {...}, ...} »): values in braces (nested), in quotes or bare
 * numbers and {@code @string} macros; {@code @comment} and {@code @preamble} are skipped. LaTeX accents
 * (« {\'e} », « \"{o} », « \c{c} ») become the Unicode letters.
 */
public final class Bibtex {

    private Bibtex() {
    }

    /** Whether a text looks like BibTeX (an entry opening « @type{ »). */
    public static boolean looksLike(String text) {
        return text.stripLeading().replace("\uFEFF", "").matches("(?s)(%[^\\n]*\\n\\s*)*@\\s*\\w+\\s*[{(].*");
    }

    /** The entries of the file, in order. */
    public static List<Reference> read(String text) throws UnreadableReferences {
        return new Parser(text.replace("\uFEFF", "")).entries();
    }

    private static final class Parser {
        private final String s;
        private int i;
        private final Map<String, String> macros = new HashMap<>();

        Parser(String s) {
            this.s = s;
            for (String month : List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")) {
                macros.put(month, month);
            }
        }

        List<Reference> entries() throws UnreadableReferences {
            List<Reference> out = new ArrayList<>();
            while (true) {
                int at = s.indexOf('@', i);
                if (at < 0) {
                    return out;
                }
                i = at + 1;
                String type = word().toLowerCase(Locale.ROOT);
                skipSpace();
                if (i >= s.length() || s.charAt(i) != '{' && s.charAt(i) != '(') {
                    throw error("« { » expected after @" + type);
                }
                char close = s.charAt(i) == '{' ? '}' : ')';
                i++;
                if (type.equals("comment") || type.equals("preamble")) {
                    i = at + 1;
                    continue;
                }
                Map<String, String> fields = new HashMap<>();
                if (!type.equals("string")) {
                    skipSpace();
                    int comma = s.indexOf(',', i);
                    if (comma < 0) {
                        throw error("entry without a key");
                    }
                    i = comma + 1;
                }
                while (true) {
                    skipSpace();
                    if (i >= s.length()) {
                        throw error("file ends inside an entry");
                    }
                    if (s.charAt(i) == close) {
                        i++;
                        break;
                    }
                    String name = word().toLowerCase(Locale.ROOT);
                    if (name.isEmpty()) {
                        throw error("field name expected");
                    }
                    skipSpace();
                    if (i >= s.length() || s.charAt(i) != '=') {
                        throw error("« = » expected after " + name);
                    }
                    i++;
                    fields.put(name, value());
                    skipSpace();
                    if (i < s.length() && s.charAt(i) == ',') {
                        i++;
                    }
                }
                if (type.equals("string")) {
                    macros.putAll(fields);
                } else {
                    out.add(reference(fields));
                }
            }
        }

        private String value() throws UnreadableReferences {
            StringBuilder out = new StringBuilder();
            while (true) {
                skipSpace();
                if (i >= s.length()) {
                    throw error("value expected");
                }
                char c = s.charAt(i);
                if (c == '{') {
                    int depth = 0;
                    int start = i + 1;
                    for (; i < s.length(); i++) {
                        if (s.charAt(i) == '\\') {
                            i++;
                        } else if (s.charAt(i) == '{') {
                            depth++;
                        } else if (s.charAt(i) == '}' && --depth == 0) {
                            break;
                        }
                    }
                    if (i >= s.length()) {
                        throw error("unbalanced braces");
                    }
                    out.append(s, start, i++);
                } else if (c == '"') {
                    int start = ++i;
                    int depth = 0;
                    for (; i < s.length(); i++) {
                        char d = s.charAt(i);
                        if (d == '{') {
                            depth++;
                        } else if (d == '}') {
                            depth--;
                        } else if (d == '"' && depth == 0) {
                            break;
                        }
                    }
                    if (i >= s.length()) {
                        throw error("unclosed quote");
                    }
                    out.append(s, start, i++);
                } else {
                    String w = word();
                    if (w.isEmpty()) {
                        throw error("value expected");
                    }
                    out.append(macros.getOrDefault(w.toLowerCase(Locale.ROOT), w));
                }
                skipSpace();
                if (i < s.length() && s.charAt(i) == '#') {
                    i++;
                    continue;
                }
                return out.toString();
            }
        }

        private String word() {
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || "_-:.+/".indexOf(s.charAt(i)) >= 0)) {
                i++;
            }
            return s.substring(start, i);
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private UnreadableReferences error(String what) {
            int line = 1;
            for (int k = 0; k < Math.min(i, s.length()); k++) {
                if (s.charAt(k) == '\n') {
                    line++;
                }
            }
            return new UnreadableReferences("BibTeX line " + line + ": " + what);
        }
    }

    private static Reference reference(Map<String, String> f) {
        List<String> authors = new ArrayList<>();
        String names = latex(f.getOrDefault("author", ""));
        if (!names.isBlank()) {
            for (String name : names.split("\\s+and\\s+")) {
                authors.add(AuthorNames.parse(name));
            }
        }
        String pmid = f.getOrDefault("pmid", "");
        if (pmid.isEmpty() && f.getOrDefault("eprinttype", "").equalsIgnoreCase("pubmed")) {
            pmid = f.getOrDefault("eprint", "");
        }
        String year = f.getOrDefault("year", f.getOrDefault("date", ""));
        year = year.length() >= 4 ? year.substring(0, 4) : year;
        String journal = f.containsKey("journal") ? f.get("journal") : f.getOrDefault("journaltitle", f.getOrDefault("booktitle", ""));
        return new Reference(latex(f.getOrDefault("title", "")).replaceAll("[.]$", ""), authors, latex(journal), year,
                f.getOrDefault("volume", ""), f.getOrDefault("number", f.getOrDefault("issue", "")), f.getOrDefault("pages", "").replace("--", "-"),
                f.getOrDefault("doi", ""), pmid, latex(f.getOrDefault("abstract", "")), ReferenceFormat.BIBTEX);
    }

    private static final Map<Character, Character> ACCENTS = Map.of('\'', '\u0301', '`', '\u0300', '^', '\u0302', '"', '\u0308',
            '~', '\u0303', 'c', '\u0327');

    /** LaTeX accents and protective braces to plain Unicode text. */
    static String latex(String value) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c == '\\' && k + 1 < value.length() && ACCENTS.containsKey(value.charAt(k + 1))) {
                char mark = ACCENTS.get(value.charAt(k + 1));
                int j = k + 2;
                while (j < value.length() && (value.charAt(j) == '{' || value.charAt(j) == ' ')) {
                    j++;
                }
                if (j < value.length() && Character.isLetter(value.charAt(j))) {
                    out.append(Normalizer.normalize(value.charAt(j) + String.valueOf(mark), Normalizer.Form.NFC));
                    k = j;
                    while (k + 1 < value.length() && value.charAt(k + 1) == '}') {
                        k++;
                    }
                    continue;
                }
            }
            if (c == '\\' && value.startsWith("\\oe", k)) {
                out.append('œ');
                k += 2;
                continue;
            }
            if (c == '{' || c == '}') {
                continue;
            }
            if (c == '\\' && k + 1 < value.length() && "&%$_#".indexOf(value.charAt(k + 1)) >= 0) {
                continue;
            }
            out.append(c);
        }
        return out.toString().replace("--", "–").replaceAll("\\s+", " ").strip();
    }
}
