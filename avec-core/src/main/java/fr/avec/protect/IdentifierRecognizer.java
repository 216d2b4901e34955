package fr.avec.protect;

import fr.avec.text.FoldedText;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Health and banking identifiers: NIR and INS with their key, IBAN, RPPS, ADELI, FINESS, and the
 * hospital-local IPP and NDA found after their context words or by configured patterns.
 */
final class IdentifierRecognizer {

    static final int PRIORITY = 90;

    // Sex, year, month, department (2A/2B for Corsica), commune, order, optional key; any single separator.
    private static final Pattern NIR = Pattern.compile(
            "(?<![\\dA-Za-z])([1-478])[ .\\-]?(\\d{2})[ .\\-]?(\\d{2})[ .\\-]?(\\d{2}|2[ABab])[ .\\-]?(\\d{3})[ .\\-]?(\\d{3})(?:[ .\\-]?(\\d{2}))?(?![\\d])");
    private static final Pattern IBAN = Pattern.compile(
            "(?<![A-Za-z0-9])([A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?)(?![A-Za-z0-9])");

    /** Context keyword, then an optional « n° », then a value of digits with optional letters and separators. */
    private static final Pattern KEYED = Pattern.compile(
            "(?i)(?<![\\p{L}\\d])(IPP|NIP|IEP|NDA|RPPS|ADELI|FINESS|INS(?:[ \\-]?NIR|[ \\-]?C|[ \\-]?NIA)?|matricule(?: INS)?"
            + "|identifiant(?: permanent)?(?: du)? patient|n[°o]\\.?[ \\t]*(?:de[ \\t]+|d')?(?:patient|s[ée]jour|venue|dossier|hospitalisation|admission|passage|visite|ipp|nda)"
            + "|num[ée]ro[ \\t]+(?:de[ \\t]+|d')?(?:patient|s[ée]jour|venue|dossier|hospitalisation|admission|passage|visite|ipp|nda|rpps|adeli|finess)"
            + "|(?:n[°o]|num[ée]ro)[ \\t]+(?:IPP|NDA|RPPS|ADELI|FINESS|INS))(?![\\p{L}])"
            + "[ \\t]*(?:[(\\[][^)\\]\\n]{0,20}[)\\]][ \\t]*)?(?:[:=#|\\-][ \\t]*)?(?:(?:n[°o]|num(?:[ée]ro)?)\\.?[ \\t]*(?::[ \\t]*)?)?"
            + "(?-i:([A-Z]{0,3}\\d[A-Z0-9]{0,24}(?:[.\\-/ ]\\d[A-Z0-9]{0,24}){0,6}))(?![\\dA-Za-z])");

    private final Set<String> finess;
    private final List<Pattern> ippPatterns;
    private final List<Pattern> ndaPatterns;

    IdentifierRecognizer(Set<String> finess, List<Pattern> ippPatterns, List<Pattern> ndaPatterns) {
        this.finess = finess;
        this.ippPatterns = ippPatterns;
        this.ndaPatterns = ndaPatterns;
    }

    static final Set<String> KEYWORDS = Set.of("ipp", "nip", "iep", "nda", "rpps", "adeli", "finess", "ins", "ins-nir",
            "ins-c", "ins-nia", "matricule", "identifiant", "n", "no", "numero", "num");

    void find(String text, Tokens t, Candidates out) {
        Matcher keyed = KEYED.matcher(text);
        Matcher nir = NIR.matcher(text);
        Matcher iban = IBAN.matcher(text);
        for (int i = 0; i < t.size; i++) {
            int s = t.start[i];
            if (t.isWord(i)) {
                if (t.is(i, WordClasses.ID_KEYWORD) && plausibleKeyword(t, i) && Anchored.at(keyed, s)) {
                    keyed(text, keyed, out);
                }
                if (t.length(i) == 2 && t.upper(i) && t.isNumber(i + 1) && t.start[i + 1] == t.end[i] && Anchored.at(iban, s)) {
                    iban(text, iban, out);
                }
            } else if (t.isNumber(i)) {
                char c = text.charAt(s);
                if ("123478".indexOf(c) >= 0 && Anchored.digitsAhead(text, s, 13, 24) && Anchored.at(nir, s)) {
                    nir(text, nir, out);
                }
                int len = t.length(i);
                boolean isolated = !decimalNeighbour(t, i);
                if (len == 22 && isolated) {
                    out.add(Label.INS, s, t.end[i], PRIORITY);
                } else if (len == 11 && isolated && (text.startsWith("10", s) || c == '8') && Checksums.luhn(t.surface(i))) {
                    out.add(Label.RPPS, s, t.end[i], PRIORITY - 1);
                } else if (len == 9 && isolated && finess.contains(t.surface(i))) {
                    out.add(Label.FINESS, s, t.end[i], PRIORITY - 1);
                }
            }
        }
        for (Pattern p : ippPatterns) {
            configured(text, p, Label.IPP, out);
        }
        for (Pattern p : ndaPatterns) {
            configured(text, p, Label.NDA, out);
        }
    }

