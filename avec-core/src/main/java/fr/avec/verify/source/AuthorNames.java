package fr.avec.verify.source;

import java.util.Locale;

/**
 * Author names in the Vancouver form used by MEDLINE: family name, a space, initials without points
 * (« Dupont JP » for Jean-Pierre Dupont), whatever form the export wrote them in.
 */
public final class AuthorNames {

    private AuthorNames() {
    }

    /** Family name and given names (or initials) to « Family GI ». */
    public static String vancouver(String family, String given) {
        String f = family == null ? "" : family.strip();
        String g = given == null ? "" : given.strip();
        if (f.isEmpty()) {
            return g;
        }
        return g.isEmpty() ? f : f + " " + initials(g);
    }

    /**
     * A name as written in RIS or BibTeX: « Dupont, Jean-Pierre », « Dupont, J.-P. », « Jean-Pierre Dupont »
     * or already « Dupont JP ».
     */
    public static String parse(String name) {
        String n = name == null ? "" : name.replaceAll("\\s+", " ").strip();
        if (n.isEmpty()) {
            return "";
        }
        int comma = n.indexOf(',');
        if (comma > 0) {
            String given = n.substring(comma + 1).strip();
            // « Dupont, Jean, Jr » keeps the suffix out of the initials.
            int second = given.indexOf(',');
            if (second >= 0) {
                given = given.substring(0, second).strip();
            }
            return vancouver(n.substring(0, comma), given);
        }
        if (n.matches("\\p{Lu}[\\p{L}'’ -]+ \\p{Lu}{1,3}")) {
            return n;
        }
        int space = n.lastIndexOf(' ');
        if (space < 0) {
            return n;
        }
        return vancouver(n.substring(space + 1), n.substring(0, space));
    }

    /** « Jean-Pierre » and « J.-P. » both give « JP »; « Marie Anne » gives « MA ». */
    static String initials(String given) {
        if (given.matches("\\p{Lu}{1,3}")) {
            return given;
        }
        StringBuilder out = new StringBuilder();
        for (String part : given.split("[\\s.\\-]+")) {
            if (!part.isEmpty() && Character.isLetter(part.charAt(0))) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT));
            }
        }
        return out.toString();
    }
}
