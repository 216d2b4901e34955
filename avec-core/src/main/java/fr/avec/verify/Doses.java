package fr.avec.verify;

import fr.avec.text.FoldedText;
import fr.avec.text.Quantity;
import fr.avec.text.Sentences;
import fr.avec.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Dose checks: a strength written beside a drug that no marketed form of that drug has, and a small
 * table of never-events (errors that must never happen) recognised in the text.
 */
final class Doses {

    private Doses() {
    }

    /**
     * A strength written beside a drug name is compared with the marketed strengths as they are: « Doliprane
     * 1200 mg » names no product, even though 1200 mg can be taken as several units (that is a posology, which
     * clinicians write with a frequency: « 1 g x 3/j », « 2 g/j »).
     */
    private static final double[] MULTIPLES = {1};

    static void notMarketed(String text, List<Token> tokens, List<DrugLexicon.Match> matches, List<Quantity> quantities,
                            DrugLexicon lexicon, List<Finding> out) {
        for (DrugLexicon.Match m : matches) {
            Quantity dose = doseAfter(tokens, m, quantities);
            if (dose == null) {
                continue;
            }
            List<DrugLexicon.Strength> strengths = new ArrayList<>();
            for (DrugLexicon.Strength s : lexicon.marketedStrengths(m.entry())) {
                if (s.dimension().equals(dose.dimension())) {
                    strengths.add(s);
                }
            }
            if (strengths.isEmpty()) {
                continue;
            }
            boolean marketed = false;
            for (DrugLexicon.Strength s : strengths) {
                for (double k : MULTIPLES) {
                    if (Math.abs(s.base() * k - dose.baseValue()) <= 1e-9 + 1e-6 * dose.baseValue()) {
                        marketed = true;
                        break;
                    }
                }
            }
            if (!marketed) {
                Set<String> known = new TreeSet<>((a, b) -> Double.compare(parse(a), parse(b)));
                for (DrugLexicon.Strength s : strengths) {
                    known.add(format(s.base(), dose));
                }
                String list = String.join(", ", known.stream().limit(8).toList());
                out.add(Finding.of(FindingKind.DOSE_NOT_MARKETED, text, m.start(), dose.end(),
                        "no marketed form of " + m.entry().name() + " has " + dose.describe() + " (marketed strengths: " + list + ")",
                        null));
            }
        }
    }

    /** Words that may stand between a drug name and its strength (« Kardégic LP 75 mg », « amoxicilline : 1 g »). */
    private static final Set<String> BETWEEN = Set.of(":", "(", "-", "lp", "lm", "sr", "retard", "forte", "gé", "ge", "®", "a", "à");

    /** The dose written right after a drug name (« Doliprane 1000 mg », « amoxicilline : 1 g »), or null. */
    private static Quantity doseAfter(List<Token> tokens, DrugLexicon.Match m, List<Quantity> quantities) {
        int k = m.endToken();
        int skipped = 0;
        while (k < tokens.size() && !tokens.get(k).isNumber() && !tokens.get(k).isWord() || k < tokens.size() && tokens.get(k).isWord()
                && BETWEEN.contains(tokens.get(k).text())) {
            if (!BETWEEN.contains(tokens.get(k).text()) || ++skipped > 2) {
                return null;
            }
            k++;
        }
        if (k >= tokens.size()) {
            return null;
        }
        int start = tokens.get(k).start();
        for (Quantity q : quantities) {
            if (q.start() == start) {
                boolean dose = q.kind() == Quantity.Kind.NUMBER && q.hasUnit()
                        && (q.dimension().equals("mass") || q.dimension().equals("iu"))
                        && !q.unit().symbol().equals("kg") && !q.unit().symbol().equals("lb");
                return dose ? q : null;
            }
            if (q.start() > start) {
                return null;
            }
        }
        return null;
    }

    private static String format(double base, Quantity like) {
        double value = base / like.unit().factor();
        String number = value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3g", value);
        return number + " " + like.unit().symbol();
    }

    private static double parse(String formatted) {
        try {
            return Double.parseDouble(formatted.substring(0, formatted.indexOf(' ')));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * Never-events of the French list (Ministère de la santé / ANSM, « Les événements qui ne devraient jamais
     * arriver », 2012, updated 2021) that can be read in a prescription text:
     * oral methotrexate is weekly, never daily (ANSM, « Méthotrexate par voie orale : erreurs graves », 2018);
     * concentrated potassium chloride is never given as a direct intravenous injection (ANSM 2012);
     * vincristine is never given intrathecally (WHO Medication Without Harm, 2007 alert; ANSM).
     */
    static void neverEvents(String text, List<Token> tokens, List<Quantity> quantities, List<Finding> out) {
        for (Sentences.Span span : Sentences.split(text)) {
            FoldedText folded = FoldedText.of(text.substring(span.start(), span.end()));
            String sentence = folded.folded();
            int mtx = indexOfAny(sentence, "methotrexate", "novatrex", "imeth", "mtx ");
            if (mtx >= 0 && containsAny(sentence, "/j", "/ j", "par jour", "tous les jours", "quotidien", "x/j", "fois par jour",
                    "daily", "per day", "a day", "every day", "chaque jour", "matin et soir")
                    && !containsAny(sentence, "semaine", "hebdo", "weekly", "/sem", "per week", "a week", "injectable", "sous-cut",
                    "sous cut", "intraveineu", "perfusion", "intramusc")) {
                out.add(neverEvent(text, span, folded, mtx,
                        "oral methotrexate written with a daily frequency: outside oncology it is taken once a WEEK (never-event, ANSM)",
                        "once a week, on a named day"));
            }
            int kcl = indexOfAny(sentence, "chlorure de potassium", "kcl");
            if (kcl >= 0 && containsAny(sentence, "ivd", "intraveineuse directe", "iv directe", "bolus", "en direct", "iv push",
                    "intraveineux direct")) {
                out.add(neverEvent(text, span, folded, kcl,
                        "potassium chloride by direct intravenous injection (never-event, ANSM): dilute and infuse slowly",
                        "diluted slow infusion"));
            }
            int vinca = indexOfAny(sentence, "vincristine", "vinblastine", "vinorelbine", "vindesine");
            if (vinca >= 0 && containsAny(sentence, "intrathecal", "intra-thecal", "intrarachidien")) {
                out.add(neverEvent(text, span, folded, vinca,
                        "vinca alkaloid by the intrathecal route is fatal (never-event): intravenous only", "intravenous only"));
            }
        }
    }

    /** A never-event finding on the drug word at {@code at} in the folded sentence, mapped back to the text. */
    private static Finding neverEvent(String text, Sentences.Span span, FoldedText folded, int at, String message, String suggestion) {
        int start = span.start() + folded.originalOffset(at);
        int end = span.start() + folded.originalEnd(at + wordLength(folded.folded(), at));
        return new Finding(FindingKind.DOSE_NEVER_EVENT, Severity.ERROR, start, end, text.substring(start, end), message, suggestion, null);
    }

    private static int wordLength(String folded, int at) {
        int k = at;
        while (k < folded.length() && (Character.isLetter(folded.charAt(k)) || folded.charAt(k) == ' ' && k - at < 21
                && folded.startsWith("chlorure de potassium", at) && k - at < 21)) {
            k++;
        }
        return Math.max(1, k - at);
    }

    private static int indexOfAny(String s, String... needles) {
        for (String needle : needles) {
            int i = s.indexOf(needle);
            if (i >= 0 && (i == 0 || !Character.isLetter(s.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean containsAny(String s, String... needles) {
        for (String needle : needles) {
            if (s.contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
