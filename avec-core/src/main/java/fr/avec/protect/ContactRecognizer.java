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

    /** Telephone numbers spoken in words: « zéro six douze trente-quatre cinquante-six soixante-dix-huit ». */
    void inWords(Tokens t, Candidates out) {
        for (int i = 0; i < t.size; i++) {
            if (!t.isWord(i) || !t.key(i).equals("zero")) {
                continue;
            }
            StringBuilder digits = new StringBuilder(10);
            int k = i;
            int last = -1;
            while (k < t.size && digits.length() < 10 && t.isWord(k)) {
                if (t.key(k).equals("zero")) {
                    NumberWords.Parsed unit = t.isWord(k + 1) ? NumberWords.parse(t, k + 1, 9) : null;
                    if (unit != null && unit.value() > 0 && unit.value() < 10) {
                        digits.append('0').append(unit.value());
                        last = unit.next() - 1;
                        k = unit.next();
                    } else {
                        digits.append('0');
                        last = k;
                        k++;
                    }
                    continue;
                }
                NumberWords.Parsed pair = NumberWords.parse(t, k, 99);
                if (pair == null) {
                    break;
                }
                digits.append(pair.value() < 10 ? Integer.toString(pair.value()) : Integer.toString(pair.value()));
                last = pair.next() - 1;
                k = pair.next();
            }
            // Spoken pairs are ambiguous (« quatre-vingt seize » is 80 16 or 96): any long run counts.
            if (digits.length() >= 8 && digits.length() <= 12 && last > i + 3) {
                out.add(Label.TEL, t.start[i], t.end[last], PRIORITY);
                i = last;
            }
        }
    }

    static final java.util.Set<String> EXTENSION_WORDS = java.util.Set.of("poste", "p", "bip", "dect", "ligne",
            "standard", "tel", "telephone", "fax", "secretariat");
    private static final String[] TLDS = {".fr", ".com", ".org", ".net", ".eu", ".info"};

    void find(String text, Tokens t, Candidates out) {
        Matcher phone = PHONE.matcher(text);
        Matcher extension = EXTENSION.matcher(text);
        int covered = -1;
        for (int i = 0; i < t.size; i++) {
            int s = t.start[i];
            if (s < covered) {
                continue;
            }
            char c = text.charAt(s);
            boolean phoneStart = (t.isNumber(i) && c == '0' || (c == '+' || c == '(') && i + 1 < t.size && t.isNumber(i + 1))
                    && Anchored.digitsAhead(text, s, 10, 24);
            if (phoneStart && Anchored.at(phone, s)) {
                out.add(Label.TEL, s, phone.end(), PRIORITY);
                covered = phone.end();
                continue;
            }
            if (t.is(i, WordClasses.EXTENSION) && Anchored.at(extension, s)) {
                if (!Context.before(text, s, 6).endsWith("la ")) { // « rue de la Poste 87000 »
                    out.add(Label.TEL, extension.start(1), extension.end(1), PRIORITY - 5);
                }
            }
        }
        if (text.indexOf('@') >= 0) {
            Matcher mail = MAIL.matcher(text);
            for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
                int s = at;
                while (s > 0 && s > at - 64 && isLocalChar(text.charAt(s - 1))) {
                    s--;
                }
                if (s < at && Anchored.at(mail, s)) {
                    out.add(Label.MAIL, s, trim(text, s, mail.end()), PRIORITY + 10);
                }
            }
        }
        Matcher url = URL.matcher(text);
        for (String head : new String[] {"http", "HTTP", "www.", "WWW."}) {
            for (int k = text.indexOf(head); k >= 0; k = text.indexOf(head, k + 1)) {
                if (Anchored.at(url, k)) {
                    out.add(Label.URL, k, trim(text, k, url.end()), PRIORITY + 9);
                }
            }
        }
        Matcher domain = DOMAIN.matcher(text);
        for (String tld : TLDS) {
            for (int k = text.indexOf(tld); k >= 0; k = text.indexOf(tld, k + 1)) {
                int s = k;
                while (s > 0 && isDomainChar(text.charAt(s - 1))) {
                    s--;
                }
                if (s < k && Anchored.at(domain, s)) {
                    out.add(Label.URL, s, trim(text, s, domain.end()), PRIORITY + 8);
                }
            }
        }
    }

    private static boolean isLocalChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '+' || c == '%' || c == '-');
    }

    private static boolean isDomainChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-';
    }

    private static int trim(String text, int s, int e) {
        while (e > s && ".,;:!?)".indexOf(text.charAt(e - 1)) >= 0) {
            e--;
        }
        return e;
    }
}
