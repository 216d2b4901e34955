package fr.avec.protect;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in every French form (numeric, « 3 mars 2021 », « trois mars deux mille vingt et un », partial
 * dates, years in context), dates of birth told apart by their context, and ages over 89.
 */
final class DateRecognizer {

    static final int PRIORITY = 80;

    static final String MONTHS = "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
            + "|janv\\.|f[ée]vr?\\.|avr\\.|juil\\.|sept\\.|oct\\.|nov\\.|d[ée]c\\.";

    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d/.,])(\\d{1,2})[ ]?([/.\\-])[ ]?(\\d{1,2})[ ]?\\2[ ]?((?:19|20)\\d{2}|\\d{2})(?![\\d/]|[.,]\\d)");
    private static final Pattern ISO = Pattern.compile("(?<![\\d/.-])((?:19|20)\\d{2})-(\\d{2})-(\\d{2})(?![\\d])");
    private static final Pattern MONTH_YEAR = Pattern.compile("(?<![\\d/.,])(\\d{1,2})[/.\\-]((?:19|20)\\d{2})(?![\\d/]|[.,]\\d)");
    private static final Pattern DAY_MONTH = Pattern.compile("(?<![\\d/.,])(\\d{1,2})/(\\d{1,2})(?![\\d/]|[.,]\\d)");
    private static final Pattern DATE_CONTEXT_BEFORE = Pattern.compile(
            "(?:\\b(?:le|du|au|depuis|des|jusqu'au|avant|apres|semaine|jour|date|vu|revu|j\\d+)\\s*:?\\s*)$");

    /** Month names (false) and abbreviations (true), folded. */
    static final java.util.Map<String, Boolean> MONTH_KEYS = java.util.Map.ofEntries(
            java.util.Map.entry("janvier", false), java.util.Map.entry("fevrier", false), java.util.Map.entry("mars", false),
            java.util.Map.entry("avril", false), java.util.Map.entry("mai", false), java.util.Map.entry("juin", false),
            java.util.Map.entry("juillet", false), java.util.Map.entry("aout", false), java.util.Map.entry("septembre", false),
            java.util.Map.entry("octobre", false), java.util.Map.entry("novembre", false), java.util.Map.entry("decembre", false),
            java.util.Map.entry("janv", true), java.util.Map.entry("fevr", true), java.util.Map.entry("fev", true),
            java.util.Map.entry("avr", true), java.util.Map.entry("juil", true), java.util.Map.entry("sept", true),
            java.util.Map.entry("oct", true), java.util.Map.entry("nov", true), java.util.Map.entry("dec", true));
    private static final Set<String> YEAR_CONTEXT = Set.of("en", "depuis", "annee", "des", "avant", "apres", "vers", "fin",
            "debut", "mi", "courant", "jusqu", "de", "entre", "et", "ete", "hiver", "automne", "printemps", "a", "au");
    private static final Set<String> UNITS = Set.of("mg", "g", "ml", "ui", "u", "kcal", "cp", "m", "km", "euros", "euro", "fois",
            "patients", "cas", "mcg", "µg", "mmol", "cc", "gouttes", "kg", "l", "dl", "cl", "mm", "cm", "personnes", "habitants");

    void find(String text, Tokens tokens, Candidates out) {
        Matcher numeric = NUMERIC.matcher(text);
        Matcher iso = ISO.matcher(text);
        Matcher monthYear = MONTH_YEAR.matcher(text);
        Matcher dayMonth = DAY_MONTH.matcher(text);
        int covered = -1;
        for (int i = 0; i < tokens.size; i++) {
            if (tokens.isNumber(i)) {
                int s = tokens.start[i];
                if (s < covered) {
                    continue;
                }
                int len = tokens.length(i);
                boolean separated = separatorAfter(text, tokens.end[i]);
                if (len <= 2 && separated && Anchored.at(numeric, s)) {
                    int d = Integer.parseInt(numeric.group(1));
                    int mo = Integer.parseInt(numeric.group(3));
                    if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12) {
                        add(text, s, numeric.end(), out);
                        covered = numeric.end();
                        continue;
                    }
                }
                if (len == 4 && separated && Anchored.at(iso, s)) {
                    int mo = Integer.parseInt(iso.group(2));
                    int d = Integer.parseInt(iso.group(3));
                    if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12) {
                        add(text, s, iso.end(), out);
                        covered = iso.end();
                        continue;
                    }
                }
                if (len <= 2 && separated && Anchored.at(monthYear, s)) {
                    int mo = Integer.parseInt(monthYear.group(1));
                    if (mo >= 1 && mo <= 12 && (monthYear.group(1).length() == 2 || dateContext(text, s))) {
                        add(text, s, monthYear.end(), out);
                        covered = monthYear.end();
                        continue;
                    }
                }
                if (len <= 2 && separated && Anchored.at(dayMonth, s)) {
                    int d = Integer.parseInt(dayMonth.group(1));
                    int mo = Integer.parseInt(dayMonth.group(2));
                    if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12 && dateContext(text, s)) {
                        add(text, s, dayMonth.end(), out);
                        covered = dayMonth.end();
                        continue;
                    }
                }
                if (len == 4) {
                    year(text, tokens, i, out);
                }
                if (len >= 2 && len <= 3) {
                    age(tokens, i, out);
                }
            } else if (tokens.is(i, WordClasses.MONTH)) {
                written(text, tokens, i, out);
            }
        }
        inWords(text, tokens, out);
    }

    /** A date separator right after a number, possibly after one space (« 12/03 », « 12 / 03 »). */
    private static boolean separatorAfter(String text, int end) {
        if (end >= text.length()) {
            return false;
        }
        char c = text.charAt(end);
        if (c == ' ' && end + 1 < text.length()) {
            c = text.charAt(end + 1);
        }
        return c == '/' || c == '.' || c == '-';
    }

    /** « 3 mars 2021 », « 1er avril », « mars 2021 », « 12 sept. 2020 », « 3 mars '21 ». */
    private static void written(String text, Tokens t, int i, Candidates out) {
        String key = t.key(i);
        boolean abbreviation = MONTH_KEYS.get(key);
        int monthEnd = t.end[i];
        if (abbreviation) {
            if (!t.isPunct(i + 1, '.') || t.start[i + 1] != t.end[i]) {
                if (!key.equals("fevr") && !key.equals("janv") && !key.equals("juil")) {
                    return; // « sept » alone is seven, « oct » alone is nothing
                }
            } else {
                monthEnd = t.end[i + 1];
            }
        }
        int start = -1;
        int p = i - 1;
        if (t.isWord(p) && t.key(p).equals("er") && t.start[p] == t.end[p - 1 < 0 ? 0 : p - 1] && t.isNumber(p - 1)
                && t.surface(p - 1).equals("1") && sameLine(t, p - 1, i)) {
            start = t.start[p - 1];
        } else if (t.isNumber(p) && t.length(p) <= 2 && sameLine(t, p, i)) {
            int d = Integer.parseInt(t.surface(p));
            boolean decimal = (t.isPunct(p - 1, ',') || t.isPunct(p - 1, '.')) && t.isNumber(p - 2) && t.end[p - 2] == t.start[p - 1];
            if (d >= 1 && d <= 31 && !decimal) {
                start = t.start[p];
            }
        }
        int end = -1;
        int n = abbreviation && monthEnd != t.end[i] ? i + 2 : i + 1;
        if (t.isNumber(n) && t.length(n) == 4 && sameLine(t, i, n)) {
            int y = Integer.parseInt(t.surface(n));
            if (y >= 1900 && y <= 2099) {
                end = t.end[n];
            }
        } else if ((t.isPunct(n, '\'') || t.isPunct(n, '’')) && t.isNumber(n + 1) && t.length(n + 1) == 2) {
            end = t.end[n + 1];
        }
        if (start < 0 && end < 0) {
            return;
        }
        add(text, start < 0 ? t.start[i] : start, end < 0 ? monthEnd : end, out);
    }

    private static boolean sameLine(Tokens t, int a, int b) {
        for (int k = a + 1; k <= b; k++) {
            if (t.lineBreakBefore(k)) {
                return false;
            }
        }
        return true;
    }

    /** « en 2019 », « depuis 2015 », but not « 2000 mg ». */
    private static void year(String text, Tokens t, int i, Candidates out) {
        int y = Integer.parseInt(t.surface(i));
        if (y < 1900 || y > 2039 || !t.isWord(i - 1) || !YEAR_CONTEXT.contains(t.key(i - 1))) {
            return;
        }
        if (t.isPunct(i + 1, ',') && t.isNumber(i + 2) && t.start[i + 1] == t.end[i]
                || t.isWord(i + 1) && UNITS.contains(t.key(i + 1))) {
            return;
        }
        add(text, t.start[i], t.end[i], out);
    }

    /** Ages over 89 (« 94 ans ») identify a person. */
    private static void age(Tokens t, int i, Candidates out) {
        int a = Integer.parseInt(t.surface(i));
        boolean decimal = (t.isPunct(i - 1, ',') || t.isPunct(i - 1, '.')) && t.isNumber(i - 2) && t.end[i - 2] == t.start[i - 1];
        if (a >= 90 && a <= 119 && t.isWord(i + 1) && t.key(i + 1).equals("ans") && !decimal) {
            out.add(Label.DATE, t.start[i], t.end[i + 1], PRIORITY - 1);
        }
    }

    private static boolean dateContext(String text, int start) {
        String before = Context.before(text, start, 16);
        return DATE_CONTEXT_BEFORE.matcher(before).find();
    }

    private static void add(String text, int s, int e, Candidates out) {
        out.add(birth(text, s) ? Label.DATE_NAISSANCE : Label.DATE, s, e, PRIORITY);
    }

    /** A date of birth is announced by « né le », « DDN », « date de naissance » just before it. */
    static boolean birth(String text, int start) {
        String before = Context.before(text, start, 32);
        // Only the clause right before the date counts: « née le 3 mars, opérée le 5 mai » dates one birth.
        int cut = Math.max(Math.max(before.lastIndexOf('.'), before.lastIndexOf(';')), Math.max(before.lastIndexOf(','),
                before.lastIndexOf('\n')));
        String tail = cut >= 0 ? before.substring(cut + 1) : before;
        if (tail.isBlank() && cut >= 0 && before.charAt(cut) == '\n') {
            // « Date de naissance :\n12/03/1950 »: the label sits on the line above.
            String previous = before.substring(0, cut);
            int nl = previous.lastIndexOf('\n');
            tail = previous.substring(nl + 1);
        }
        return tail.contains("naissance") || tail.contains("naiss") || tail.contains("d.d.n")
                || Context.hasAnyWord(tail, "ddn", "ne le", "nee le", "nes le", "nees le", "ne en", "nee en", "ne(e) le", "ne(e)",
                        "nee", "dn", "date naiss");
    }

    /** Dates whose day or year is written in words, around a month name. */
    private static void inWords(String text, Tokens tokens, Candidates out) {
        for (int i = 0; i < tokens.size; i++) {
            if (!tokens.is(i, WordClasses.MONTH) || MONTH_KEYS.get(tokens.key(i)) != Boolean.FALSE) {
                continue;
            }
            int s = -1;
            for (int back = Math.max(0, i - 5); back < i; back++) {
                if (tokens.isWord(back)) {
                    NumberWords.Parsed day = NumberWords.parse(tokens, back, 31);
                    if (day != null && day.next() == i && day.value() >= 1) {
                        s = back;
                        break;
                    }
                }
            }
            int e = -1;
            if (i + 1 < tokens.size && tokens.isWord(i + 1)) {
                NumberWords.Parsed year = NumberWords.parse(tokens, i + 1, 2100);
                if (year != null && year.value() >= 1900) {
                    e = year.next() - 1;
                }
            }
            if (s < 0 && e < 0) {
                continue;
            }
            int from = tokens.start[s >= 0 ? s : i];
            int to = tokens.end[e >= 0 ? e : i];
            add(text, from, to, out);
        }
    }
}