    /** « N° », « no. », « numéro de séjour »: not the « n' » of « n'est », which is far more frequent. */
    private static boolean plausibleKeyword(Tokens t, int i) {
        String key = t.key(i);
        if (key.equals("n") || key.equals("no")) {
            return t.text.charAt(t.end[i] - 1) != '\'' && t.text.charAt(t.end[i] - 1) != '’'
                    && (t.isPunct(i + 1, '°') || t.isPunct(i + 1, 'º') || t.isPunct(i + 1, '.') || t.isWord(i + 1)
                    || t.isNumber(i + 1) && key.equals("no"));
        }
        return true;
    }

    private static boolean decimalNeighbour(Tokens t, int i) {
        return (t.isPunct(i - 1, ',') || t.isPunct(i - 1, '.')) && t.isNumber(i - 2) && t.end[i - 2] == t.start[i - 1]
                && t.end[i - 1] == t.start[i]
                || (t.isPunct(i + 1, ',') || t.isPunct(i + 1, '.')) && t.isNumber(i + 2) && t.end[i] == t.start[i + 1]
                && t.end[i + 1] == t.start[i + 2];
    }

    private static void keyed(String text, Matcher m, Candidates out) {
        String keyword = FoldedText.fold(m.group(1));
        String value = m.group(2);
        int digits = Context.digits(value).length();
        if (digits < 4) {
            return;
        }
        Label label = labelFor(keyword, digits);
        out.add(label, m.start(2), trimEnd(text, m.start(2), m.end(2)), PRIORITY + 2);
    }

    private static int trimEnd(String text, int s, int e) {
        while (e > s && " .-/".indexOf(text.charAt(e - 1)) >= 0) {
            e--;
        }
        return e;
    }

    private static Label labelFor(String keyword, int digits) {
        String k = keyword.replace(".", "");
        if (k.contains("rpps")) {
            return Label.RPPS;
        }
        if (k.contains("adeli")) {
            return Label.ADELI;
        }
        if (k.contains("finess")) {
            return Label.FINESS;
        }
        if (k.startsWith("ins") || k.contains(" ins")) {
            return Label.INS;
        }
        if (k.startsWith("matricule")) {
            return digits >= 13 ? Label.INS : Label.IPP;
        }
        if (k.equals("nda") || k.contains("sejour") || k.contains("venue") || k.contains("hospitalisation")
                || k.contains("admission") || k.contains("passage") || k.contains("visite") || k.endsWith("nda") || k.equals("iep")) {
            return Label.NDA;
        }
        if (k.contains("dossier")) {
            return Label.NDA;
        }
        return Label.IPP;
    }

    private static void nir(String text, Matcher m, Candidates out) {
        {
            String body = m.group(1) + m.group(2) + m.group(3) + m.group(4).toUpperCase(java.util.Locale.ROOT) + m.group(5) + m.group(6);
            int month = Integer.parseInt(m.group(3));
            boolean plausibleMonth = (month >= 1 && month <= 12) || month >= 20;
            String key = m.group(7);
            String before = Context.before(text, m.start(), 60);
            boolean context = Context.hasAnyWord(before, "secu", "securite sociale", "nir", "ss", "n ss", "insee", "assure", "assuree",
                    "immatriculation", "ins", "matricule", "carte vitale", "vitale", "nss", "no ss", "n° ss", "amo");
            boolean insContext = Context.hasAnyWord(before, "ins", "ins nir", "matricule ins", "identite nationale de sante", "ins-nir");
            boolean valid;
            if (key != null) {
                valid = Checksums.validNir(body + key);
            } else {
                valid = false;
            }
            if (!plausibleMonth && !context) {
                return;
            }
            if (valid || context) {
                out.add(insContext ? Label.INS : Label.SECU, m.start(), m.end(), PRIORITY + 1);
            }
        }
    }

    private static void iban(String text, Matcher m, Candidates out) {
        {
            String compact = m.group(1).replace(" ", "");
            boolean valid = Checksums.validIban(compact);
            if (valid || Context.hasAnyWord(Context.before(text, m.start(), 40), "iban", "rib", "bic", "compte")) {
                out.add(Label.IBAN, m.start(1), m.end(1), PRIORITY + 3);
            }
        }
    }

    private static void configured(String text, Pattern pattern, Label label, Candidates out) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int g = m.groupCount() >= 1 && m.group(1) != null ? 1 : 0;
            out.add(label, m.start(g), m.end(g), PRIORITY - 2);
        }
    }
}
