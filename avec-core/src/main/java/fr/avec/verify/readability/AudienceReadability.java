package fr.avec.verify.readability;

import fr.avec.text.FoldedText;
import fr.avec.text.Sentences;
import fr.avec.verify.Finding;
import fr.avec.verify.FindingKind;
import fr.avec.verify.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code READABILITY} findings on patient material for its {@link Audience}:
 * <ul>
 *   <li>the whole text's Kandel–Moles score ({@link KandelMoles}) below the audience's target;</li>
 *   <li>each sentence longer than the audience's limit;</li>
 *   <li>medical jargon without an explanation right after it (in brackets, « , c'est-à-dire », « : »...): words
 *       with the suffixes of clinical vocabulary (-ectomie, -émie, -pathie, -algie...) and a list of common
 *       clinical words patients misread (posologie, ambulatoire, bénin, chronique...);</li>
 *   <li>abbreviations left unexplained (« AVC » without « accident vasculaire cérébral » beside it);</li>
 *   <li>for easy-to-read French (FALC, Inclusion Europe 2009 rules): also percentages and very long words
 *       (five syllables or more) without an explanation.</li>
 * </ul>
 * For FALC and children the findings are warnings; for adults, information.
 */
public final class AudienceReadability {

    private static final Pattern JARGON_SUFFIX = Pattern.compile(
            "\\b\\p{L}{3,}(?:ectomie|otomie|stomie|emie|algie|pathie|plasie|scopie|graphie|therapie|ite|urie|penie|cytose|trophie|plegie|ischemie|oedeme|ectasie|lyse)s?\\b");
    /** Clinical words that patients misread (after the HAS « Élaborer une brochure d'information pour les patients », 2008). */
    private static final Set<String> JARGON = Set.of("posologie", "ambulatoire", "benin", "benigne", "malin", "maligne", "chronique",
            "aigu", "aigue", "pathologie", "comorbidite", "comorbidites", "prophylaxie", "prophylactique", "iatrogene", "contre-indication",
            "contre-indique", "symptomatique", "asymptomatique", "dyspnee", "tachycardie", "bradycardie", "hypertension", "hypotension",
            "anticoagulant", "anticoagulants", "antiagregant", "antalgique", "antalgiques", "antipyretique", "glycemie", "hypoglycemie",
            "hyperglycemie", "insuline", "insulinotherapie", "hemoglobine", "glyquee", "nephropathie", "retinopathie", "neuropathie",
            "per os", "bilan", "biologique", "etiologie", "pronostic", "diagnostic", "remission", "recidive", "metastase", "metastases",
            "observance", "effets indesirables", "effet indesirable", "inflammatoire", "oedeme", "systemique", "idiopathique");
    private static final Pattern ABBREVIATION = Pattern.compile("\\b(?:[A-Z]{2,6}|[A-Z][a-z]?[A-Z0-9]{1,5}[a-z]?)\\b");
    private static final Set<String> COMMON_ABBREVIATIONS = Set.of("OK", "TV", "SMS");
    private static final Pattern PERCENT = Pattern.compile("\\d+(?:[.,]\\d+)?\\s*(?:%|pour\\s*cent|pourcent)");
    private static final Pattern EXPLANATION = Pattern.compile(
            "^\\s*(?:\\(|,\\s*(?:c['’]est|c['’]est-à-dire|cela veut dire|qui veut dire|soit)|:|—|–|-\\s|\\.\\s*(?:C['’]est|Cela veut dire|Ça veut dire))");

    private AudienceReadability() {
    }

    /** The findings on {@code text} for {@code audience}, by position. */
    public static List<Finding> check(String text, Audience audience) {
        List<Finding> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        Severity severity = audience == Audience.ADULT ? Severity.INFO : Severity.WARNING;
        List<Sentences.Span> spans = Sentences.split(text);
        if (!Double.isNaN(audience.targetScore())) {
            double score = KandelMoles.score(text);
            if (score < audience.targetScore()) {
                Sentences.Span first = spans.get(0);
                out.add(new Finding(FindingKind.READABILITY, severity, first.start(), first.end(), text.substring(first.start(), first.end()),
                        String.format(Locale.ROOT, "Kandel–Moles readability %.0f is below the target %.0f for this audience: shorter sentences, shorter words",
                                score, audience.targetScore()), null, null));
            }
        }
        for (Sentences.Span span : spans) {
            String sentence = text.substring(span.start(), span.end());
            if (sentence.strip().startsWith("#")) {
                continue;
            }
            int words = KandelMoles.words(sentence);
            if (words > audience.maxWords()) {
                out.add(new Finding(FindingKind.READABILITY, severity, span.start(), span.end(), sentence,
                        words + " words: " + (audience.easyToRead() ? "an easy-to-read (FALC) sentence has" : "sentences for this audience have")
                                + " at most " + audience.maxWords() + "; split it, one idea per sentence", null, null));
            }
            if (Double.isNaN(audience.targetScore())) {
                continue;
            }
            jargon(text, span, sentence, severity, out);
            abbreviations(text, span, sentence, severity, out);
            if (audience.easyToRead()) {
                Matcher p = PERCENT.matcher(sentence);
                while (p.find()) {
                    out.add(new Finding(FindingKind.READABILITY, severity, span.start() + p.start(), span.start() + p.end(), p.group(),
                            "easy-to-read (FALC): no percentage; say « 1 personne sur 4 » or « la plupart des gens »", null, null));
                }
                Matcher w = KandelMoles.WORD.matcher(sentence);
                while (w.find()) {
                    if (KandelMoles.syllables(w.group()) >= 5 && !explained(sentence, w.end()) && !isJargon(w.group())) {
                        out.add(new Finding(FindingKind.READABILITY, severity, span.start() + w.start(), span.start() + w.end(), w.group(),
                                "easy-to-read (FALC): a long, hard word; use a common word or explain it", null, null));
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        return out;
    }

    private static boolean isJargon(String word) {
        String folded = FoldedText.fold(word);
        return JARGON.contains(folded) || JARGON_SUFFIX.matcher(folded).matches();
    }

    private static void jargon(String text, Sentences.Span span, String sentence, Severity severity, List<Finding> out) {
        // Folding keeps the length of French text (no ligature in these words), so offsets carry over.
        String folded = FoldedText.fold(sentence);
        boolean sameLength = folded.length() == sentence.length();
        if (!sameLength) {
            return;
        }
        List<int[]> found = new ArrayList<>();
        for (String term : JARGON) {
            Matcher m = Pattern.compile("\\b" + Pattern.quote(term) + "s?\\b").matcher(folded);
            while (m.find()) {
                found.add(new int[] {m.start(), m.end()});
            }
        }
        Matcher m = JARGON_SUFFIX.matcher(folded);
        while (m.find()) {
            String w = m.group();
            if (!COMMON_SUFFIXED.contains(w.replaceAll("s$", ""))) {
                found.add(new int[] {m.start(), m.end()});
            }
        }
        found.sort(java.util.Comparator.comparingInt(a -> a[0]));
        int last = -1;
        for (int[] f : found) {
            if (f[0] < last || explained(sentence, f[1]) || explainedBefore(sentence, f[0])) {
                continue;
            }
            last = f[1];
            out.add(new Finding(FindingKind.READABILITY, severity, span.start() + f[0], span.start() + f[1], sentence.substring(f[0], f[1]),
                    "medical word without an explanation: add one in plain words right after it", null, null));
        }
    }

    /** Everyday words that end like clinical vocabulary (« chose », « dose », « rose », « personne »...). */
    private static final Set<String> COMMON_SUFFIXED = Set.of("chose", "dose", "rose", "pose", "cause", "pause", "ose", "propose", "suppose", "expose", "repose", "dispose",
            "compose", "impose", "oppose", "arrose", "analyse", "grosse", "bosse", "fosse", "visite", "suite", "petite",
            "limite", "site", "vite", "ensuite", "conduite", "gratuite", "faite", "dite", "ecrite", "sortie", "partie",
            "vie", "envie", "pluie", "ami", "amie", "nome", "home", "somme", "homme", "comme", "pomme", "tome", "dome",
            "arome", "chrome", "diplome", "fantome", "symptome", "economie", "academie", "boulangerie", "energie",
            "allergie", "chirurgie", "photographie", "radiographie", "echographie", "geographie", "biographie",
            "telephone", "maladie", "poitrine", "habite", "quite", "elite", "unite", "qualite", "quantite", "activite",
            "securite", "sante", "mite", "alimentaire", "rite", "proposes");

    private static void abbreviations(String text, Sentences.Span span, String sentence, Severity severity, List<Finding> out) {
        Matcher m = ABBREVIATION.matcher(sentence);
        while (m.find()) {
            String a = m.group();
            if (COMMON_ABBREVIATIONS.contains(a) || !a.chars().anyMatch(Character::isUpperCase) || a.chars().filter(Character::isUpperCase).count() < 2) {
                continue;
            }
            if (explained(sentence, m.end()) || explainedBefore(sentence, m.start())) {
                continue;
            }
            out.add(new Finding(FindingKind.READABILITY, severity, span.start() + m.start(), span.start() + m.end(), a,
                    "abbreviation without its meaning: write the words out", null, null));
        }
    }

    private static boolean explained(String sentence, int end) {
        return EXPLANATION.matcher(sentence.substring(end)).find();
    }

    /** « ... (AVC) » or « une prise de sang (bilan) »: the plain words come first and the term follows in brackets. */
    private static boolean explainedBefore(String sentence, int start) {
        int k = start - 1;
        while (k >= 0 && sentence.charAt(k) == ' ') {
            k--;
        }
        return k >= 0 && sentence.charAt(k) == '(';
    }
}
