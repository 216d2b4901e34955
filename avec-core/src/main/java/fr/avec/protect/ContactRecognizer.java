package fr.avec.protect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Telephone numbers (every French layout, +33, overseas, extensions in context), e-mail addresses and URLs. */
final class ContactRecognizer {

    static final int PRIORITY = 85;

    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:(?:\\+|00)[ ]?(?:33|262|590|594|596|269|687|689|508|681|32|41|352)[ .\\-]?(?:\\(0\\)[ .\\-]?)?[1-9](?:[ .\\-\\u00a0]?\\d{2}){4}"
            + "|\\(?0[1-9]\\)?(?:[ .\\-\\u00a0]?\\d{2}){4})(?![\\d])");
    private static final Pattern EXTENSION = Pattern.compile(
            "(?i)(?<![\\p{L}])(?:poste|p\\.|bip|dect|ligne directe|standard|t[ée]l\\.?|t[ée]l[ée]phone|fax|secr[ée]tariat)[ \\t]*(?:[:.][ \\t]*)?(\\d{4,5}|\\d{2}[ .]\\d{2})(?![\\d])");
    private static final Pattern MAIL = Pattern.compile(
            "(?<![\\w.+-])[\\w.+%-]{1,64}+@[A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++)*\\.[A-Za-z]{2,}+");
    private static final Pattern URL = Pattern.compile(
            "(?i)(?<![\\w@/.])(?:https?://|www\\.)[^\\s<>\"'\\])]++");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?<![\\w@/.-])[a-z0-9][a-z0-9-]*+(?:\\.[a-z0-9-]++)*\\.(?:fr|com|org|net|eu|info|sante\\.fr|gouv\\.fr)(?:/[^\\s<>\"']*+)?(?![\\w@])");

    void find(String text, Candidates out) {
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            out.add(Label.TEL, m.start(), m.end(), PRIORITY);
        }
        Matcher x = EXTENSION.matcher(text);
        while (x.find()) {
            out.add(Label.TEL, x.start(1), x.end(1), PRIORITY - 5);
        }
        if (text.indexOf('@') >= 0) {
            Matcher mail = MAIL.matcher(text);
            while (mail.find()) {
                out.add(Label.MAIL, mail.start(), trim(text, mail.start(), mail.end()), PRIORITY + 10);
            }
        }
        if (text.indexOf('.') >= 0) {
            Matcher u = URL.matcher(text);
            while (u.find()) {
                out.add(Label.URL, u.start(), trim(text, u.start(), u.end()), PRIORITY + 9);
            }
            Matcher d = DOMAIN.matcher(text);
            while (d.find()) {
                out.add(Label.URL, d.start(), trim(text, d.start(), d.end()), PRIORITY + 8);
            }
        }
    }

    private static int trim(String text, int s, int e) {
        while (e > s && ".,;:!?)".indexOf(text.charAt(e - 1)) >= 0) {
            e--;
        }
        return e;
    }
}
