package fr.avec.verify.omission;

import fr.avec.text.FoldedText;
import fr.avec.text.Quantity;
import fr.avec.text.Sentences;
import fr.avec.text.Token;
import fr.avec.verify.DrugLexicon;
import fr.avec.verify.DrugMention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Extracts the clinically important facts of sources (transcripts, letters): the drugs of the BDPM lexicon
 * and the doses said right after them, allergies with their allergen, vital signs and lab values with the
 * value said after their name (or recognisable alone: « quatorze-neuf », « 38,5 °C », « 73 kilos »),
 * follow-up delays, and the vocabulary's concepts (diagnoses, symptoms, risk factors, mental health, social
 * situation) with their polarity. Polarity is the engine's, adjusted for speech by {@link SpokenPolarity} (verb
 * negations, answers after fillers, clause ends in unpunctuated transcripts). Questions left unanswered and
 * hypotheses are not facts, except allergy and safety questions. A fact said twice is one fact, shown at its first
 * affirmed occurrence.
 */
public final class FactExtractor {

    /** Tokens after a vital sign, lab test or follow-up word in which its value is looked for. */
    static final int VALUE_WINDOW = 8;
    /** Tokens after a drug name in which its dose is looked for. */
    static final int DOSE_WINDOW = 5;
    /** Tokens after an allergy word in which its allergen is looked for (« allergique à la pénicilline »). */
    static final int ALLERGEN_WINDOW = 8;
    /** Longest passage shown for a fact, in characters; longer sentences (spoken text) are cut around the fact. */
    static final int MAX_PASSAGE = 280;

    /** Words between an allergy word and its allergen, and answers, that are not the allergen. */
    private static final Set<String> NOT_ALLERGENS = Set.of("a", "au", "aux", "to", "la", "le", "les", "l", "the", "of", "d",
            "de", "des", "du", "for", "any", "it", "that", "this", "anything", "something", "some", "medication", "medications",
            "medicine", "medicines", "drug", "drugs", "medicament", "medicaments", "connue", "connues", "connu", "known", "yes",
            "no", "oui", "non", "patient", "patiente", "doctor", "docteur", "medecin", "i", "am", "i'm", "m", "je", "suis", "j",
            "have", "has", "you", "your", "are", "is", "was", "were", "reaction", "reactions", "and", "et", "or", "ou", "with",
            "avec", "mild", "severe", "other", "autre", "autres", "aucune", "aucun", "pas", "not", "none", "nothing", "rien",
            "there", "un", "une", "an", "allergies", "allergy", "allergie", "allergique", "allergic", "also", "aussi",
            "just", "only", "seulement", "seasonal", "sont", "est", "c", "s", "y", "en", "mon", "ma", "mes", "my", "quelque", "chose",
            "etes", "avez", "vous", "tu", "es", "as", "euh", "bien", "sure", "aware", "know");

    private final ClinicalVocabulary vocabulary;
    private final DrugLexicon drugs;
    private final Grounding grounding;

    /** An extractor with the given vocabulary, drug lexicon (may be null: no drug facts) and grounding. */
    public FactExtractor(ClinicalVocabulary vocabulary, DrugLexicon drugs, Grounding grounding) {
        this.vocabulary = vocabulary;
        this.drugs = drugs;
        this.grounding = grounding;
    }

