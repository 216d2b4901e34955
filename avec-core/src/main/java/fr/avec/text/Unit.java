package fr.avec.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit of measure as clinicians write it, reduced to a dimension and a factor to that dimension's base
 * unit: « 1 g » and « 1000 mg » have the same base value; « mg/kg/j » is a mass per body mass per day.
 * Compound units keep the dimension of every part, so that mg/kg and mg/L never compare equal.
 */
public record Unit(String symbol, String dimension, double factor) {

    /** One word or phrase naming a simple unit. */
    private record Simple(String symbol, String dimension, double factor) {
    }

    private static final Map<String, Simple> SIMPLE = new HashMap<>();
    private static final Map<String, Simple> DENOMINATOR_ONLY = new HashMap<>();

    static {
        simple("g", "mass", 1, "g", "gr", "gramme", "grammes", "gram", "grams");
        simple("mg", "mass", 1e-3, "mg", "milligramme", "milligrammes", "milligram", "milligrams", "mgs");
        simple("µg", "mass", 1e-6, "µg", "ug", "mcg", "microgramme", "microgrammes", "microgram", "micrograms", "gamma");
        simple("ng", "mass", 1e-9, "ng", "nanogramme", "nanogrammes", "nanogram", "nanograms");
        simple("kg", "mass", 1e3, "kg", "kgs", "kilo", "kilos", "kilogramme", "kilogrammes", "kilogram", "kilograms");
        simple("lb", "mass", 453.59237, "lb", "lbs", "pound", "pounds");
        simple("L", "volume", 1, "l", "litre", "litres", "liter", "liters");
        simple("dL", "volume", 0.1, "dl", "decilitre", "decilitres", "deciliter", "deciliters");
        simple("cL", "volume", 0.01, "cl", "centilitre", "centilitres");
        simple("mL", "volume", 1e-3, "ml", "millilitre", "millilitres", "milliliter", "milliliters", "cc", "mls");
        simple("µL", "volume", 1e-6, "µl", "microlitre", "microlitres");
        simple("UI", "iu", 1, "ui", "u", "iu", "unite", "unites", "unit", "units");
        simple("MUI", "iu", 1e6, "mui", "mu");
        simple("mmol", "amount", 1e-3, "mmol", "millimole", "millimoles");
        simple("µmol", "amount", 1e-6, "µmol", "umol", "micromole", "micromoles");
        simple("mol", "amount", 1, "mol", "mole", "moles");
        simple("mEq", "charge", 1, "meq");
        simple("cp", "tablet", 1, "cp", "cps", "comprime", "comprimes", "cpr", "tablet", "tablets", "tab", "tabs", "pill", "pills");
        simple("gél", "capsule", 1, "gel", "gelule", "gelules", "capsule", "capsules", "caps");
        simple("sachet", "sachet", 1, "sachet", "sachets");
        simple("amp", "ampoule", 1, "amp", "ampoule", "ampoules", "ampule", "ampules", "vial", "vials", "flacon", "flacons");
        simple("gtt", "drop", 1, "gtt", "goutte", "gouttes", "drop", "drops");
        simple("bouffée", "puff", 1, "bouffee", "bouffees", "puff", "puffs", "inhalation", "inhalations", "pulverisation", "pulverisations");
        simple("suppo", "suppository", 1, "suppo", "suppos", "suppositoire", "suppositoires", "suppository", "suppositories");
        simple("patch", "patch", 1, "patch", "patchs", "patches", "dispositif", "dispositifs");
        simple("c.", "spoon", 1, "cuillere", "cuilleres", "cac", "cas", "spoon", "spoons", "teaspoon", "teaspoons", "tablespoon", "tablespoons");
        simple("mmHg", "pressure", 1, "mmhg");
        simple("cmHg", "pressure", 10, "cmhg");
        simple("°C", "temperature", 1, "°c", "°", "degre", "degres", "degree", "degrees", "celsius");
        simple("%", "percent", 1, "%", "pourcent", "percent", "pourcents");
        simple("an", "duration", 365.25, "an", "ans", "annee", "annees", "year", "years", "yo", "yr", "yrs");
        simple("mois", "duration", 30.4375, "mois", "month", "months");
        simple("sem", "duration", 7, "semaine", "semaines", "sem", "week", "weeks", "wk", "wks", "sa");
        simple("j", "duration", 1, "jour", "jours", "j", "day", "days");
        simple("h", "duration", 1.0 / 24, "h", "heure", "heures", "hour", "hours", "hr", "hrs");
        simple("min", "duration", 1.0 / 1440, "min", "minute", "minutes", "mn", "mins");
        simple("cm", "length", 1e-2, "cm", "centimetre", "centimetres", "centimeter", "centimeters");
        simple("mm", "length", 1e-3, "mm", "millimetre", "millimetres", "millimeter", "millimeters");
        simple("m", "length", 1, "m", "metre", "metres", "meter", "meters");
        simple("in", "length", 0.0254, "inch", "inches");
        simple("ft", "length", 0.3048, "feet", "foot");
        simple("bpm", "rate", 1, "bpm");
        simple("fois", "times", 1, "fois", "times", "x");
        simple("mmol/L", "amount/volume", 1e-3, "mm/l");
        denominatorOnly("m²", "area", 1, "m2", "m²");
        denominatorOnly("prise", "intake", 1, "prise", "prises");
    }

    private static void simple(String symbol, String dimension, double factor, String... spellings) {
        Simple unit = new Simple(symbol, dimension, factor);
        for (String spelling : spellings) {
            SIMPLE.put(spelling, unit);
        }
    }

