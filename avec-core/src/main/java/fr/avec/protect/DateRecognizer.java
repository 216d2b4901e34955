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
    private static final Pattern TEXTUAL = Pattern.compile(
            "(?i)(?<![\\p{L}\\d])(?:(1er|\\d{1,2})[ \\t\\u00a0]*(?:er)?[ \\t\\u00a0]+)?(" + MONTHS + ")(?:[ \\t\\u00a0]+((?:19|20)\\d{2}|'\\d{2}))?(?![\\p{L}\\d])");
    private static final Pattern YEAR = Pattern.compile(
            "(?i)(?<![\\p{L}])(?:en|depuis|ann[ée]e|d[eè]s|avant|apr[eè]s|vers|fin|d[ée]but|mi|courant|jusqu'en|de|entre|et|été|hiver|automne|printemps)[ \\t]+((?:19|20)\\d{2})(?![\\d,.]\\d|[ \\t]*(?:mg|g|ml|ui|u|kcal|cp|m|km|euros?|€|fois|patients|cas|µg|mcg)\\b)");
    private static final Pattern AGE = Pattern.compile("(?i)(?<![\\d,.])(9\\d|1[0-1]\\d)[ \\t]?ans(?![\\p{L}])");
    private static final Pattern DATE_CONTEXT_BEFORE = Pattern.compile(
            "(?:\\b(?:le|du|au|depuis|des|jusqu'au|avant|apres|semaine|jour|date|vu|revu|j\\d+)\\s*:?\\s*)$");

    private static final Set<String> MONTH_KEYS = Set.of("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet",
            "aout", "septembre", "octobre", "novembre", "decembre");

    void find(String text, Tokens tokens, Candidates out) {
        Matcher m = NUMERIC.matcher(text);
        while (m.find()) {
            int d = Integer.parseInt(m.group(1));
            int mo = Integer.parseInt(m.group(3));
            if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12) {
                add(text, m.start(), m.end(), out);
            }
        }
        Matcher iso = ISO.matcher(text);
        while (iso.find()) {
            int mo = Integer.parseInt(iso.group(2));
            int d = Integer.parseInt(iso.group(3));
            if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12) {
                add(text, iso.start(), iso.end(), out);
            }
        }
        Matcher my = MONTH_YEAR.matcher(text);
        while (my.find()) {
            int mo = Integer.parseInt(my.group(1));
            if (mo >= 1 && mo <= 12 && (my.group(1).length() == 2 || dateContext(text, my.start()))) {
                add(text, my.start(), my.end(), out);
            }
        }
        Matcher dm = DAY_MONTH.matcher(text);
        while (dm.find()) {
            int d = Integer.parseInt(dm.group(1));
            int mo = Integer.parseInt(dm.group(2));
            if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12 && dateContext(text, dm.start())) {
                add(text, dm.start(), dm.end(), out);
            }
        }
        Matcher t = TEXTUAL.matcher(text);
        while (t.find()) {
            boolean day = t.group(1) != null;
            boolean year = t.group(3) != null;
            if (day && Integer.parseInt(t.group(1).replace("er", "")) > 31) {
                continue;
            }
            String month = t.group(2).toLowerCase(java.util.Locale.ROOT);
            // « mars » and « mai » alone are words or planets; « sept » alone is a number.
            if (day || year) {
                if ((month.equals("sept.") || month.equals("oct.") || month.equals("nov.")) && !day) {
                    continue;
                }
                add(text, t.start(), t.end(), out);
            }
        }
        Matcher y = YEAR.matcher(text);
        while (y.find()) {
            int year = Integer.parseInt(y.group(1));
            if (year >= 1900 && year <= 2039) {
                add(text, y.start(1), y.end(1), out);
            }
        }
        Matcher a = AGE.matcher(text);
        while (a.find()) {
            out.add(Label.DATE, a.start(), a.end(), PRIORITY - 1);
        }
        inWords(text, tokens, out);
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
        String before = Context.before(text, start, 40);
        int cut = Math.max(before.lastIndexOf('.'), Math.max(before.lastIndexOf(';'), before.lastIndexOf(')')));
        // Only the clause right before the date counts: « née le 3 mars, opérée le 5 mai » dates one birth.
        String tail = cut >= 0 ? before.substring(cut + 1) : before;
        if (tail.length() > 30) {
            tail = tail.substring(tail.length() - 30);
        }
        int nl = tail.lastIndexOf('\n');
        if (nl >= 0 && nl < tail.length() - 1 && tail.substring(nl + 1).strip().length() > 0) {
            tail = tail.substring(nl + 1);
        }
        return tail.contains("naissance") || Context.hasAnyWord(tail, "ddn", "d.d.n", "ne le", "nee le", "ne(e) le", "ne en", "nee en",
                "ne(e)", "nee", "ne", "nais", "dn", "date de naiss", "naiss") && !tail.contains("nee de") || tail.contains("d.d.n");
    }

    /** Dates whose day or year is written in words, around a month name. */
    private static void inWords(String text, Tokens tokens, Candidates out) {
        for (int i = 0; i < tokens.size; i++) {
            if (!tokens.isWord(i) || !MONTH_KEYS.contains(tokens.key(i))) {
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
