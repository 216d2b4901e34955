package fr.avec.protect;

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
    private static final Pattern INS_C = Pattern.compile("(?<!\\d)\\d{22}(?!\\d)");
    private static final Pattern IBAN = Pattern.compile(
            "(?<![A-Za-z0-9])([A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?)(?![A-Za-z0-9])");
    private static final Pattern RPPS_BARE = Pattern.compile("(?<![\\d.,])(?:10|8\\d)\\d{9}(?![\\d.,])");
    private static final Pattern NINE_DIGITS = Pattern.compile("(?<![\\d.,])\\d{9}(?![\\d.,])");

    /** Context keyword, then an optional « n° », then a value of digits with optional letters and separators. */
    private static final Pattern KEYED = Pattern.compile(
            "(?i)(?<![\\p{L}\\d])(IPP|NIP|IEP|NDA|RPPS|ADELI|FINESS|INS(?:[ \\-]?NIR|[ \\-]?C|[ \\-]?NIA)?|matricule(?: INS)?"
            + "|identifiant(?: permanent)?(?: du)? patient|n[°o]\\.?[ \\t]*(?:de[ \\t]+|d')?(?:patient|s[ée]jour|venue|dossier|hospitalisation|admission|passage|visite|ipp|nda)"
            + "|num[ée]ro[ \\t]+(?:de[ \\t]+|d')?(?:patient|s[ée]jour|venue|dossier|hospitalisation|admission|passage|visite|ipp|nda|rpps|adeli|finess)"
            + "|(?:n[°o]|num[ée]ro)[ \\t]+(?:IPP|NDA|RPPS|ADELI|FINESS|INS))(?![\\p{L}])"
            + "[ \\t]*(?:[(\\[][^)\\]\\n]{0,20}[)\\]][ \\t]*)?(?:[:=#|\\-][ \\t]*)?(?:(?:n[°o]|num(?:[ée]ro)?)\\.?[ \\t]*(?::[ \\t]*)?)?"
            + "(?-i:([A-Z]{0,3}\\d(?:[ .\\-/]?\\d){2,29}[A-Z]?))(?![\\dA-Za-z])");

    private final Set<String> finess;
    private final List<Pattern> ippPatterns;
    private final List<Pattern> ndaPatterns;

    IdentifierRecognizer(Set<String> finess, List<Pattern> ippPatterns, List<Pattern> ndaPatterns) {
        this.finess = finess;
        this.ippPatterns = ippPatterns;
        this.ndaPatterns = ndaPatterns;
    }

    void find(String text, Candidates out) {
        keyed(text, out);
        nir(text, out);
        iban(text, out);
        bare(text, out);
        for (Pattern p : ippPatterns) {
            configured(text, p, Label.IPP, out);
        }
        for (Pattern p : ndaPatterns) {
            configured(text, p, Label.NDA, out);
        }
    }

    private static void keyed(String text, Candidates out) {
        Matcher m = KEYED.matcher(text);
        while (m.find()) {
            String keyword = Fold.fold(m.group(1));
            String value = m.group(2);
            int digits = Context.digits(value).length();
            if (digits < 4) {
                continue;
            }
            Label label = labelFor(keyword, digits);
            out.add(label, m.start(2), trimEnd(text, m.start(2), m.end(2)), PRIORITY + 2);
        }
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

    private static void nir(String text, Candidates out) {
        Matcher m = NIR.matcher(text);
        while (m.find()) {
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
                continue;
            }
            if (valid || context) {
                out.add(insContext ? Label.INS : Label.SECU, m.start(), m.end(), PRIORITY + 1);
            }
        }
        Matcher c = INS_C.matcher(text);
        while (c.find()) {
            out.add(Label.INS, c.start(), c.end(), PRIORITY);
        }
    }

    private static void iban(String text, Candidates out) {
        Matcher m = IBAN.matcher(text);
        while (m.find()) {
            String compact = m.group(1).replace(" ", "");
            boolean valid = Checksums.validIban(compact);
            if (valid || Context.hasAnyWord(Context.before(text, m.start(), 40), "iban", "rib", "bic", "compte")) {
                out.add(Label.IBAN, m.start(1), m.end(1), PRIORITY + 3);
            }
        }
    }

    private void bare(String text, Candidates out) {
        Matcher r = RPPS_BARE.matcher(text);
        while (r.find()) {
            if (Checksums.luhn(r.group())) {
                out.add(Label.RPPS, r.start(), r.end(), PRIORITY - 1);
            }
        }
        if (!finess.isEmpty()) {
            Matcher f = NINE_DIGITS.matcher(text);
            while (f.find()) {
                if (finess.contains(f.group())) {
                    out.add(Label.FINESS, f.start(), f.end(), PRIORITY - 1);
                }
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