    private static void denominatorOnly(String symbol, String dimension, double factor, String... spellings) {
        Simple unit = new Simple(symbol, dimension, factor);
        for (String spelling : spellings) {
            DENOMINATOR_ONLY.put(spelling, unit);
        }
    }

    /** The unit without its denominators (« mg » for « mg/kg/j »), to compare a dose with or without its frequency. */
    public Unit head() {
        int slash = symbol.indexOf('/');
        if (slash < 0) {
            return this;
        }
        String headSymbol = symbol.substring(0, slash);
        for (Simple simple : SIMPLE.values()) {
            if (simple.symbol().equals(headSymbol)) {
                return new Unit(simple.symbol(), simple.dimension(), simple.factor());
            }
        }
        return this;
    }

    /** A unit read from tokens, with the index of the first token after it. */
    public record Reading(Unit unit, int endToken) {
    }

    /** Whether a dimension is a quantity of drug (mass, volume, international units, amount). */
    public boolean isDose() {
        String head = dimension.contains("/") ? dimension.substring(0, dimension.indexOf('/')) : dimension;
        return switch (head) {
            case "mass", "volume", "iu", "amount", "charge", "tablet", "capsule", "sachet", "ampoule", "drop",
                 "puff", "suppository", "patch", "spoon" -> true;
            default -> false;
        };
    }

    /**
     * Reads a unit starting at token {@code index} (« mg », « mg/kg/j », « fois par jour », « pour cent »,
     * « battements par minute »), or returns null. Tokens must follow each other without a line break.
     */
    public static Reading read(List<Token> tokens, int index) {
        if (index >= tokens.size()) {
            return null;
        }
        Token first = tokens.get(index);
        Simple head = null;
        int next = index + 1;
        if (first.is("pour") && next < tokens.size() && tokens.get(next).is("cent")) {
            head = SIMPLE.get("%");
            next++;
        } else if (first.is("°") && next < tokens.size() && tokens.get(next).is("c") && adjacent(first, tokens.get(next))) {
            head = SIMPLE.get("°c");
            next++;
        } else if (first.is("battements") || first.is("battement") || first.is("beats") || first.is("pulsations")) {
            head = SIMPLE.get("bpm");
        } else if (first.is("cycles") || first.is("respirations") || first.is("breaths")) {
            head = new Simple("cycles", "rate", 1);
        } else if (first.isWord() || first.is("%") || first.is("°")) {
            head = SIMPLE.get(first.text());
            if (head != null && (first.is("u") || first.is("m") || first.is("x") || first.is("h") || first.is("j"))
                    && next < tokens.size() && tokens.get(next).is("'")) {
                head = null; // « d'... », « l'... » elisions are not units
            }
        }
        if (head == null) {
            return null;
        }
        // « unités internationales »
        if (head.dimension().equals("iu") && next < tokens.size() && tokens.get(next).text().startsWith("internationa")) {
            next++;
        }
        // « mm Hg », « cm de mercure »
        if ((first.is("mm") || first.is("cm")) && next < tokens.size()) {
            if (tokens.get(next).is("hg")) {
                head = SIMPLE.get(first.text() + "hg");
                next++;
            } else if (tokens.get(next).is("de") && next + 1 < tokens.size() && tokens.get(next + 1).is("mercure")) {
                head = SIMPLE.get(first.text() + "hg");
                next += 2;
            }
        }
        StringBuilder symbol = new StringBuilder(head.symbol());
        StringBuilder dimension = new StringBuilder(head.dimension());
        double factor = head.factor();
        // Denominators: « /kg », « /j », « par jour », « /24h », « a day ».
        while (next < tokens.size()) {
            Token t = tokens.get(next);
            if (t.is("daily") || t.is("quotidien") || t.is("quotidienne")) {
                symbol.append("/j");
                dimension.append("/duration");
                next++;
                break;
            }
            int after;
            boolean per = t.is("/") || t.is("par") || t.is("per") || (t.is("a") && (head.dimension().equals("times")
                    || next + 1 < tokens.size() && SIMPLE.containsKey(tokens.get(next + 1).text())
                    && SIMPLE.get(tokens.get(next + 1).text()).dimension().equals("duration")));
            if (!per || next + 1 >= tokens.size()) {
                break;
            }
            after = next + 1;
            double count = 1;
            if (tokens.get(after).isNumber() && after + 1 < tokens.size()) {
                count = Double.parseDouble(tokens.get(after).text());
                after++;
            }
            Token d = tokens.get(after);
            if (d.is("m") && after + 1 < tokens.size() && tokens.get(after + 1).is("2") && adjacent(d, tokens.get(after + 1))) {
                symbol.append("/m²");
                dimension.append("/area");
                next = after + 2;
                continue;
            }
            Simple denominator = d.isWord() || d.is("°") ? SIMPLE.getOrDefault(d.text(), DENOMINATOR_ONLY.get(d.text())) : null;
            if (denominator == null && d.isNumber() && d.text().equals("2") && symbol.toString().endsWith("m")) {
                break;
            }
            if (denominator == null || denominator.dimension().equals("times") || denominator.dimension().equals("percent")) {
                break;
            }
            symbol.append('/').append(count == 1 ? "" : Long.toString((long) count)).append(denominator.symbol());
            dimension.append('/').append(denominator.dimension());
            factor /= denominator.factor() * count;
            next = after + 1;
        }
        return new Reading(new Unit(symbol.toString(), dimension.toString(), factor), next);
    }

    private static boolean adjacent(Token a, Token b) {
        return a.end() == b.start();
    }
}
