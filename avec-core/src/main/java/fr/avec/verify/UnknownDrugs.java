package fr.avec.verify;

import fr.avec.text.Quantity;
import fr.avec.text.Token;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;

/**
 * Finds words used as drugs that are in no lexicon. A word is used as a drug by its morphology (INN stems
 * such as -mab, -nib, -pril, -sartan, -olol, -azole, -cilline, -mycine, -statine) or by its position (after
 * « traitement par », before a dose); a positional candidate is reported only when it is close to a real
 * drug name (a misspelling) or written like a brand (capitalised inside a sentence), so that ordinary
 * words before a dose are never reported. Suggestions are the nearest real names.
 */
final class UnknownDrugs {

    /**
     * WHO INN common stems of drug classes (WHO, « The use of stems in the selection of INN », 2018),
     * in their French spelling and English spelling.
     */
    private static final List<String> STEMS = List.of(
            "mab", "tinib", "ciclib", "rafenib", "parib", "zomib", "pril", "prile", "sartan", "olol", "alol", "conazole", "prazole", "idazole",
            "cilline", "cillin", "mycine", "mycin", "micine", "micin", "floxacine", "floxacin", "cycline", "cyclin", "statine", "statin",
            "gliptine", "gliptin", "gliflozine", "gliflozin", "glitazone", "triptan", "setron", "dronate", "lukast", "coxib",
            "xaban", "gatran", "parine", "parin", "dipine", "oxetine", "pramine", "azepam", "zolam", "peridone", "triptyline",
            "profene", "profen", "fenac", "metasone", "nisolone", "navir", "ciclovir", "clovir", "buvir", "tegravir", "cefal",
            "penem", "bactam", "tidine", "semide", "thiazide", "lutamide", "relix", "dronate", "fibrate", "glinide");

    /** Words that open a drug position: « traitement par X », « mis sous X », « relais par X ». */
    private static final Set<String> BEFORE_DRUG = Set.of("par", "sous", "taking", "prescribed", "on");
    private static final Set<String> DRUG_CONTEXT = Set.of("traitement", "traite", "traitee", "traites", "traitees", "relais", "mis", "mise",
            "introduction", "prescription", "arret", "poursuite", "started", "taking", "prescribed", "substitution");

    /** Words that make a sentence about drugs, where a word with a classic INN stem is taken for a drug. */
    private static final Set<String> DRUG_SENTENCE = Set.of("traitement", "traitements", "traite", "traitee", "traites",
            "administre", "administree", "administration", "posologie", "dose", "doses", "medicament", "medicaments",
            "prescrit", "prescrite", "prescription", "comprime", "comprimes", "gelule", "gelules", "injection", "perfusion",
            "association", "associe", "associee", "interaction", "interactions", "utilisation", "exposition", "pharmacocinetique",
            "therapeutique", "taking", "prescribed", "medication", "medications", "dosage", "tablet", "tablets", "mg", "utiliser",
            "utilise", "utilisee", "prendre", "prenez", "prenait", "pris", "contient", "effets", "inhibiteur", "traiter", "take",
            "takes", "taken", "given", "receiving", "receives", "started", "stopped");

    private static final Set<String> COMMON = loadCommon();
    private static final fr.avec.text.WordForms WORDS = fr.avec.text.WordForms.shared();

    private UnknownDrugs() {
    }

    static boolean isCommonWord(String folded) {
        return COMMON.contains(folded);
    }

    /**
     * Stems of drug classes introduced since the 1990s: a word carrying one is taken for a drug anywhere. Older
     * stems (-cilline, -mycine, -olol, -pril...) also name withdrawn drugs that literature still cites, so they
     * make a candidate only in a drug position.
     */
    private static final List<String> MODERN_STEMS = List.of("mab", "tinib", "ciclib", "rafenib", "parib", "zomib", "sartan",
            "gliptine", "gliptin", "gliflozine", "gliflozin", "xaban", "gatran", "navir", "buvir", "tegravir", "lukast", "coxib",
            "triptan", "setron");

    static boolean hasModernStem(String folded) {
        for (String stem : MODERN_STEMS) {
            if (folded.endsWith(stem) && folded.length() >= stem.length() + 3) {
                return true;
            }
        }
        return false;
    }

    static boolean hasDrugStem(String folded) {
        if (folded.length() < 6) {
            return false;
        }
        for (String stem : STEMS) {
            if (folded.endsWith(stem) && folded.length() >= stem.length() + 3) {
                return true;
            }
        }
        return false;
    }