    /** The facts of every source, in source order, without repeats. */
    public List<Fact> extract(List<AnalysedText> sources) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        for (int s = 0; s < sources.size(); s++) {
            extract(s, sources.get(s), facts);
        }
        // « Des allergies ? — Oui, à l'amoxicilline »: the allergen's fact says all the question's does.
        if (facts.keySet().stream().anyMatch(k -> k.startsWith("A|") && !k.startsWith("A|allergy"))) {
            facts.remove("A|allergy");
        }
        // « Any allergies? » left unanswered says less than « NKDA » said elsewhere.
        if (facts.containsKey("A|allergy/none") && facts.containsKey("A|allergy")
                && facts.get("A|allergy").polarity() == Polarity.HYPOTHETICAL) {
            facts.remove("A|allergy");
        }
        return List.copyOf(facts.values());
    }

    private void extract(int sourceIndex, AnalysedText source, Map<String, Fact> facts) {
        String text = source.text();
        List<Token> tokens = source.tokens();
        Polarity[] polarity = source.polarity() != null ? source.polarity() : grounding.polarities(text, tokens);
        polarity = SpokenPolarity.refine(text, tokens, polarity);
        List<Quantity> quantities = source.quantities();
        int[] quantityAt = quantityIndexByToken(tokens, quantities);
        boolean[] used = new boolean[quantities.size()];
        Passages passages = new Passages(text);

        List<DrugMention> mentions = source.drugs();
        java.util.Set<Integer> allergens = new java.util.HashSet<>();
        List<ClinicalVocabulary.Hit> hits = vocabulary.scan(text, tokens);
        for (ClinicalVocabulary.Hit hit : hits) {
            Polarity p = polarity(polarity, hit.firstToken(), hit.endToken());
            // An allergy or safety question left without a clear answer is still a fact: the note should say it.
            if (p == Polarity.HYPOTHETICAL && hit.concept().category() != FactCategory.ALLERGY
                    && hit.concept().category() != FactCategory.SAFETY) {
                continue;
            }
            ClinicalVocabulary.Concept concept = hit.concept();
            FactCategory category = concept.category();
            String said = text.substring(hit.start(), hit.end());
            switch (category) {
                case VITAL_SIGN, LAB_VALUE, FOLLOW_UP -> {
                    int q = firstQuantity(quantityAt, hit.endToken(), Math.min(tokens.size(), hit.endToken() + VALUE_WINDOW), used,
                            quantities, false);
                    if (q < 0 || !valueFits(category, quantities.get(q))) {
                        continue; // a vital sign, test or follow-up named without a value is not a fact to keep
                    }
                    used[q] = true;
                    Quantity value = quantities.get(q);
                    add(facts, "V|" + concept.id() + "|" + value.describe(), new Fact(category, concept.id(),
                            concept.id().replace('-', ' ') + " " + text.substring(value.start(), value.end()), Polarity.AFFIRMED,
                            sourceIndex, hit.start(), value.end(), passages.start(hit.start(), value.end()),
                            passages.end(hit.start(), value.end()), value, List.of(), null));
                }
                case ALLERGY -> {
                    Allergen allergen = concept.id().equals("allergy") && p != Polarity.NEGATED ? allergen(text, tokens, hit, mentions, p) : null;
                    if (allergen != null) {
                        p = Polarity.AFFIRMED; // « Any allergies? — Penicillin. »: the answer names the allergen
                    }
                    if (allergen != null && allergen.mentionStart() >= 0) {
                        allergens.add(allergen.mentionStart());
                    }
                    String key = allergen == null ? "A|" + concept.id() : "A|" + allergen.key();
                    String label = allergen == null ? "allergy « " + said + " »" : "allergy to « " + allergen.said() + " »";
                    add(facts, key, new Fact(category, concept.id(), label, p, sourceIndex, hit.start(), hit.end(),
                            passages.start(hit.start(), hit.end()), passages.end(hit.start(), hit.end()), null,
                            allergen == null ? List.of() : allergen.substances(), allergen == null ? null : allergen.word()));
                }
                default -> {
                    if (category == FactCategory.DRUG && overlapsMention(mentions, hit)) {
                        continue; // the lexicon's drug fact says it with its substance
                    }
                    add(facts, "C|" + family(concept.id()), new Fact(category, concept.id(),
                        category.label().replace('_', ' ') + " « " + said + " »", p, sourceIndex, hit.start(), hit.end(),
                        passages.start(hit.start(), hit.end()), passages.end(hit.start(), hit.end()), null, List.of(), null));
                }
            }
        }

        if (drugs != null) {
            for (DrugMention m : mentions) {
                if (allergens.contains(m.start()) || !spokenAsDrug(m) || overlapsHit(hits, m)) {
                    continue; // an allergen is the allergy's fact; « any », « daily » are words; « cholesterol » a lab test
                }
                int first = tokenAt(tokens, m.start());
                int end = tokenAt(tokens, m.end() - 1) + 1;
                Polarity p = polarity(polarity, first, end);
                if (p == Polarity.HYPOTHETICAL) {
                    continue;
                }
                String substance = m.substances().isEmpty() ? FoldedText.fold(m.text()) : m.substances().get(0);
                add(facts, "D|" + substance, new Fact(FactCategory.DRUG, substance, "drug « " + m.text() + " » (" + String.join(", ", m.substances()) + ")",
                        p, sourceIndex, m.start(), m.end(), passages.start(m.start(), m.end()), passages.end(m.start(), m.end()), null, m.substances(), null));
                int q = firstQuantity(quantityAt, end, Math.min(tokens.size(), end + DOSE_WINDOW), used, quantities, true);
                if (q >= 0) {
                    used[q] = true;
                    Quantity dose = quantities.get(q);
                    add(facts, "Q|" + substance + "|" + dose.describe(), new Fact(FactCategory.DOSE, substance,
                            "dose « " + text.substring(m.start(), dose.end()) + " »", p, sourceIndex, m.start(), dose.end(),
                            passages.start(m.start(), dose.end()), passages.end(m.start(), dose.end()), dose, m.substances(), null));
                }
            }
        }

        negatedFindings(sourceIndex, text, tokens, polarity, hits, mentions, passages, facts);

        // Values recognisable without their name: blood pressures, temperatures, body weights, heart rates; then
        // any other measured value (lengths, percentages, volumes), durations, counts and dates left out.
        for (int q = 0; q < quantities.size(); q++) {
            if (used[q]) {
                continue;
            }
            Quantity v = quantities.get(q);
            String concept = standaloneVital(v);
            FactCategory category = FactCategory.VITAL_SIGN;
            if (concept == null && isMeasurement(v)) {
                concept = "measurement";
                category = FactCategory.MEASUREMENT;
            }
            if (concept == null) {
                continue;
            }
            add(facts, "V|" + concept + "|" + v.describe(), new Fact(category, concept,
                    concept.replace('-', ' ') + " " + text.substring(v.start(), v.end()), Polarity.AFFIRMED, sourceIndex,
                    v.start(), v.end(), passages.start(v.start(), v.end()), passages.end(v.start(), v.end()), v, List.of(), null));
        }
    }

    private record Allergen(String key, String said, List<String> substances, String word, int mentionStart) {
    }

    /** Words that link an allergy word to its allergen (« allergique à », « allergic to », « allergies including »). */
    private static final Set<String> ALLERGEN_LINKS = Set.of("a", "au", "aux", "to", "including", "include", "includes", "like",
            "such", "comme", "notamment", "dont", "towards", "envers", "vis", "with", "avec", "sur");
    /** Words before an allergy word that are not its allergen (« seasonal allergies », « sévère allergie »). */
    private static final Set<String> NOT_PRIOR_ALLERGENS = Set.of("seasonal", "saisonniere", "saisonnier", "food", "alimentaire",
            "drug", "medicamenteuse", "significant", "severe", "severes", "multiple", "multiples", "environmental", "many", "few",
            "several", "plusieurs", "bad", "terrible", "grave", "graves", "fortes", "forte", "petite", "petites", "les", "des",
            "anaphylactic", "true", "vraie", "grosse", "gros", "ancienne", "ancien", "cross", "croisee", "penicillin-type", "type", "skin", "cutanee", "respiratory",
            "respiratoire", "nasal", "other", "autres", "autre", "mild", "legere", "legeres", "kind", "sort");

    /**
     * The allergen of an allergy word: a drug of the lexicon or a word linked to it (« allergique à la
     * pénicilline », « allergic to ragweed », « allergie aux acariens »), said right before it (« penicillin
     * allergy », « latex allergy »), or, for a question, said at the start of the answer (« Any allergies? —
     * Yes, ragweed. », « Des allergies ? — À la codéine. »). Null when none is named.
     */
    private static Allergen allergen(String text, List<Token> tokens, ClinicalVocabulary.Hit hit, List<DrugMention> mentions,
                                     Polarity polarity) {
        // Right before: « penicillin allergy », « peanut allergy ».
        for (DrugMention m : mentions) {
            if (m.end() <= hit.start() && hit.start() - m.end() <= 2) {
                return drugAllergen(m);
            }
        }
        if (hit.firstToken() > 0) {
            Token before = tokens.get(hit.firstToken() - 1);
            if (before.isWord() && before.text().length() >= 4 && before.end() + 1 >= hit.start() && !NOT_ALLERGENS.contains(before.text())
                    && !NOT_PRIOR_ALLERGENS.contains(before.text()) && !STOP.contains(before.text()) && !before.text().endsWith("ing")
                    && !before.text().endsWith("ed") && !before.text().endsWith("ly") && !EMPTY_WORDS.contains(before.text())) {
                String word = ClinicalVocabulary.stripEndings(before.text());
                return new Allergen(word, text.substring(before.start(), before.end()), List.of(), word, -1);
            }
        }
        // After, in the same sentence, through a linking word.
        int end = Math.min(tokens.size(), hit.endToken() + ALLERGEN_WINDOW);
        boolean linked = false;
        boolean question = false;
        for (int k = hit.endToken(); k < end; k++) {
            Token t = tokens.get(k);
            if (t.is("?")) {
                question = true;
                break;
            }
            if (t.is(".") || t.is(";") || t.is("!") || k > 0 && SpokenPolarity.lineBreak(text, tokens.get(k - 1), t)) {
                break;
            }
            if (!t.isWord()) {
                continue;
            }
            if (ALLERGEN_LINKS.contains(t.text())) {
                linked = true;
                continue;
            }
            if (!linked) {
                if (NOT_ALLERGENS.contains(t.text()) || t.text().equals("reaction") || t.text().equals("reactions")) {
                    continue; // « allergic reaction to », « allergie connue à »
                }
                break;
            }
            DrugMention m = mentionAt(mentions, t.start());
            if (m != null) {
                return drugAllergen(m);
            }
            if (NOT_ALLERGENS.contains(t.text()) || t.text().length() < 3 || STOP.contains(t.text())) {
                continue;
            }
            String word = ClinicalVocabulary.stripEndings(t.text());
            return new Allergen(word, text.substring(t.start(), t.end()), List.of(), word, -1);
        }
        int lineStart = text.lastIndexOf('\n', hit.start()) + 1;
        if (!question && polarity != Polarity.HYPOTHETICAL && !SpokenPolarity.clinicianTurn(text, lineStart)) {
            return null;
        }
        // A question: the allergen opens the next turn (« Patient: Yes, ragweed. », « Patient : la pénicilline »).
        int lineEnd = text.indexOf('\n', hit.end());
        if (lineEnd < 0) {
            return null;
        }
        int k = tokenAt(tokens, lineEnd) + 1;
        if (k < tokens.size() && tokens.get(k).start() < lineEnd) {
            k++;
        }
        if (k + 1 < tokens.size() && tokens.get(k).isWord() && tokens.get(k + 1).is(":")) {
            k += 2; // the speaker label
        }
        int nextLineEnd = text.indexOf('\n', lineEnd + 1);
        boolean yes = false;
        for (int j = k; j < tokens.size() && j < k + 6 && (nextLineEnd < 0 || tokens.get(j).start() < nextLineEnd); j++) {
            Token t = tokens.get(j);
            if (t.is(".") || t.is("?") || t.is("!")) {
                break;
            }
            if (!t.isWord()) {
                continue;
            }
            DrugMention m = mentionAt(mentions, t.start());
            if (m != null) {
                return drugAllergen(m);
            }
            if (YES.contains(t.text())) {
                yes = true;
                continue;
            }
            if (ANSWER_FILLERS.contains(t.text()) || NOT_ALLERGENS.contains(t.text()) && !t.text().equals("no") && !t.text().equals("non")) {
                continue;
            }
            // Without « yes », only a bare answer names the allergen (« Patient: Penicillin. », « Patiente : les pollens »).
            if (!yes && !shortAnswer(text, tokens, j) || t.text().length() < 3 || STOP.contains(t.text())
                    || EMPTY_WORDS.contains(t.text())) {
                return null;
            }
            String word = ClinicalVocabulary.stripEndings(t.text());
            return new Allergen(word, text.substring(t.start(), t.end()), List.of(), word, -1);
        }
        return null;
    }

    /** Whether the turn holding token {@code j} is at most three words long (a bare answer, not a sentence). */
    private static boolean shortAnswer(String text, List<Token> tokens, int j) {
        int lineEnd = text.indexOf('\n', tokens.get(j).start());
        int words = 0;
        for (int k = j; k < tokens.size() && (lineEnd < 0 || tokens.get(k).start() < lineEnd); k++) {
            if (tokens.get(k).isWord() && ++words > 3) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> YES = Set.of("yes", "oui", "yeah", "yep", "ouais", "si");
    private static final Set<String> ANSWER_FILLERS = Set.of("euh", "heu", "um", "uh", "uhm", "oh", "ah", "well", "bah", "ben",
            "alors", "so", "hmm", "hm", "mm");

    private static Allergen drugAllergen(DrugMention m) {
        String key = m.substances().isEmpty() ? FoldedText.fold(m.text()) : m.substances().get(0);
        return new Allergen(key, m.text(), m.substances(), ClinicalVocabulary.normalise(FoldedText.fold(m.text()).split(" ")[0]), m.start());
    }

    private static DrugMention mentionAt(List<DrugMention> mentions, int offset) {
        for (DrugMention m : mentions) {
            if (m.start() <= offset && offset < m.end()) {
                return m;
            }
        }
        return null;
    }

    /**
     * Whether a lexicon match is used as a drug in speech: a short brand match written in lower case is a word
     * (the lexicon itself already leaves out brand names that are ordinary words, such as « Any » or « Daily »);
     * a substance name (« morphine ») always counts.
     */
    public static boolean spokenAsDrug(DrugMention m) {
        String folded = FoldedText.fold(m.text());
        for (String substance : m.substances()) {
            if (FoldedText.fold(substance).equals(folded)) {
                return true;
            }
        }
        return !(folded.length() <= 4 && m.text().equals(m.text().toLowerCase(java.util.Locale.ROOT)));
    }

    private static boolean overlapsHit(List<ClinicalVocabulary.Hit> hits, DrugMention m) {
        for (ClinicalVocabulary.Hit h : hits) {
            if (h.start() < m.end() && m.start() < h.end() && h.concept().category() != FactCategory.DRUG) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlapsMention(List<DrugMention> mentions, ClinicalVocabulary.Hit hit) {
        for (DrugMention m : mentions) {
            if (m.start() < hit.end() && hit.start() < m.end()) {
                return true;
            }
        }
        return false;
    }

    private static String family(String concept) {
        int slash = concept.indexOf('/');
        return slash < 0 ? concept : concept.substring(0, slash);
    }

    /** Keeps the first occurrence of a fact, or an affirmed one over a negated one over a question. */
    private static void add(Map<String, Fact> facts, String key, Fact fact) {
        Fact existing = facts.get(key);
        if (existing == null || rank(fact.polarity()) > rank(existing.polarity())) {
            facts.put(key, fact);
        }
    }

    private static int rank(Polarity p) {
        return switch (p) {
            case AFFIRMED -> 2;
            case NEGATED -> 1;
            case HYPOTHETICAL -> 0;
        };
    }

    /** The polarity of a phrase: negated if any word is, else hypothetical if any word is. */
    private static Polarity polarity(Polarity[] polarity, int first, int end) {
        Polarity result = Polarity.AFFIRMED;
        for (int k = first; k < end && k < polarity.length; k++) {
            if (polarity[k] == Polarity.NEGATED) {
                return Polarity.NEGATED;
            }
            if (polarity[k] == Polarity.HYPOTHETICAL) {
                result = Polarity.HYPOTHETICAL;
            }
        }
        return result;
    }

    /** Vitals and labs are never durations or dates (« sat for twenty minutes »); follow-ups are delays or dates. */
    private static boolean valueFits(FactCategory category, Quantity q) {
        if (category == FactCategory.FOLLOW_UP) {
            return q.kind() == Quantity.Kind.DATE || q.dimension().equals("duration");
        }
        return q.kind() != Quantity.Kind.DATE && !q.dimension().startsWith("duration") && !q.dimension().equals("times");
    }

    /** The concept of a value that is a vital sign on its own, or null. */
    static String standaloneVital(Quantity v) {
        if (v.kind() == Quantity.Kind.RATIO && !v.hasUnit() || v.kind() == Quantity.Kind.RATIO && v.dimension().equals("pressure")) {
            double a = v.value();
            double b = v.second();
            boolean centimetres = a >= 7 && a <= 30 && b >= 3 && b <= 20 && a > b;
            boolean millimetres = a >= 60 && a <= 260 && b >= 30 && b <= 160 && a > b;
            return centimetres || millimetres ? "blood-pressure" : null;
        }
        if (v.kind() != Quantity.Kind.NUMBER || !v.hasUnit()) {
            return null;
        }
        return switch (v.dimension()) {
            case "pressure" -> "blood-pressure";
            case "temperature" -> v.value() >= 34 && v.value() <= 43 ? "temperature" : null;
            case "rate" -> v.value() >= 20 && v.value() <= 250 ? "heart-rate" : null;
            case "mass" -> (v.unit().symbol().equals("kg") || v.unit().symbol().equals("lb")) && v.baseValue() >= 2_000 && v.baseValue() <= 300_000
                    ? "weight" : null;
            default -> null;
        };
    }

    /** A value with a unit of measure that is not a duration, a frequency or a count of doses. */
    static boolean isMeasurement(Quantity v) {
        if (v.kind() != Quantity.Kind.NUMBER || !v.hasUnit()) {
            return false;
        }
        String head = v.dimension().contains("/") ? v.dimension().substring(0, v.dimension().indexOf('/')) : v.dimension();
        return switch (head) {
            case "duration", "times", "tablet", "capsule", "sachet", "ampoule", "drop", "puff", "suppository", "patch", "spoon" -> false;
            default -> true;
        };
    }

    /** Words of a negation scope that say nothing on their own (« no other problems », « denies any issues »). */
    private static final Set<String> EMPTY_WORDS = Set.of("other", "autre", "autres", "known", "connu", "connue", "history",
            "antecedent", "antecedents", "problem", "problems", "probleme", "problemes", "issue", "issues", "really", "something",
            "anything", "nothing", "thing", "things", "much", "well", "good", "okay", "sure", "particular", "particulier",
            "particuliere", "significant", "recent", "current", "acute", "chronic", "changes", "change", "complaint",
            "complaints", "plainte", "plaintes", "symptom", "symptoms", "symptome", "symptomes", "signe", "signes", "sign",
            "signs", "notion", "notions", "medical", "medicale", "medicales", "family", "famille", "since", "that", "this",
            "have", "been", "being", "with", "without", "from", "your", "their", "there", "here", "were", "does", "doing",
            "done", "going", "feel", "feeling", "felt", "like", "just", "also", "sans", "avec", "dans", "pour", "plus", "tres",
            "avez", "avoir", "etes", "fait", "faire", "vous", "nous", "elle", "ils", "elles", "leur", "votre", "notre",
            "mais", "comme", "quand", "tout", "toute", "tous", "toutes", "rien", "jamais", "point", "time", "times", "fois",
            "today", "aujourd'hui", "yesterday", "hier", "right", "left", "droite", "gauche", "none", "aucun", "aucune",
            "ever", "still", "again", "encore", "pain", "douleur", "douleurs", "mal", "worse", "better", "mieux", "pire",
            "know", "remember", "think", "thought", "what", "when", "where", "which", "everything", "anyone", "someone",
            "else", "fine", "doctor", "docteur", "medecin", "patient", "patiente", "infirmiere", "nurse", "thankfully", "absolutely", "never", "thanks", "thank", "merci",
            "noticed", "notice", "remarque", "remarquee", "take", "taking", "took", "prends", "prenez", "prendre", "used",
            "using", "use", "utilise", "kind", "sort", "type", "types", "lately", "recently", "dernierement",
            "about", "would", "could", "should", "will", "want", "need", "besoin", "work", "working", "said", "told",
            "dit", "quelque", "chose", "choses", "truc", "trucs", "vraiment", "actually", "apart", "besides",
            "concern", "concerns", "worries", "worry", "area", "areas", "part", "parts", "side", "sides", "aware", "past",
            "condition", "conditions", "passe", "conscience", "connaissance", "idea", "idee", "sais", "pense", "terrible",
            "top", "genial", "fameux", "grave", "serious", "great", "normal", "normale", "evident", "facile", "easy");

    /**
     * Findings a source negates that the vocabulary does not name (« no egophony », « no siblings »): one fact per
     * negation scope, kept when the output names any of the scope's content words.
     */
    private static void negatedFindings(int sourceIndex, String text, List<Token> tokens, Polarity[] polarity,
                                        List<ClinicalVocabulary.Hit> hits, List<DrugMention> mentions, Passages passages,
                                        Map<String, Fact> facts) {
        boolean[] covered = new boolean[tokens.size()];
        for (ClinicalVocabulary.Hit h : hits) {
            for (int k = h.firstToken(); k < h.endToken(); k++) {
                covered[k] = true;
            }
        }
        for (DrugMention m : mentions) {
            for (int k = tokenAt(tokens, m.start()); k < tokens.size() && tokens.get(k).start() < m.end(); k++) {
                covered[k] = true;
            }
        }
        int i = 0;
        while (i < tokens.size()) {
            if (polarity[i] != Polarity.NEGATED) {
                i++;
                continue;
            }
            if (!afterTrigger(tokens, i) && !answeredNo(tokens, polarity, i)) {
                while (i < tokens.size() && polarity[i] == Polarity.NEGATED) {
                    i++;
                }
                continue;
            }
            int j = i;
            boolean coveredInScope = false;
            List<String> words = new ArrayList<>();
            int first = -1;
            int last = -1;
            while (j < tokens.size() && polarity[j] == Polarity.NEGATED) {
                Token t = tokens.get(j);
                coveredInScope |= covered[j];
                if (!covered[j] && t.isWord() && t.text().length() >= 4 && !EMPTY_WORDS.contains(t.text())
                        && !fr.avec.text.NumberWords.isNumberWord(t.text()) && !STOP.contains(t.text())) {
                    words.add(ClinicalVocabulary.stripEndings(t.text()));
                    if (first < 0) {
                        first = j;
                    }
                    last = j;
                }
                j++;
            }
            // A scope the vocabulary already reads (« no fever, chills ») gives its facts there; the rest is kept here.
            if (!words.isEmpty() && !coveredInScope) {
                int start = tokens.get(first).start();
                int end = tokens.get(last).end();
                String key = "N|" + String.join(" ", words);
                add(facts, key, new Fact(FactCategory.SYMPTOM, "negated:" + words.get(0), "« " + text.substring(start, end) + " »",
                        Polarity.NEGATED, sourceIndex, start, end, passages.start(start, end), passages.end(start, end), null,
                        List.of(), String.join(" ", words)));
            }
            i = j;
        }
    }

    /** Negations that introduce a finding (« no », « denies », « pas de », « sans »), not answers or verb negations. */
    private static final Set<String> FINDING_TRIGGERS = Set.of("no", "denies", "denied", "deny", "denying", "without",
            "negative", "nor", "pas", "sans", "aucun", "aucune", "absence", "ni", "negatif");

    /** Whether a negated scope starting at token {@code i} follows a finding trigger (a few function words apart). */
    private static boolean afterTrigger(List<Token> tokens, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
            Token t = tokens.get(k);
            if (!t.isWord()) {
                return false;
            }
            if (FINDING_TRIGGERS.contains(t.text())) {
                // « pas » opens a finding only as « pas de »: « pas terrible », « je sais pas » negate a verb or a judgement.
                if (t.is("pas") && !(k + 1 < tokens.size() && (tokens.get(k + 1).is("de") || tokens.get(k + 1).is("d")
                        || tokens.get(k + 1).is("du") || tokens.get(k + 1).is("des")))) {
                    return false;
                }
                // « No, ... » and « non merci » are answers, not findings.
                return !(k + 1 < tokens.size() && !tokens.get(k + 1).isWord());
            }
        }
        return false;
    }

    /** Whether the negated scope starting at {@code i} is a question answered no (« any siblings? — No »). */
    private static boolean answeredNo(List<Token> tokens, Polarity[] polarity, int i) {
        int j = i;
        while (j < tokens.size() && polarity[j] == Polarity.NEGATED) {
            j++;
        }
        return j < tokens.size() && tokens.get(j).is("?") || j > 0 && tokens.get(j - 1).is("?");
    }

    /** Stop words of both languages (Lucene's lists), never a negated finding on their own. */
    private static final org.apache.lucene.analysis.CharArraySet STOP = stopWords();

    private static org.apache.lucene.analysis.CharArraySet stopWords() {
        org.apache.lucene.analysis.CharArraySet set = new org.apache.lucene.analysis.CharArraySet(
                org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        for (Object w : org.apache.lucene.analysis.fr.FrenchAnalyzer.getDefaultStopSet()) {
            set.add(FoldedText.fold(new String((char[]) w)));
        }
        return org.apache.lucene.analysis.CharArraySet.unmodifiableSet(set);
    }

    /** For each token index, the index of the quantity starting at it, or -1. */
    private static int[] quantityIndexByToken(List<Token> tokens, List<Quantity> quantities) {
        int[] at = new int[tokens.size()];
        java.util.Arrays.fill(at, -1);
        for (int q = 0; q < quantities.size(); q++) {
            int k = tokenAt(tokens, quantities.get(q).start());
            if (k >= 0 && k < at.length && tokens.get(k).start() == quantities.get(q).start() && at[k] < 0) {
                at[k] = q;
            }
        }
        return at;
    }

    private static int firstQuantity(int[] quantityAt, int from, int to, boolean[] used, List<Quantity> quantities, boolean dose) {
        for (int k = from; k < to; k++) {
            int q = quantityAt[k];
            if (q >= 0 && !used[q]) {
                Quantity v = quantities.get(q);
                if (!dose || v.hasUnit() && v.unit().isDose()) {
                    return q;
                }
                return -1;
            }
        }
        return -1;
    }

    /** The index of the token containing (or the last token starting before) {@code offset}. */
    static int tokenAt(List<Token> tokens, int offset) {
        int low = 0;
        int high = tokens.size() - 1;
        int found = 0;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (tokens.get(mid).start() <= offset) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    /** The passage to show for a fact: its sentence, cut around the fact when long, with the answer to a question. */
    private static final class Passages {
        private final String text;
        private List<Sentences.Span> sentences;

        Passages(String text) {
            this.text = text;
        }

        /** The index of the sentence holding {@code offset}; the text is split once, when a fact first needs it. */
        private int sentence(int offset) {
            if (sentences == null) {
                sentences = Sentences.split(text);
            }
            int low = 0;
            int high = sentences.size() - 1;
            int found = -1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (sentences.get(mid).start() <= offset) {
                    found = mid;
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return found;
        }

        int start(int factStart, int factEnd) {
            int s = sentence(factStart);
            int start = s < 0 ? factStart : sentences.get(s).start();
            if (factStart - start > MAX_PASSAGE / 2) {
                start = wordStart(factStart - MAX_PASSAGE / 2);
            }
            return Math.min(start, factStart);
        }

        int end(int factStart, int factEnd) {
            int s = sentence(Math.max(0, factEnd - 1));
            if (s < 0) {
                return factEnd;
            }
            int end = sentences.get(s).end();
            // A question's answer is part of the fact: « Any allergies? — Yes, penicillin. »
            if (text.charAt(end - 1) == '?' && s + 1 < sentences.size()
                    && sentences.get(s + 1).end() - sentences.get(s + 1).start() <= MAX_PASSAGE / 2) {
                end = sentences.get(s + 1).end();
            }
            if (end - factEnd > MAX_PASSAGE / 2) {
                end = wordEnd(factEnd + MAX_PASSAGE / 2);
            }
            return Math.max(end, factEnd);
        }

        private int wordStart(int offset) {
            int k = offset;
            while (k > 0 && !Character.isWhitespace(text.charAt(k - 1))) {
                k--;
            }
            return k;
        }

        private int wordEnd(int offset) {
            int k = Math.min(offset, text.length());
            while (k < text.length() && !Character.isWhitespace(text.charAt(k))) {
                k++;
            }
            return k;
        }
    }
}
