package fr.avec.verify.citation;

import fr.avec.text.FoldedText;
import fr.avec.text.NumberWords;
import fr.avec.text.Token;
import fr.avec.text.Tokenizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;

/**
 * How much of a claim the cited text supports, in French or English, the claim and the text possibly in
 * different languages (a French synthesis of English abstracts is the common case).
 *
 * <p>Terms are the content words of the engine's tokenizer (folded; Lucene's French and English stop words,
 * numbers and words under three letters removed). Each term is reduced to a <em>cognate key</em>: a short
 * bilingual table first maps French clinical-research words to the English word they translate when the two do
 * not look alike (« essai » → trial, « diminue » → decrease), then the key is the first {@value #KEY_LENGTH}
 * letters, so that cognates meet (« mortalité » and « mortality » → {@code morta}, « hypertension » and
 * « hypertensive » → {@code hyper}).
 *
 * <p>{@code support(claim, cited) = |keys(claim) ∩ keys(cited)| / |keys(claim)|}: the share of the claim's
 * distinct keys that the cited text contains. A claim is unsupported below {@value #THRESHOLD} when it has at
 * least {@value #MIN_TERMS} keys. This is a lexical screen, as the A.V.E.C. guide asks the professional to
 * consult the source: it catches a citation attached to a text about something else, not a subtle distortion.
 * Limits: a prefix can join unrelated words (« press » of pression/pressure and of « presse »); a paraphrase
 * with synonyms the table does not know scores low.
 */
public final class ClaimSupport {

    static final int KEY_LENGTH = 5;
    static final int MIN_TERMS = 4;
    /** Half of the claim's keys found in its cited text. */
    public static final double THRESHOLD = 0.5;

    private static final Set<String> STOP_WORDS = stopWords();
    /** French word (folded) to the English word it translates, only for pairs that are not cognates. */
    private static final Map<String, String> FRENCH_TO_ENGLISH = bilingual();

    private ClaimSupport() {
    }

    /** The distinct cognate keys of a text. */
    public static Set<String> keys(String text) {
        Set<String> keys = new LinkedHashSet<>();
        for (Token t : Tokenizer.tokenize(text)) {
            if (!t.isWord() || t.text().length() < 3 || STOP_WORDS.contains(t.text()) || NumberWords.isNumberWord(t.text())) {
                continue;
            }
            keys.add(key(t.text()));
        }
        return keys;
    }

    /** The cognate key of a folded word. */
    static String key(String folded) {
        String w = FRENCH_TO_ENGLISH.getOrDefault(folded, folded);
        // Plural and feminine endings do not change the key of short words (« risques » → risk).
        if (w.length() <= KEY_LENGTH + 1) {
            w = w.replaceAll("(es|s|e)$", "");
        }
        return w.length() <= KEY_LENGTH ? w : w.substring(0, KEY_LENGTH);
    }

    /** The share of {@code claim} keys present in {@code cited}; 1 for a claim without keys. */
    public static double support(Set<String> claim, Set<String> cited) {
        if (claim.isEmpty()) {
            return 1;
        }
        int found = 0;
        for (String k : claim) {
            if (cited.contains(k)) {
                found++;
            }
        }
        return (double) found / claim.size();
    }

    private static Set<String> stopWords() {
        Set<String> all = new HashSet<>();
        for (CharArraySet set : List.of(FrenchAnalyzer.getDefaultStopSet(), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)) {
            for (Object o : set) {
                all.add(FoldedText.fold(new String((char[]) o)));
            }
        }
        // Words of every claim and every abstract, which support nothing by themselves.
        all.addAll(List.of("plus", "moins", "tres", "chez", "selon", "ainsi", "egalement", "cette", "ces", "leur", "leurs",
                "dont", "etait", "ete", "etre", "avoir", "fait", "peut", "sont", "entre", "apres", "avant", "lors", "aussi",
                "were", "was", "has", "have", "had", "been", "from", "which", "also", "than", "more", "less", "among", "after",
                "before", "between", "during", "while", "our", "these", "those", "all", "can", "may", "study", "etude", "etudes",
                "studies", "resultats", "results", "montre", "montrent", "showed", "shows", "show", "suggere", "suggest",
                "suggests", "auteurs", "authors", "rapporte", "reported", "report", "conclusion", "conclusions"));
        return Set.copyOf(all);
    }