    /** Reports unknown drugs among the tokens not covered by a known drug mention (no sources). */
    static void find(String text, List<Token> tokens, boolean[] inMention, List<Quantity> quantities, DrugLexicon lexicon,
                     DrugSuggester suggester, List<Finding> out) {
        find(text, tokens, inMention, quantities, lexicon, suggester, word -> false, out);
    }

    /**
     * Reports unknown drugs among the tokens not covered by a known drug mention; {@code inSources} tells whether
     * the sources write a word too (a name the transcript says is not invented by the model).
     */
    static void find(String text, List<Token> tokens, boolean[] inMention, List<Quantity> quantities, DrugLexicon lexicon,
                     DrugSuggester suggester, java.util.function.Predicate<String> inSources, List<Finding> out) {
        boolean[] drugSentence = drugSentences(tokens, inMention, quantities);
        int q = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.isWord() || inMention[i] || t.text().length() < 4 || COMMON.contains(t.text())) {
                continue;
            }
            String w = t.text();
            if (lexicon.contains(w) || w.endsWith("s") && lexicon.contains(w.substring(0, w.length() - 1)) || spellingVariant(w, lexicon)) {
                continue;
            }
            // An ordinary French or English word is not an unknown drug, whatever its position.
            if (WORDS.contains(w)) {
                continue;
            }
            // Part of a longer glued identifier or a hyphenated compound: not a drug name on its own.
            if (i > 0 && tokens.get(i - 1).end() == t.start() && (tokens.get(i - 1).isWord() || tokens.get(i - 1).isNumber()
                    || tokens.get(i - 1).is("-") || tokens.get(i - 1).is("'") && i > 1 && tokens.get(i - 2).text().length() > 2)) {
                continue;
            }
            if (i + 1 < tokens.size() && tokens.get(i + 1).start() == t.end() && (tokens.get(i + 1).is("-") || tokens.get(i + 1).isNumber())) {
                continue;
            }
            if (eponym(tokens, i) || medicalTerm(w)) {
                continue;
            }
            boolean stem = hasDrugStem(w);
            while (q < quantities.size() && quantities.get(q).end() <= t.end()) {
                q++;
            }
            boolean beforeDose = q < quantities.size() && isDose(quantities.get(q)) && tokensBetween(tokens, i, quantities.get(q).start()) <= 1;
            boolean afterTrigger = afterTrigger(tokens, i);
            boolean drugUse = drugUse(text, tokens, i, inMention) || stem && listedWithNames(text, tokens, i);
            List<DrugSuggester.Suggestion> suggestions;
            if (!stem && !beforeDose && !afterTrigger && !drugUse && !(drugSentence[i] && hasDrugStem(w))) {
                // Anywhere else, only a word one edit away from a drug name (a misspelling) is a candidate, and a
                // short word near a short brand (« Hydroa » / HYDREA) only when the sentence speaks of drugs.
                suggestions = plausible(w, suggester.oneEditAway(w));
                if (suggestions.isEmpty() || w.length() <= 6 && suggestions.get(0).key().length() <= 6
                        && (!drugSentence[i] || sentenceStart(text, t.start()))) {
                    continue;
                }
            } else {
                suggestions = plausible(w, suggester.suggest(w, w.length() >= 8 ? 2 : 1, 6));
            }
            boolean positional = beforeDose || afterTrigger || drugUse || stem && drugSentence[i];
            boolean capitalised = Character.isUpperCase(text.charAt(t.start())) && !sentenceStart(text, t.start())
                    && !allCapitals(text, t) && tokensBetween(tokens, i, beforeDose ? quantities.get(q).start() : t.end()) == 0;
            // A misspelling of a real drug; an invented INN-like name in a drug position or with a modern stem;
            // an invented brand (capitalised, directly before a dose).
            boolean report = !suggestions.isEmpty() || stem && (positional || hasModernStem(w)) && !metabolite(w, lexicon)
                    || positional && capitalised && beforeDose;
            if (!report) {
                continue;
            }
            if (suggestions.isEmpty() && inSources.test(w)) {
                // The transcript says this name too: the model did not invent it (a drug marketed abroad, a brand
                // the BDPM spells otherwise). Misspellings are still reported, the source may share them.
                continue;
            }
            String written = text.substring(t.start(), t.end());
            String suggestion = suggestions.isEmpty() ? null : suggestions.get(0).display();
            String message = suggestion == null
                    ? "« " + written + " » is used as a drug but matches no product or substance of the BDPM"
                    : "« " + written + " » matches no drug of the BDPM; did you mean " + describe(suggestions) + "?";
            out.add(Finding.of(FindingKind.UNKNOWN_DRUG, text, t.start(), t.end(), message, suggestion));
        }
    }

    /**
     * An older or English spelling of a BDPM name: « indométhacine » (INDOMÉTACINE), « sulphate », « Naprosyn »
     * (NAPROSYNE, the English brand drops the final e).
     */
    static boolean spellingVariant(String w, DrugLexicon lexicon) {
        for (int k = w.indexOf("th"); k >= 0; k = w.indexOf("th", k + 1)) {
            // Only the « th » before a vowel of the older spelling (indométhacine), not a doubled letter (« methhadone »).
            if (k + 2 < w.length() && "aeiouy".indexOf(w.charAt(k + 2)) >= 0 && (k == 0 || w.charAt(k - 1) != 't')
                    && lexicon.contains(w.substring(0, k + 1) + w.substring(k + 2))) {
                return true;
            }
        }
        return w.contains("ph") && lexicon.contains(w.replace("ph", "f")) || w.length() >= 6 && lexicon.contains(w + "e");
    }

    /** Heads of eponyms: « syndrome de Costen », « maladie de Verneuil », « signe de Lasègue » name a person, not a drug. */
    private static final Set<String> EPONYM_HEADS = Set.of("syndrome", "maladie", "signe", "test", "score", "classification",
            "methode", "manoeuvre", "reflexe", "triade", "loi", "technique", "intervention", "operation", "disease", "sign",
            "syndrom", "procedure", "incision", "fracture", "echelle", "scale", "criteres", "criteria", "stade", "grade");

    private static boolean eponym(List<Token> tokens, int i) {
        if (i >= 2 && (tokens.get(i - 1).is("de") || tokens.get(i - 1).is("d") || tokens.get(i - 1).is("of"))
                && EPONYM_HEADS.contains(tokens.get(i - 2).text())) {
            return true;
        }
        // « Costen's syndrome »
        return i + 2 < tokens.size() && tokens.get(i + 1).is("'") && tokens.get(i + 2).is("s")
                || i + 1 < tokens.size() && EPONYM_HEADS.contains(tokens.get(i + 1).text());
    }

    /**
     * Endings of anatomy and pathology words (« mucocyst », « gastrectomie », « neuropathie ») that no drug name has:
     * such a word one edit away from a brand is a medical term the dictionaries lack, not a misspelt drug.
     */
    private static final List<String> MEDICAL_ENDINGS = List.of("cyst", "cyste", "itis", "ectomy", "ectomie", "otomy", "otomie",
            "pathy", "pathie", "algia", "algie", "emia", "uria", "plasty", "plastie", "scopy", "scopie", "graphy", "graphie",
            "ostomy", "ostomie", "rrhea", "rrhee", "cele", "oma", "omes");

    private static boolean medicalTerm(String w) {
        for (String ending : MEDICAL_ENDINGS) {
            if (w.endsWith(ending) && w.length() > ending.length() + 2) {
                return true;
            }
        }
        return false;
    }

    /**
     * Words that put the next word in a drug position in French and English notes: « sous X », « relais par X »,
     * « on X », « taking X », « started X », « tried X », « switched to X ».
     */
    private static final Set<String> USE_BEFORE = Set.of("taking", "take", "takes", "took", "tried", "started", "restarted",
            "prescribed", "given", "received", "receiving", "continued", "continue", "resumed", "switched", "changed", "course",
            "using", "uses", "recu", "prend", "prenait", "pris", "prise", "sous", "essaye", "introduit", "introduction",
            "instauration", "relais", "poursuite", "arret", "majoration", "diminution", "reprise", "administration", "traite",
            "traitee", "traitement", "treated", "tolerated", "tolerates", "tolere", "toleree", "try", "trying", "weeks", "days",
            "months", "cycles", "semaines", "jours", "mois", "cures", "cure", "discontinued", "stopped", "held", "increased",
            "decreased", "titrated", "taken", "discontinuing", "stopping", "starting", "ajout", "ajouter", "adding", "added");
    /** Determiners and modifiers that may stand between a drug-use word and the drug (« on her low-dose X »). */
    private static final Set<String> BETWEEN = Set.of("her", "his", "their", "the", "a", "an", "of", "on", "to", "with", "by",
            "le", "la", "les", "l", "du", "de", "des", "d", "par", "sa", "son", "ses", "un", "une", "low", "dose", "back",
            "also", "again", "still", "currently", "now", "daily", "oral", "topical", "iv", "po", "en", "au", "per", "several", "some");
    /** Forms and schedules written right after a drug: « X ointment », « X 1 cp », « X p.r.n. », « X en monothérapie ». */
    private static final Set<String> USE_AFTER = Set.of("ointment", "cream", "tablet", "tablets", "tab", "tabs", "inhaler", "patch",
            "drops", "spray", "capsule", "capsules", "dosepak", "maintenance", "therapy", "monotherapy", "prn", "bid", "tid", "qid",
            "qd", "qhs", "po", "daily", "pommade", "creme", "comprime", "comprimes", "gelule", "gelules", "collyre", "sirop",
            "sachet", "sachets", "monotherapie", "cp", "gel", "injectable", "suppositoire", "ovule", "lp", "xr", "er", "sr", "related",
            "induced", "usage", "changed", "induite", "induit", "level", "levels", "toxicity", "overdose", "dosage", "dosages");

    /**
     * Whether the word stands where notes put a drug: after a word of drug use (« She is on X », « tried X »,
     * « relais par X »), before a form or a schedule (« X ointment », « X p.r.n. »), in a list or a coordination with
     * a known drug (« Diovan, X, Norvasc » is checked through known BDPM names), or alone on a medication-list line.
     */
    private static boolean drugUse(String text, List<Token> tokens, int i, boolean[] inMention) {
        // Before: up to three determiners or modifiers back to a word of use, or « on » after a verb of being.
        for (int k = i - 1; k >= 0 && k >= i - 4; k--) {
            Token b = tokens.get(k);
            if (!b.isWord()) {
                if (b.is("-")) {
                    continue;
                }
                break;
            }
            if (USE_BEFORE.contains(b.text())) {
                return true;
            }
            if (b.is("on") && k > 0 && (tokens.get(k - 1).is("is") || tokens.get(k - 1).is("was") || tokens.get(k - 1).is("been")
                    || tokens.get(k - 1).is("her") || tokens.get(k - 1).is("him") || tokens.get(k - 1).is("back")
                    || tokens.get(k - 1).is("home") || tokens.get(k - 1).is("started") || tokens.get(k - 1).is("put")
                    || tokens.get(k - 1).is("remains") || tokens.get(k - 1).is("previously") || tokens.get(k - 1).is("currently")
                    || tokens.get(k - 1).is("and") || tokens.get(k - 1).is("also") || tokens.get(k - 1).is("now"))) {
                return true;
            }
            if (!BETWEEN.contains(b.text())) {
                break;
            }
        }
        // After: a form or a schedule, possibly behind its strength or route (« X 400/80 Tab », « X nasal inhaler »).
        for (int k = i + 1; k < tokens.size() && k <= i + 6; k++) {
            Token a = tokens.get(k);
            if (USE_AFTER.contains(a.text())) {
                return true;
            }
            if (!a.isNumber() && !a.is("/") && !a.is(".") && !a.is(",") && !DOSE_UNITS.contains(a.text()) && !ROUTES.contains(a.text())) {
                break;
            }
        }
        if (SCHEDULE.matcher(text).region(tokens.get(i).end(), Math.min(text.length(), tokens.get(i).end() + 12)).lookingAt()) {
            return true;
        }
        // After a strength: « 10 mg de X », « 500 mg of X ».
        if (i >= 2 && (tokens.get(i - 1).is("de") || tokens.get(i - 1).is("d") || tokens.get(i - 1).is("of"))
                && DOSE_UNITS.contains(tokens.get(i - 2).text())) {
            return true;
        }
        // Coordinated with a known drug: « X et Kardégic », « Lasilix, X ».
        if (i >= 2 && COORDINATION.contains(tokens.get(i - 1).text()) && inMention[i - 2]
                || i + 2 < tokens.size() && COORDINATION.contains(tokens.get(i + 1).text()) && !tokens.get(i + 1).is("with") && inMention[i + 2]) {
            return true;
        }
        // Alone on a line of a list (« - Xapecilline. », « 2. X p.r.n. »).
        return aloneOnLine(text, tokens.get(i));
    }

    private static final Set<String> ROUTES = Set.of("nasal", "oral", "topical", "eye", "ophthalmic", "vaginal", "rectal", "iv", "im",
            "sc", "po", "buvable", "injectable", "nasale", "orale", "cutanee", "intraveineux", "intraveineuse", "sublingual");
    private static final Set<String> COORDINATION = Set.of(",", "and", "et", ";", "with", "avec", "ou", "or", "plus");
    private static final Set<String> DOSE_UNITS = Set.of("mg", "g", "ml", "µg", "mcg", "ug", "ui", "iu", "units", "unites", "cp",
            "comprime", "comprimes", "gelule", "gelules", "ampoule", "ampoules", "sachet", "sachets", "meq", "mmol", "gouttes", "drops");

    /** Whether the word is listed with a capitalised name (« Diovan, X, Norvasc »): for words with a drug stem only. */
    private static boolean listedWithNames(String text, List<Token> tokens, int i) {
        int before = i >= 3 && (tokens.get(i - 1).is("and") || tokens.get(i - 1).is("et")) && tokens.get(i - 2).is(",") ? i - 3 : i - 2;
        return i >= 2 && COORDINATION.contains(tokens.get(i - 1).text()) && brandLike(text, tokens.get(before))
                || i + 2 < tokens.size() && COORDINATION.contains(tokens.get(i + 1).text()) && !tokens.get(i + 1).is("with")
                && brandLike(text, tokens.get(i + 2));
    }

    /**
     * A capitalised name beside the word: in a coordination with a word that has a drug stem, a brand the BDPM may
     * not have (« Norvasc », « Cipro »; the English dictionary lists many US brands, so it is not asked).
     */
    private static boolean brandLike(String text, Token t) {
        return t.isWord() && t.text().length() >= 4 && Character.isUpperCase(text.charAt(t.start())) && !COMMON.contains(t.text())
                && !allCapitals(text, t);
    }

    /** Latin schedules written with dots: « p.r.n. », « t.i.d. », « b.i.d. », « q.d. ». */
    private static final java.util.regex.Pattern SCHEDULE = java.util.regex.Pattern.compile(
            "\\s*(?:[pP]\\.[rR]\\.[nN]|[tTbBqQ]\\.[iI]\\.[dD]|[qQ]\\.[dD]\\.|[qQ]\\.[hH]\\.[sS])");
    private static final java.util.regex.Pattern LIST_MARK = java.util.regex.Pattern.compile("(?:[-•*]|\\d+[.)])?");
    private static final java.util.regex.Pattern LINE_END = java.util.regex.Pattern.compile("[.;,]?");

    private static boolean aloneOnLine(String text, Token t) {
        int from = t.start();
        while (from > 0 && text.charAt(from - 1) != '\n') {
            from--;
        }
        int to = t.end();
        while (to < text.length() && text.charAt(to) != '\n') {
            to++;
        }
        String before = text.substring(from, t.start()).strip();
        String after = text.substring(t.end(), to).strip();
        return LIST_MARK.matcher(before).matches() && LINE_END.matcher(after).matches();
    }

    /**
     * Suggestions close enough to be a misspelling: one edit, or two edits in a long word or a word that
     * sounds the same; one per display name.
     */
    private static List<DrugSuggester.Suggestion> plausible(String word, List<DrugSuggester.Suggestion> all) {
        List<DrugSuggester.Suggestion> kept = new java.util.ArrayList<>();
        Set<String> names = new HashSet<>();
        String key = DrugSuggester.phoneticKey(word);
        for (DrugSuggester.Suggestion s : all) {
            boolean close = s.distance() <= 1 && word.length() >= 5
                    || s.distance() == 2 && word.charAt(0) == s.key().charAt(0)
                    && (word.length() >= 10 || key.equals(DrugSuggester.phoneticKey(s.key())));
            if (close && names.add(s.display()) && kept.size() < 3) {
                kept.add(s);
            }
        }
        return kept;
    }

    /** Whether the word stands in a line or title written in capitals (« CONDITIONNEMENT PRIMAIRE »). */
    private static boolean allCapitals(String text, Token t) {
        String word = text.substring(t.start(), t.end());
        if (!word.equals(word.toUpperCase(java.util.Locale.ROOT))) {
            return false;
        }
        int from = Math.max(0, t.start() - 30);
        int to = Math.min(text.length(), t.end() + 30);
        int upper = 0;
        int lower = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (k >= t.start() && k < t.end()) {
                continue;
            }
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
        }
        return upper > lower;
    }

    /** Marks the tokens of sentences that speak of drugs: a drug name, a dose or a drug word. */
    private static boolean[] drugSentences(List<Token> tokens, boolean[] inMention, List<Quantity> quantities) {
        boolean[] marks = new boolean[tokens.size()];
        int start = 0;
        int q = 0;
        boolean context = false;
        for (int i = 0; i <= tokens.size(); i++) {
            boolean end = i == tokens.size() || tokens.get(i).is(".") || tokens.get(i).is("?") || tokens.get(i).is("!")
                    || tokens.get(i).is(";");
            if (i < tokens.size()) {
                Token t = tokens.get(i);
                if (inMention[i] || t.isWord() && DRUG_SENTENCE.contains(t.text())) {
                    context = true;
                }
                while (q < quantities.size() && quantities.get(q).end() <= t.start()) {
                    q++;
                }
                if (q < quantities.size() && quantities.get(q).start() == t.start() && isDose(quantities.get(q))) {
                    context = true;
                }
            }
            if (end) {
                for (int k = start; k < i; k++) {
                    marks[k] = context;
                }
                start = i + 1;
                context = false;
            }
        }
        return marks;
    }

    /** A metabolite or derivative named after a known drug (« norfluoxétine », « desméthylclomipramine »). */
    private static boolean metabolite(String word, DrugLexicon lexicon) {
        for (String prefix : METABOLITE_PREFIXES) {
            if (word.startsWith(prefix) && word.length() - prefix.length() >= 6 && lexicon.contains(word.substring(prefix.length()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The prefixes of metabolites and derivatives named after their drug (« nor », « desméthyl », « hydroxy »): an
     * invented name that merely ends like a real one (« futeconazole », « minelosartan ») is not one of them.
     */
    private static final List<String> METABOLITE_PREFIXES = List.of("nor", "des", "desmethyl", "demethyl", "desethyl", "didesmethyl",
            "hydroxy", "dihydro", "tetrahydro", "oxo", "carboxy", "dehydro", "n-desmethyl", "epoxy", "acetyl", "desacetyl", "methyl");

    private static String describe(List<DrugSuggester.Suggestion> suggestions) {
        StringBuilder s = new StringBuilder();
        for (DrugSuggester.Suggestion suggestion : suggestions) {
            if (!s.isEmpty()) {
                s.append(", ");
            }
            s.append(suggestion.display());
        }
        return s.toString();
    }

    static boolean isDose(Quantity q) {
        if (!q.hasUnit() || q.kind() != Quantity.Kind.NUMBER) {
            return false;
        }
        String d = q.dimension();
        if (d.startsWith("mass/volume") || d.startsWith("amount/volume") || d.startsWith("iu/volume") || d.equals("volume")
                || d.equals("mass") && q.unit().symbol().equals("kg") || d.startsWith("mass/mass") && false) {
            return false;
        }
        return q.unit().isDose();
    }

    private static int tokensBetween(List<Token> tokens, int i, int offset) {
        int count = 0;
        for (int k = i + 1; k < tokens.size() && tokens.get(k).start() < offset; k++) {
            count++;
        }
        return count;
    }

    private static boolean afterTrigger(List<Token> tokens, int i) {
        if (i < 2) {
            return false;
        }
        Token before = tokens.get(i - 1);
        if (!BEFORE_DRUG.contains(before.text())) {
            return false;
        }
        for (int k = Math.max(0, i - 4); k < i - 1; k++) {
            if (DRUG_CONTEXT.contains(tokens.get(k).text())) {
                return true;
            }
        }
        return false;
    }

    private static boolean sentenceStart(String text, int offset) {
        for (int k = offset - 1; k >= 0; k--) {
            char c = text.charAt(k);
            if (c == '\n' || c == '.' || c == ':' || c == '-' || c == '•' || c == '*' || c == ';' || c == '!' || c == '?' || c == '(') {
                return true;
            }
            if (!Character.isWhitespace(c) && !Character.isDigit(c) && c != ')') {
                return false;
            }
        }
        return true;
    }

    private static Set<String> loadCommon() {
        Set<String> words = new HashSet<>();
        try (InputStream in = UnknownDrugs.class.getResourceAsStream("common-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-words.txt missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                for (String w : line.trim().split("\\s+")) {
                    if (!w.isEmpty()) {
                        words.add(w);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        addStopWords(words, FrenchAnalyzer.getDefaultStopSet());
        addStopWords(words, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return words; // a HashSet: probed for every word of every request
    }

    private static void addStopWords(Set<String> words, CharArraySet stop) {
        for (Object o : stop) {
            words.add(fr.avec.text.FoldedText.fold(new String((char[]) o)));
        }
    }
}
