package fr.avec.protect;

import fr.avec.text.FoldedText;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as written in a French text, with the parts it shows and the way it was written, so that a shifted
 * date can be written back the same way (« 03/03/2021 » stays numeric, « 3 mars » keeps no year).
 */
record FrenchDate(LocalDate date, boolean hasDay, boolean hasMonth, boolean hasYear, Style style, String separator,
                  boolean shortYear, boolean padded) {

    /** How the date was written. */
    enum Style { NUMERIC, ISO, TEXTUAL, YEAR, AGE }

    static final String[] MONTH_NAMES = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"};

    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[ ]?([/.\\-])[ ]?(\\d{1,2})(?:[ ]?[/.\\-][ ]?(\\d{2,4}))?");
    private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{1,2})([/.\\-])(\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern AGE = Pattern.compile("(\\d{2,3})\\s*ans", Pattern.CASE_INSENSITIVE);
    private static final int DEFAULT_YEAR = 2000; // leap year, so that 29 February always parses

    /** Parses a detected date; null when the text cannot be read (the caller then uses a placeholder). */
    static FrenchDate parse(String text) {
        String s = text.strip();
        try {
            Matcher m = ISO.matcher(s);
            if (m.matches()) {
                return new FrenchDate(LocalDate.of(i(m.group(1)), i(m.group(2)), i(m.group(3))), true, true, true, Style.ISO, "-", false, true);
            }
            m = MONTH_YEAR.matcher(s);
            if (m.matches()) {
                return new FrenchDate(LocalDate.of(i(m.group(3)), i(m.group(1)), 15), false, true, true, Style.NUMERIC, m.group(2),
                        false, m.group(1).length() == 2);
            }
            m = NUMERIC.matcher(s);
            if (m.matches()) {
                int day = i(m.group(1));
                int month = i(m.group(3));
                String y = m.group(4);
                int year = y == null ? DEFAULT_YEAR : y.length() == 2 ? (i(y) > 30 ? 1900 + i(y) : 2000 + i(y)) : i(y);
                return new FrenchDate(LocalDate.of(year, month, day), true, true, y != null, Style.NUMERIC, m.group(2),
                        y != null && y.length() == 2, m.group(1).length() == 2);
            }
            m = AGE.matcher(s);
            if (m.matches()) {
                return new FrenchDate(LocalDate.of(DEFAULT_YEAR, 1, 1), false, false, false, Style.AGE, "", false, false);
            }
            m = YEAR.matcher(s);
            if (m.matches()) {
                return new FrenchDate(LocalDate.of(i(m.group(1)), 7, 1), false, false, true, Style.YEAR, "", false, false);
            }
            return textual(s);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static FrenchDate textual(String s) {
        String folded = FoldedText.fold(s).replace('-', ' ');
        String[] words = folded.split("[\\s\\u00a0]+");
        int month = -1;
        int monthIndex = -1;
        for (int k = 0; k < words.length; k++) {
            String w = words[k].replace(".", "");
            for (int mo = 0; mo < 12; mo++) {
                String name = FoldedText.fold(MONTH_NAMES[mo]);
                if (w.equals(name) || w.length() >= 3 && name.startsWith(w)) {
                    month = mo + 1;
                    monthIndex = k;
                    break;
                }
            }
            if (month > 0) {
                break;
            }
        }
        if (month < 0) {
            return null;
        }
        Integer day = null;
        if (monthIndex > 0) {
            String d = String.join(" ", java.util.Arrays.copyOfRange(words, 0, monthIndex)).replace("er", "").strip();
            day = number(d);
            if (day == null && d.startsWith("premi")) {
                day = 1;
            }
        }
        Integer year = null;
        if (monthIndex < words.length - 1) {
            String y = String.join(" ", java.util.Arrays.copyOfRange(words, monthIndex + 1, words.length)).replace("'", "").strip();
            year = number(y);
            if (year != null && year < 100) {
                year += year > 30 ? 1900 : 2000;
            }
        }
        if (day == null && year == null) {
            return null;
        }
        return new FrenchDate(LocalDate.of(year == null ? DEFAULT_YEAR : year, month, day == null ? 15 : day), day != null, true,
                year != null, Style.TEXTUAL, " ", false, false);
    }

    private static Integer number(String s) {
        if (s.isEmpty()) {
            return null;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(s);
        }
        Tokens t = new Tokens(s);
        NumberWords.Parsed p = NumberWords.parse(t, 0, 3000);
        return p != null && p.next() == t.size ? p.value() : null;
    }

    private static int i(String s) {
        return Integer.parseInt(s);
    }

    /** This date moved by a number of days, written the same way. */
    String shifted(int days) {
        if (style == Style.AGE) {
            return "90 ans"; // ages over 89 are grouped, as HIPAA's safe harbour does
        }
        LocalDate d = date.plusDays(days);
        if (!hasDay && hasMonth) {
            d = date.plusMonths(Math.round(days / 30.0));
        } else if (style == Style.YEAR) {
            d = date.plusYears(Math.round(days / 365.0) == 0 ? (days < 0 ? -1 : 1) : Math.round(days / 365.0));
        }
        return render(d, style, hasDay, hasYear, separator, shortYear, padded);
    }

    /** The same calendar day written in the given way. */
    static String render(LocalDate d, Style style, boolean hasDay, boolean hasYear, String separator, boolean shortYear, boolean padded) {
        return switch (style) {
            case ISO -> d.toString();
            case YEAR -> Integer.toString(d.getYear());
            case AGE -> "90 ans";
            case NUMERIC -> {
                StringBuilder sb = new StringBuilder();
                if (hasDay) {
                    sb.append(padded ? two(d.getDayOfMonth()) : Integer.toString(d.getDayOfMonth())).append(separator);
                    sb.append(two(d.getMonthValue()));
                } else {
                    sb.append(padded ? two(d.getMonthValue()) : Integer.toString(d.getMonthValue()));
                }
                if (hasYear) {
                    sb.append(separator).append(shortYear ? two(d.getYear() % 100) : Integer.toString(d.getYear()));
                }
                yield sb.toString();
            }
            case TEXTUAL -> {
                StringBuilder sb = new StringBuilder();
                if (hasDay) {
                    sb.append(d.getDayOfMonth() == 1 ? "1er" : Integer.toString(d.getDayOfMonth())).append(' ');
                }
                sb.append(MONTH_NAMES[d.getMonthValue() - 1]);
                if (hasYear) {
                    sb.append(' ').append(d.getYear());
                }
                yield sb.toString();
            }
        };
    }

    /** Other ways a model may write this date back (numeric, textual, ISO), for re-identification. */
    java.util.List<String> renderings(LocalDate d) {
        java.util.List<String> list = new java.util.ArrayList<>();
        if (style == Style.AGE || style == Style.YEAR) {
            return list;
        }
        list.add(render(d, Style.TEXTUAL, hasDay, hasYear, " ", false, false));
        if (hasDay) {
            list.add(render(d, Style.NUMERIC, true, hasYear, "/", false, true));
            list.add(render(d, Style.NUMERIC, true, hasYear, "/", false, false));
            if (hasYear) {
                list.add(d.toString());
                list.add(render(d, Style.NUMERIC, true, true, ".", false, true));
            }
        }
        return list;
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    @Override
    public String toString() {
        return "FrenchDate[" + style + "]";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
