package fr.avec.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds every value in a French or English clinical text: digits with a decimal comma or point, numbers
 * in words (« soixante-treize kilos »), blood pressures said the French way (« quatorze-neuf »), ratios,
 * dates, each with the unit that follows it. Numbers glued to letters (« B12 », « COVID-19 », « J3 ») are
 * identifiers, not values, and are left out.
 */
public final class QuantityScanner {

    private QuantityScanner() {
    }

    private static final java.util.Map<String, Integer> MONTHS = months();
    private static final java.util.Set<String> ORDINAL_SUFFIXES = java.util.Set.of("st", "nd", "rd", "th", "er", "re", "e", "eme",
            "ieme", "ere");

    private static java.util.Map<String, Integer> months() {
        java.util.Map<String, Integer> m = new java.util.HashMap<>();
        String[][] names = {
            {"janvier", "january", "jan", "janv"}, {"fevrier", "february", "feb", "fev", "fevr"}, {"mars", "march", "mar"},
            {"avril", "april", "apr", "avr"}, {"mai", "may"}, {"juin", "june", "jun"}, {"juillet", "july", "jul", "juil"},
            {"aout", "august", "aug"}, {"septembre", "september", "sep", "sept"}, {"octobre", "october", "oct"},
            {"novembre", "november", "nov"}, {"decembre", "december", "dec"}};
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                m.put(name, i + 1);
            }
        }
        return m;
    }

    /** « 12 mars 2024 », « le 3 janvier »: a day followed by a month name (and a year), or null. */
    private static int dateAfterDay(List<Token> tokens, int next, double day, int start, List<Quantity> found) {
        if (day < 1 || day > 31 || day != Math.rint(day) || next >= tokens.size() || !tokens.get(next).isWord()) {
            return -1;
        }
        Integer month = MONTHS.get(tokens.get(next).text());
        if (month == null || tokens.get(next).is("mar")) {
            return -1;
        }
        // « 3 may cause »: the English modal, unless a year follows.
        if (tokens.get(next).is("may") && !(next + 1 < tokens.size() && tokens.get(next + 1).isNumber()
                && tokens.get(next + 1).text().length() == 4)) {
            return -1;
        }
        int end = next + 1;
        int year = 0;
        if (end < tokens.size() && tokens.get(end).isNumber() && tokens.get(end).text().length() == 4) {
            year = Integer.parseInt(tokens.get(end).text());
            end++;
        }
        found.add(new Quantity(start, tokens.get(end - 1).end(), Quantity.Kind.DATE, year * 10000 + month * 100 + (int) day,
                Double.NaN, null, false));
        return end;
    }

    /** Every value of the text, in order. */
    public static List<Quantity> scan(String text) {
        return scan(Tokenizer.tokenize(text));
    }

    /** Every value of an already tokenized text, in order. */
    public static List<Quantity> scan(List<Token> tokens) {
        List<Quantity> found = new ArrayList<>();
        int i = 0;
        int n = tokens.size();
        while (i < n) {
            Token t = tokens.get(i);
            if (t.isNumber()) {
                i = number(tokens, i, found);
            } else if (t.isWord() && NumberWords.isNumberWord(t.text())) {
                i = words(tokens, i, found);
            } else if (t.isWord() && MONTHS.containsKey(t.text()) && t.text().length() > 3 && i + 1 < n && tokens.get(i + 1).isNumber()
                    && tokens.get(i + 1).text().length() <= 2) {
                // « July 31, 2008 », « July 31st »
                int day = Integer.parseInt(tokens.get(i + 1).text());
                int end = i + 2;
                if (end < n && tokens.get(end).isWord() && ORDINAL_SUFFIXES.contains(tokens.get(end).text())
                        && tokens.get(end).start() == tokens.get(end - 1).end()) {
                    end++;
                }
                int year = 0;
                int k = end < n && tokens.get(end).is(",") ? end + 1 : end;
                if (k < n && tokens.get(k).isNumber() && tokens.get(k).text().length() == 4) {
                    year = Integer.parseInt(tokens.get(k).text());
                    end = k + 1;
                }
                if (day >= 1 && day <= 31) {
                    found.add(new Quantity(t.start(), tokens.get(end - 1).end(), Quantity.Kind.DATE,
                            year * 10000 + MONTHS.get(t.text()) * 100 + day, Double.NaN, null, false));
                    i = end;
                } else {
                    i++;
                }
            } else if (t.is("once") || t.is("twice")) {
                // « twice a day », « once daily »: a frequency without digits.
                List<Token> times = new ArrayList<>(5);
                times.add(new Token(Token.Type.WORD, t.start(), t.end(), "fois"));
                times.addAll(tokens.subList(i + 1, Math.min(n, i + 5)));
                Unit.Reading reading = Unit.read(times, 0);
                int end = i + reading.endToken();
                found.add(new Quantity(t.start(), tokens.get(end - 1).end(), Quantity.Kind.NUMBER, t.is("once") ? 1 : 2,
                        Double.NaN, reading.unit(), true));
                i = end;
            } else if ((t.is("a") || t.is("an")) && i + 1 < n && tokens.get(i + 1).isWord()
                    && !(i > 0 && (tokens.get(i - 1).is("times") || tokens.get(i - 1).is("once") || tokens.get(i - 1).is("twice")))) {
                // « a week ago », « an hour »: one of a duration, as speech says it.
                Unit.Reading unit = Unit.read(tokens, i + 1);
                if (unit != null && unit.unit().dimension().equals("duration") && unit.endToken() == i + 2) {
                    found.add(new Quantity(t.start(), tokens.get(i + 1).end(), Quantity.Kind.NUMBER, 1, Double.NaN, unit.unit(), true));
                    i += 2;
                } else {
                    i++;
                }
            } else {
                i++;
            }
        }
        return found;
    }

    private static int number(List<Token> tokens, int i, List<Quantity> found) {
        int n = tokens.size();
        Token first = tokens.get(i);
        if (i > 0 && tokens.get(i - 1).end() == first.start()) {
            Token before = tokens.get(i - 1);
            boolean gluedWord = before.isWord() && !before.is("x");
            boolean hyphenedIdentifier = before.is("-") && i > 1 && tokens.get(i - 2).isWord() && tokens.get(i - 2).end() == before.start()
                    && !NumberWords.isNumberWord(tokens.get(i - 2).text());
            if (gluedWord || hyphenedIdentifier) {
                return skipIdentifier(tokens, i);
            }
        }
        // Dates: 12/03/2024, 12.03.24, 12-03-2024.
        if (i + 4 < n && adjacentChain(tokens, i, 5)) {
            Token s1 = tokens.get(i + 1);
            Token s2 = tokens.get(i + 3);
            if ((s1.is("/") || s1.is(".") || s1.is("-")) && s1.text().equals(s2.text())
                    && tokens.get(i + 2).isNumber() && tokens.get(i + 4).isNumber()) {
                int day = parseInt(first.text());
                int month = parseInt(tokens.get(i + 2).text());
                int year = parseInt(tokens.get(i + 4).text());
                if (year < 100) {
                    year += year < 50 ? 2000 : 1900;
                }
                if (day >= 1 && day <= 31 && month >= 1 && month <= 12 && year >= 1900 && year < 2200) {
                    found.add(new Quantity(first.start(), tokens.get(i + 4).end(), Quantity.Kind.DATE,
                            year * 10000 + month * 100 + day, Double.NaN, null, false));
                    return i + 5;
                }
            }
        }
        int next = i + 1;
        double value = Double.parseDouble(first.text());
        String digits = first.text();
        // Decimal comma or point, only between adjacent digits.
        if (next + 1 < n && (tokens.get(next).is(",") || tokens.get(next).is(".")) && tokens.get(next + 1).isNumber()
                && adjacentChain(tokens, i, 3)) {
            value = Double.parseDouble(digits + "." + tokens.get(next + 1).text());
            next += 2;
        } else if (digits.length() <= 3 && next < n && tokens.get(next).isNumber() && tokens.get(next).text().length() == 3
                && tokens.get(next).start() - first.end() == 1 && Unit.read(tokens, next + 1) != null) {
            // « 1 000 mg »: a space as thousands separator, only when a unit follows.
            value = Double.parseDouble(digits + tokens.get(next).text());
            next++;
        }
        int end = tokens.get(next - 1).end();
        // Ratios and fractions: 14/9, 140/90, 1/2.
        if (next + 1 < n && tokens.get(next).is("/") && tokens.get(next + 1).isNumber() && adjacentChain(tokens, next - 1, 3)) {
            double second = Double.parseDouble(tokens.get(next + 1).text());
            next += 2;
            end = tokens.get(next - 1).end();
            Unit.Reading unit = Unit.read(tokens, skipHyphen(tokens, next));
            if (value < second && second <= 4 && unit != null && unit.unit().isDose()) {
                found.add(new Quantity(first.start(), tokens.get(unit.endToken() - 1).end(), Quantity.Kind.NUMBER,
                        value / second, Double.NaN, unit.unit(), false));
                return unit.endToken();
            }
            if (unit != null && unit.unit().dimension().equals("pressure")) {
                found.add(new Quantity(first.start(), tokens.get(unit.endToken() - 1).end(), Quantity.Kind.RATIO,
                        value * unit.unit().factor(), second * unit.unit().factor(), unit.unit(), false));
                return unit.endToken();
            }
            found.add(new Quantity(first.start(), end, Quantity.Kind.RATIO, value, second, null, false));
            return next;
        }
        return withUnit(tokens, i, next, value, false, found);
    }

    private static int withUnit(List<Token> tokens, int i, int next, double value, boolean inWords, List<Quantity> found) {
        int n = tokens.size();
        Token first = tokens.get(i);
        int end = tokens.get(next - 1).end();
        int unitStart = skipHyphen(tokens, next);
        Unit.Reading unit = unitStart < n ? Unit.read(tokens, unitStart) : null;
        if (unit == null && i > 0 && (tokens.get(i - 1).is("x") || tokens.get(i - 1).is("×"))) {
            List<Token> times = new ArrayList<>(5);
            times.add(new Token(Token.Type.WORD, first.start(), first.start(), "fois"));
            times.addAll(tokens.subList(next, Math.min(n, next + 4)));
            Unit.Reading reading = Unit.read(times, 0);
            if (reading != null) {
                unit = new Unit.Reading(reading.unit(), next + reading.endToken() - 1);
                if (unit.endToken() == next) {
                    unit = new Unit.Reading(reading.unit(), next);
                }
            }
        }
        if (unit == null) {
            int date = dateAfterDay(tokens, next, value, first.start(), found);
            if (date > 0) {
                return date;
            }
        }
        // An ordinal (« 3e », « 2nd », « 31st ») is its number; an identifier (« 4x4 ») is not a value.
        if (unit == null && next < n && tokens.get(next).isWord() && tokens.get(next).start() == end) {
            if (ORDINAL_SUFFIXES.contains(tokens.get(next).text())
                    && (next + 1 >= n || tokens.get(next + 1).start() != tokens.get(next).end() || tokens.get(next + 1).isSymbolBreak()
                    || tokens.get(next + 1).is("."))) {
                int date = dateAfterDay(tokens, next + 1, value, first.start(), found);
                if (date > 0) {
                    return date;
                }
                found.add(new Quantity(first.start(), tokens.get(next).end(), Quantity.Kind.NUMBER, value, Double.NaN, null, inWords));
                return next + 1;
            }
            return skipIdentifier(tokens, next);
        }
        if (unit != null && unit.endToken() > unitStart) {
            found.add(new Quantity(first.start(), tokens.get(unit.endToken() - 1).end(), Quantity.Kind.NUMBER, value,
                    Double.NaN, unit.unit(), inWords));
            return unit.endToken();
        }
        found.add(new Quantity(first.start(), end, Quantity.Kind.NUMBER, value, Double.NaN, unit == null ? null : unit.unit(), inWords));
        return next;
    }

    private static int words(List<Token> tokens, int i, List<Quantity> found) {
        NumberWords.Reading reading = NumberWords.read(tokens, i);
        if (reading == null) {
            return i + 1;
        }
        int next = reading.endToken();
        double value = reading.value();
        // « nineteen eighty-five »: a year said as two numbers.
        if (value >= 11 && value <= 20 && value == Math.rint(value) && next < tokens.size() && tokens.get(next).isWord()
                && NumberWords.isNumberWord(tokens.get(next).text()) && !tokens.get(next).is("un") && !tokens.get(next).is("une")) {
            NumberWords.Reading tail = NumberWords.read(tokens, next);
            if (tail != null && tail.value() >= 10 && tail.value() <= 99 && tail.value() % 1 == 0 && !isTimesWord(tokens, tail.endToken())) {
                found.add(new Quantity(tokens.get(i).start(), tokens.get(tail.endToken() - 1).end(), Quantity.Kind.NUMBER,
                        value * 100 + tail.value(), Double.NaN, null, true));
                return tail.endToken();
            }
        }
        // « quatorze-neuf », « treize huit »: a blood pressure in centimetres of mercury, said the French way.
        int j = next;
        if (j < tokens.size() && tokens.get(j).is("-")) {
            j++;
        }
        if (value >= 8 && value <= 25 && value == Math.rint(value) && j < tokens.size() && tokens.get(j).isWord()
                && NumberWords.isNumberWord(tokens.get(j).text())) {
            NumberWords.Reading second = NumberWords.read(tokens, j);
            if (second != null && second.value() >= 4 && second.value() < value && second.value() <= 15) {
                found.add(new Quantity(tokens.get(i).start(), tokens.get(second.endToken() - 1).end(), Quantity.Kind.RATIO,
                        value, second.value(), null, true));
                return second.endToken();
            }
        }
        String single = tokens.get(i).text();
        if (next == i + 1 && (single.equals("un") || single.equals("une") || single.equals("one"))) {
            // « un patient », « one of »: an article, not a value, unless a unit follows.
            int unitStart = skipHyphen(tokens, next);
            Unit.Reading unit = unitStart < tokens.size() ? Unit.read(tokens, unitStart) : null;
            if (unit == null || !unit.unit().isDose() && !unit.unit().dimension().startsWith("duration")) {
                return next;
            }
        }
        return withUnit(tokens, i, next, value, true, found);
    }

    private static boolean isTimesWord(List<Token> tokens, int index) {
        return index < tokens.size() && Unit.read(tokens, index) != null;
    }

    private static int skipHyphen(List<Token> tokens, int index) {
        if (index + 1 < tokens.size() && tokens.get(index).is("-") && tokens.get(index - 1).end() == tokens.get(index).start()
                && tokens.get(index + 1).isWord()) {
            return index + 1;
        }
        return index;
    }

    private static int skipIdentifier(List<Token> tokens, int i) {
        int j = i + 1;
        while (j < tokens.size() && tokens.get(j).start() == tokens.get(j - 1).end() && !tokens.get(j).isSymbolBreak()) {
            j++;
        }
        return j;
    }

    private static boolean adjacentChain(List<Token> tokens, int from, int count) {
        if (from + count > tokens.size()) {
            return false;
        }
        for (int k = from + 1; k < from + count; k++) {
            if (tokens.get(k).start() != tokens.get(k - 1).end()) {
                return false;
            }
        }
        return true;
    }

    private static int parseInt(String digits) {
        if (digits.length() > 9) {
            return Integer.MAX_VALUE;
        }
        return Integer.parseInt(digits);
    }
}