    private static Map<String, String> bilingual() {
        Map<String, String> m = new HashMap<>();
        String[][] pairs = {
            {"essai", "trial"}, {"essais", "trial"}, {"risque", "risk"}, {"risques", "risk"},
            {"diminue", "decrease"}, {"diminuent", "decrease"}, {"diminution", "decrease"}, {"baisse", "decrease"},
            {"reduit", "reduce"}, {"reduisent", "reduce"}, {"reduction", "reduce"}, {"reduced", "reduce"}, {"reduces", "reduce"},
            {"augmente", "increase"}, {"augmentent", "increase"}, {"augmentation", "increase"}, {"hausse", "increase"},
            {"enfant", "child"}, {"enfants", "child"}, {"children", "child"}, {"nourrisson", "infant"}, {"nourrissons", "infant"},
            {"femme", "women"}, {"femmes", "women"}, {"woman", "women"}, {"homme", "men"}, {"hommes", "men"},
            {"grossesse", "pregnancy"}, {"enceinte", "pregnant"}, {"enceintes", "pregnant"}, {"sein", "breast"},
            {"coeur", "heart"}, {"cardiaque", "cardiac"}, {"poumon", "lung"}, {"poumons", "lung"}, {"rein", "kidney"},
            {"renale", "renal"}, {"foie", "liver"}, {"hepatique", "hepatic"}, {"sang", "blood"}, {"sanguine", "blood"},
            {"douleur", "pain"}, {"douleurs", "pain"}, {"deces", "death"}, {"mort", "death"}, {"morts", "death"},
            {"effet", "effect"}, {"effets", "effect"}, {"efficace", "efficacy"}, {"efficacite", "efficacy"}, {"effective", "efficacy"},
            {"effectiveness", "efficacy"}, {"indesirable", "adverse"}, {"indesirables", "adverse"}, {"grave", "severe"}, {"graves", "severe"},
            {"semaine", "week"}, {"semaines", "week"}, {"mois", "month"}, {"months", "month"}, {"annee", "year"}, {"annees", "year"},
            {"ans", "year"}, {"years", "year"}, {"jour", "day"}, {"jours", "day"}, {"days", "day"},
            {"traitement", "treatment"}, {"traitements", "treatment"}, {"traite", "treated"}, {"traites", "treated"},
            {"medicament", "drug"}, {"medicaments", "drug"}, {"drugs", "drug"}, {"medication", "drug"}, {"medications", "drug"},
            {"aleatoire", "random"}, {"randomise", "random"}, {"randomises", "random"}, {"revue", "review"}, {"chute", "fall"},
            {"chutes", "fall"}, {"falls", "fall"}, {"sommeil", "sleep"}, {"poids", "weight"}, {"fievre", "fever"}, {"toux", "cough"},
            {"ameliore", "improve"}, {"ameliorent", "improve"}, {"amelioration", "improve"}, {"improvement", "improve"},
            {"improved", "improve"}, {"agee", "older"}, {"agees", "older"}, {"ages", "older"}, {"elderly", "older"},
            {"pression", "pressure"}, {"arterielle", "blood"}, {"tension", "pressure"}, {"taux", "rate"}, {"etendue", "range"},
            {"suivi", "follow"}, {"prise", "intake"}, {"apport", "intake"}, {"vitamine", "vitamin"}, {"os", "bone"},
            {"osseuse", "bone"}, {"fracture", "fracture"}, {"peau", "skin"}, {"cerveau", "brain"}, {"accident", "stroke"},
            {"vasculaire", "stroke"}, {"avc", "stroke"}, {"infarctus", "infarction"}, {"soins", "care"}, {"soin", "care"},
            {"patients", "patient"}, {"malades", "patient"}, {"participants", "participant"}, {"sujets", "participant"},
            {"subjects", "participant"}, {"groupe", "group"}, {"bras", "arm"}, {"sevrage", "cessation"}, {"tabac", "smoking"},
            {"tabagique", "smoking"}, {"fumeurs", "smoker"}, {"obesite", "obesity"}, {"surpoids", "overweight"},
            {"sucre", "sugar"}, {"glycemie", "glucose"}, {"vaccin", "vaccine"}, {"vaccination", "vaccine"}, {"vaccinated", "vaccine"},
            {"moyenne", "mean"}, {"moyen", "mean"}, {"average", "mean"}, {"superieur", "higher"}, {"superieure", "higher"},
            {"inferieur", "lower"}, {"inferieure", "lower"}, {"eleve", "high"}, {"elevee", "high"}, {"faible", "low"},
            {"quotidien", "daily"}, {"quotidienne", "daily"}, {"exercice", "exercise"}, {"activite", "activity"},
            {"physique", "physical"}, {"marche", "walking"}, {"ecran", "screen"}, {"ecrans", "screen"}, {"depistage", "screening"},
            {"survie", "survival"}, {"bas", "low"}, {"basse", "low"}, {"basses", "low"}, {"entrainement", "training"},
            {"equilibre", "balance"}, {"chuteurs", "fall"}, {"rechute", "relapse"}, {"hopital", "hospital"}, {"hospitalisation", "hospitalization"},
        };
        for (String[] p : pairs) {
            m.put(p[0], p[1]);
        }
        return Map.copyOf(m);
    }
}
