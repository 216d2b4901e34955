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

    /** Reports unknown drugs among the tokens not covered by a known drug mention. */
    static void find(String text, List<Token> tokens, boolean[] inMention, List<Quantity> quantities, DrugLexicon lexicon,
                     DrugSuggester suggester, List<Finding> out) {
        boolean[] drugSentence = drugSentences(tokens, inMention, quantities);
        int q = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.isWord() || inMention[i] || t.text().length() < 4 || COMMON.contains(t.text())) {
                continue;
            }
            String w = t.text();
            if (lexicon.contains(w) || w.endsWith("s") && lexicon.contains(w.substring(0, w.length() - 1))) {
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
            boolean stem = hasDrugStem(w);
            while (q < quantities.size() && quantities.get(q).end() <= t.end()) {
                q++;
            }
            boolean beforeDose = q < quantities.size() && isDose(quantities.get(q)) && tokensBetween(tokens, i, quantities.get(q).start()) <= 1;
            boolean afterTrigger = afterTrigger(tokens, i);
            List<DrugSuggester.Suggestion> suggestions;
            if (!stem && !beforeDose && !afterTrigger && !(drugSentence[i] && hasDrugStem(w))) {
                // Anywhere else, only a word one edit away from a drug name (a misspelling) is a candidate.
                suggestions = plausible(w, suggester.oneEditAway(w));
                if (suggestions.isEmpty()) {
                    continue;
                }
            } else {
                suggestions = plausible(w, suggester.suggest(w, w.length() >= 8 ? 2 : 1, 6));
            }
            boolean positional = beforeDose || afterTrigger || stem && drugSentence[i] && !metabolite(w, lexicon);
            boolean capitalised = Character.isUpperCase(text.charAt(t.start())) && !sentenceStart(text, t.start())
                    && !allCapitals(text, t) && tokensBetween(tokens, i, beforeDose ? quantities.get(q).start() : t.end()) == 0;
            // A misspelling of a real drug, used as a drug; an invented INN-like name in a drug position;
            // an invented brand (capitalised, directly before a dose).
            boolean report = !suggestions.isEmpty() || stem && (positional || hasModernStem(w)) || positional && capitalised && beforeDose;
            if (!report) {
                continue;
            }
            String suggestion = suggestions.isEmpty() ? null : suggestions.get(0).display();
            String message = suggestion == null
                    ? "« " + text.substring(t.start(), t.end()) + " » is used as a drug but matches no product or substance of the BDPM"
                    : "« " + text.substring(t.start(), t.end()) + " » matches no drug of the BDPM; did you mean " + describe(suggestions) + "?";
            out.add(Finding.of(FindingKind.UNKNOWN_DRUG, text, t.start(), t.end(), message, suggestion));
        }
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
        for (int cut = 2; cut <= Math.min(10, word.length() - 6); cut++) {
            if (lexicon.contains(word.substring(cut))) {
                return true;
            }
        }
        return false;
    }

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
