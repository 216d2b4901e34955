package fr.avec.protect;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * People's names: after titles (M., Mme, Dr, Pr), in name fields of headers (« Nom : », « Patient : »,
 * « Copie à : »), after « adressé par », « fils de », « née »; as « NOM Prénom » or « Prénom Nom » pairs
 * backed by the first-name lexicon; then propagated to every other mention in the document.
 * A family-name lexicon hit alone is never enough: too many names are also French or medical words.
 */
final class NameRecognizer {

    static final int PRIORITY = 50;
    static final int PROPAGATED = 45;
    /** A first name rarer than this (births since 1900) does not back a pair on its own. */
    private static final long FREQUENT_FIRST_NAME = 300;
    /** Dictionary frequency class from which a word is too common to be a name without strong context. */
    private static final int COMMON = 4;

    static final Set<String> TITLES_ABBREVIATED = Set.of("m", "mr", "mme", "mmes", "mlle", "melle", "dr", "drs", "pr",
            "prs", "me", "mm");
    static final Set<String> TITLES_FULL = Set.of("monsieur", "madame", "mademoiselle", "docteur", "professeur",
            "maitre", "messieurs", "mesdames", "docteurs", "professeurs");

    /** Header fields whose value is a name, with the label of a single bare value. */
    private static final Map<String, Label> FIELDS = new HashMap<>();
    /** Every field name, for {@link WordClasses}. */
    static final Set<String> FIELD_NAMES;
    /** Phrases after which a name follows in running text. */
    private static final Set<String> INTRODUCERS = Set.of("adresse par", "adressee par", "adresses par", "vu par", "vue par",
            "suivi par", "suivie par", "examine par", "examinee par", "accompagne de", "accompagnee de", "accompagne par",
            "accompagnee par", "fils de", "fille de", "enfant de", "epouse", "epoux", "nee", "veuve", "conjoint", "compagnon",
            "compagne", "mari", "femme de", "redige par", "dicte par", "valide par", "signe par", "opere par", "operee par",
            "remplace", "remplacant", "remplacante", "interne", "externe", "infirmiere", "infirmier", "cher confrere",
            "chere consoeur", "cher ami", "chere amie", "chers confreres", "confrere", "consoeur", "collegue", "prise en charge par",
            "en presence de", "avec son fils", "avec sa fille", "sa fille", "son fils", "sa mere", "son pere", "son epouse",
            "son mari", "sa femme", "sa soeur", "son frere", "petit-fils", "petite-fille", "prenomme",
            "prenommee");

    static {
        for (String f : new String[] {"nom", "nom de naissance", "nom d'usage", "nom de jeune fille", "nom marital", "nom usuel",
                "nom de famille", "nom du patient", "nom de la patiente", "nom patient", "nom naissance", "nom utilise"}) {
            FIELDS.put(f, Label.NOM);
        }
        for (String f : new String[] {"prenom", "prenoms", "prenom usuel", "prenom du patient", "premier prenom",
                "prenom utilise", "prenom de naissance"}) {
            FIELDS.put(f, Label.PRENOM);
        }
        for (String f : new String[] {"patient", "patiente", "identite", "medecin traitant", "medecin", "medecin referent",
                "medecin adresseur", "praticien", "signataire", "redige par", "dicte par", "valide par", "signe par", "saisi par",
                "operateur", "anesthesiste", "chirurgien", "aide operatoire", "aide", "interne", "externe", "infirmier",
                "infirmiere", "ide", "referent", "destinataire", "destinataires", "copie a", "copies a", "copie", "cc", "cci",
                "personne de confiance", "personne a prevenir", "contact", "pere", "mere", "conjoint", "epoux", "epouse",
                "tuteur", "tutrice", "curateur", "prescripteur", "demandeur", "radiologue", "examinateur", "auteur",
                "intervenant", "correspondant", "correspondants", "nom prenom", "nom et prenom", "nom, prenom", "nom - prenom",
                "expediteur", "de", "a", "pour", "responsable", "cadre", "kinesitherapeute", "psychologue", "sage-femme",
                "assistante sociale", "senior", "chef de clinique", "chef de service", "biologiste", "pharmacien",
                "cardiologue", "medecins", "medecin senior", "med. traitant", "dr", "docteur", "assure", "assuree",
                "beneficiaire", "identite du patient", "usager", "resident", "residente", "enfant", "mere de l'enfant"}) {
            FIELDS.putIfAbsent(f, null);
        }
        FIELD_NAMES = Set.copyOf(FIELDS.keySet());
    }

    private final Vocabulary vocabulary;
    private final FrenchWords words;

    NameRecognizer(Vocabulary vocabulary, FrenchWords words) {
        this.vocabulary = vocabulary;
        this.words = words;
    }

    void find(Tokens t, Candidates out) {
        Label[] labels = new Label[t.size];
        for (int i = 0; i < t.size; i++) {
            if (!t.isWord(i)) {
                continue;
            }
            if (t.is(i, WordClasses.TITLE)) {
                afterTitle(t, i, labels);
            }
        }
        fields(t, labels);
        tableCells(t, labels);
        introducers(t, labels);
        pairs(t, labels);
        emit(t, labels, out, PRIORITY);
        propagate(t, labels, out);
    }

    // ---- titles -------------------------------------------------------------------------------------------

    private void afterTitle(Tokens t, int i, Label[] labels) {
        String key = t.key(i);
        boolean abbreviated = TITLES_ABBREVIATED.contains(key);
        boolean lowerDoctor = !t.capitalized(i) && (key.equals("dr") || key.equals("pr"));
        if (abbreviated && !lowerDoctor) {
            // « M » and « Me » are titles only written with a capital: « m » is a metre, « me » a pronoun.
            if (!t.capitalized(i)) {
                return;
            }
            if ((key.equals("me") || key.equals("m") || key.equals("mm")) && !t.isPunct(i + 1, '.') && !t.isWord(i + 1)) {
                return;
            }
            // « M. Dupont » but not « M . DOMESTICA » (a genus abbreviated in a tokenized title).
            if (t.isPunct(i + 1, '.') && t.start[i + 1] != t.end[i]) {
                return;
            }
            if (key.equals("me") && !t.upper(i) && !t.isPunct(i + 1, '.') && t.isWord(i + 1) && !t.capitalized(i + 1)) {
                return;
            }
        }
        if (abbreviated && unitOrAcronym(t, i)) {
            return;
        }
        int j = i + 1;
        if (t.isPunct(j, '.')) {
            j++;
        }
        // « Monsieur le Professeur Dupont », « Madame la Ministre »: skip the article and a second title.
        if (t.isWord(j) && (t.key(j).equals("le") || t.key(j).equals("la")) && t.isWord(j + 1)
                && (t.is(j + 1, WordClasses.TITLE_FULL) || t.is(j + 1, WordClasses.TITLE_ABBREVIATED))) {
            j += 2;
            if (t.isPunct(j, '.')) {
                j++;
            }
        }
        // A title ends its line only in signatures: « Dr\nMartin », never « Sexe : M\nIPP ».
        if (j < t.size && t.lineBreakBefore(j) && !(key.equals("dr") || key.equals("pr") || key.equals("docteur")
                || key.equals("professeur"))) {
            return;
        }
        if (key.equals("m") && !t.isPunct(i + 1, '.') && !(t.isWord(j) && t.capitalized(j))) {
            return;
        }
        boolean lenient = (TITLES_FULL.contains(key) || lowerDoctor) && !t.capitalized(i); // « madame dupont », « vu par dr durand »
        nameSequence(t, j, labels, null, lenient, true);
    }

    /**
     * « 1,5 M UI », « 3 M.U.I. », « 10 mm »: an abbreviated title right after a number is a unit prefix, and one
     * glued to more dotted letters is an acronym; a real title is followed by a space.
     */
    private static boolean unitOrAcronym(Tokens t, int i) {
        if (t.isNumber(i - 1) && !t.lineBreakBefore(i) || t.isPunct(i - 1, ',') && t.isNumber(i - 2) && !t.lineBreakBefore(i)) {
            return true;
        }
        int dot = i + 1;
        return t.isPunct(dot, '.') && t.start[dot] == t.end[i] && t.isWord(dot + 1) && t.start[dot + 1] == t.end[dot]
                && t.length(dot + 1) == 1 && t.isPunct(dot + 2, '.') && t.start[dot + 2] == t.end[dot + 1];
    }

    /**
     * Reads a name starting at token {@code j}: initials, first names, family names and particles, stopping at
     * the first token that cannot belong to a name. Marks labels and returns the index after the name, or
     * {@code j} when nothing was read.
     */
    private int nameSequence(Tokens t, int j, Label[] labels, Label forced, boolean lenient, boolean strongContext) {
        int first = j;
        int k = j;
        int count = 0;
        while (k < t.size && count < 5) {
            if (k > first && t.lineBreakBefore(k)) {
                // « Patient : Jean\nDUPONT »: a family name alone on the next line continues a name field.
                boolean wrapped = strongContext && count > 0 && t.isWord(k) && t.upper(k)
                        && (k + 1 >= t.size || t.lineBreakBefore(k + 1)) && !t.is(k, WordClasses.ROLE);
                if (!wrapped) {
                    break;
                }
            }
            if (t.isWord(k)) {
                String key = t.key(k);
                boolean cap = t.capitalized(k);
                if (t.glued(k) || t.is(k, WordClasses.UNIT)) {
                    break; // « PaCO2 », « SpO2 », « UI »: lab codes and units
                }
                if (t.is(k, WordClasses.PARTICLE) && count > 0 && t.isWord(k + 1) && t.capitalized(k + 1)
                        && !t.lineBreakBefore(k + 1) && !t.is(k + 1, WordClasses.ROLE)) {
                    k++;
                    continue;
                }
                if (t.is(k, WordClasses.PARTICLE) && count == 0 && cap && t.isWord(k + 1) && t.capitalized(k + 1)
                        && !t.lineBreakBefore(k + 1) && !key.startsWith("s")) {
                    k++; // « Mme De La Fontaine »
                    continue;
                }
                if (lenient && count == 0 && t.is(k, WordClasses.PARTICLE) && t.isWord(k + 1)
                        && vocabulary.isFamilyName(key + " " + t.key(k + 1))) {
                    count++;
                    k += 2; // « monsieur le goff »
                    continue;
                }
                if (lenient && count == 0 && t.is(k, WordClasses.PARTICLE) && t.isWord(k + 1) && t.isWord(k + 2)
                        && t.is(k + 1, WordClasses.PARTICLE) && !t.lineBreakBefore(k + 2)
                        && (vocabulary.isFamilyName(key + " " + t.key(k + 1) + " " + t.key(k + 2))
                            || t.is(k + 2, WordClasses.FAMILY_NAME) && t.length(k + 2) > 2)) {
                    count++;
                    k += 3; // « monsieur de la fontaine »
                    continue;
                }
                if (t.is(k, WordClasses.ROLE) || t.is(k, WordClasses.TITLE_FULL)
                        || t.is(k, WordClasses.NOT_PERSON) && !(strongContext && count == 0 && cap)) {
                    break;
                }
                if (count > 0 && FIELDS.containsKey(key) && (t.isPunct(k + 1, ':') || t.isWord(k + 1) && t.isPunct(k + 2, ':'))) {
                    break; // « NOM : DUPONT PRENOM : MARIE »: the next field's label
                }
                if (cap) {
                    if (t.length(k) == 1 && t.isPunct(k + 1, '.')) {
                        if (!strongContext || t.start[k + 1] != t.end[k]) {
                            break;
                        }
                        count++;
                        k += 2; // initial « J. »
                        continue;
                    }
                    if (count > 0 && t.commonness(k, words) >= COMMON
                            && !t.is(k, WordClasses.FAMILY_NAME) && !t.is(k, WordClasses.FIRST_NAME)) {
                        break;
                    }
                    count++;
                    k++;
                    continue;
                }
                if (lenient && count == 0 && lowerCaseName(t, k)) {
                    count++;
                    k++;
                    continue;
                }
                if (lenient && count > 0 && (t.is(k, WordClasses.FAMILY_NAME) || t.is(k, WordClasses.FIRST_NAME)) && t.length(k) > 2
                        && !t.ordinary(k, words)) {
                    count++;
                    k++;
                    continue; // « monsieur san juan », « docteur mendes moreira »
                }
                break;
            } else if (t.isPunct(k, '-') && count > 0 && t.isWord(k + 1) && t.capitalized(k + 1)
                    && t.start[k] == t.end[k - 1] && t.end[k] == t.start[k + 1]) {
                k++; // a hyphen the tokenizer left alone
            } else {
                break;
            }
        }
        if (count == 0) {
            return j;
        }
        assign(t, first, k, labels, forced);
        return k;
    }

    /**
     * A lower-case word right after a lower-case title in a transcript (« bonjour madame rose », « le docteur fort
     * vous a vue »): a name when the lexicons know it and it cannot be a pronoun, article, conjunction, preposition
     * or auxiliary (« madame vous », « madame est »); very frequent ordinary words (« madame dit ») need to be
     * frequent first names. Fails closed: a name-like word after a title is taken.
     */
    private boolean lowerCaseName(Tokens t, int k) {
        String key = t.key(k);
        if (t.length(k) <= 2 || t.glued(k) || t.is(k, WordClasses.ROLE) || t.is(k, WordClasses.TITLE_FULL)
                || NumberWords.isNumberWord(key)) {
            return false;
        }
        boolean first = vocabulary.births(key) >= 5000;
        if (!first && !t.is(k, WordClasses.FAMILY_NAME) && !t.is(k, WordClasses.FIRST_NAME)) {
            return false;
        }
        String surface = t.surface(k);
        if (!t.ordinary(k, words)) {
            return true;
        }
        return !words.closedClass(surface) && (first || t.commonness(k, words) < 14 && words.hasNominalReading(surface));
    }

    /** Labels tokens [from, to) as first names or family names. */
    private void assign(Tokens t, int from, int to, Label[] labels, Label forced) {
        if (forced != null) {
            for (int k = from; k < to; k++) {
                if (t.isWord(k)) {
                    labels[k] = forced;
                }
            }
            return;
        }
        // Name words only (particles count as part of the family name that follows).
        int lastName = -1;
        boolean anyUpper = false;
        for (int k = from; k < to; k++) {
            if (t.isWord(k) && t.capitalized(k) || t.isWord(k) && !t.is(k, WordClasses.PARTICLE)) {
                lastName = k;
                if (t.upper(k)) {
                    anyUpper = true;
                }
            }
        }
        for (int k = from; k < to; k++) {
            if (!t.isWord(k)) {
                continue;
            }
            String key = t.key(k);
            boolean particle = t.is(k, WordClasses.PARTICLE) && !(t.capitalized(k) && k == lastName);
            if (particle) {
                labels[k] = Label.NOM;
                continue;
            }
            boolean initial = t.length(k) == 1;
            boolean firstName = t.is(k, WordClasses.FIRST_NAME) || initial;
            Label label;
            if (anyUpper) {
                // « Jean DUPONT », « DUPONT Jean »: capitals mark the family name.
                label = t.upper(k) ? Label.NOM : (firstName ? Label.PRENOM : Label.NOM);
            } else if (k == lastName) {
                label = Label.NOM;
                // « Mme Dupont Marie »: a first name after a family name.
                if (k > from && firstName && labels[k - 1] == Label.NOM && !t.is(k - 1, WordClasses.FIRST_NAME)) {
                    label = Label.PRENOM;
                }
            } else {
                label = firstName ? Label.PRENOM : Label.NOM;
            }
            labels[k] = label;
        }
    }

    // ---- header fields ------------------------------------------------------------------------------------

    private void fields(Tokens t, Label[] labels) {
        boolean dialogue = dialogue(t);
        for (int i = 0; i < t.size; i++) {
            if (!t.isWord(i)) {
                continue;
            }
            boolean fieldStart = t.has(i, Tokens.LINE_START) || t.isPunct(i - 1, '|') || t.isPunct(i - 1, ',')
                    || t.isPunct(i - 1, ';') || t.isPunct(i - 1, '-') || t.isPunct(i - 1, '•') || t.isPunct(i - 1, '*')
                    || i > 0 && t.text.charAt(t.start[i] - 1) == '\t'
                    || t.capitalized(i) && !(t.isWord(i - 1) && !t.capitalized(i - 1)); // « Nom : Dupont Prénom : Marie »
            if (!fieldStart || !t.is(i, WordClasses.FIELD_START)) {
                continue;
            }
            // Longest field name of up to four words followed by « : » (or a tab).
            StringBuilder name = new StringBuilder();
            int matchedEnd = -1;
            Label matchedLabel = null;
            for (int k = i; k < Math.min(t.size, i + 5); k++) {
                if (k > i && t.lineBreakBefore(k)) {
                    break;
                }
                if (t.isWord(k)) {
                    if (name.length() > 0 && !(t.key(k - 1).endsWith("'") || t.text.charAt(t.start[k] - 1) == '\'')) {
                        name.append(' ');
                    }
                    name.append(t.key(k));
                    if (t.text.charAt(t.end[k] - 1) == '\'' || t.text.charAt(t.end[k] - 1) == '’') {
                        name.append('\'');
                    }
                } else if (t.isPunct(k, '(') && t.isWord(k + 1) && (t.key(k + 1).equals("e") || t.key(k + 1).equals("es")
                        || t.key(k + 1).equals("s")) && t.isPunct(k + 2, ')')) {
                    k += 2; // « Patient(e) : », « Né(e) le »
                    int colon = k + 1;
                    if ((t.isPunct(colon, ':') || t.isPunct(colon, '|')) && FIELDS.containsKey(name.toString())) {
                        matchedEnd = colon + 1;
                        matchedLabel = FIELDS.get(name.toString());
                    }
                    continue;
                } else if (t.isPunct(k, ',') || t.isPunct(k, '-') || t.isPunct(k, '/') || t.isPunct(k, '.')) {
                    name.append(t.text.charAt(t.start[k]) == '.' ? "." : t.text.charAt(t.start[k]) == '/' ? "" : ",");
                    if (t.isPunct(k, '/')) {
                        name.append(' ');
                    }
                    continue;
                } else {
                    break;
                }
                String n = name.toString().replace(" ,", ",");
                int colon = k + 1;
                boolean separated = t.isPunct(colon, ':') || t.isPunct(colon, '|')
                        || colon < t.size && t.start[colon] > t.end[k] && t.text.charAt(t.end[k]) == '\t';
                if (separated && FIELDS.containsKey(n)) {
                    matchedEnd = t.isPunct(colon, ':') || t.isPunct(colon, '|') ? colon + 1 : colon;
                    matchedLabel = FIELDS.get(n);
                }
            }
            if (matchedEnd < 0) {
                continue;
            }
            if (matchedEnd < t.size && t.isWord(matchedEnd) && cellEnd(t, matchedEnd)
                    && (FIELDS.containsKey(t.key(matchedEnd)) || Tables.headingLabel(t.key(matchedEnd)) != null)) {
                continue; // a heading row of a table (« Nom | Prénom | DDN »): the next cell is another heading
            }
                        if (matchedLabel == null && utterance(t, matchedEnd, dialogue)) {
                continue; // « Patient : Bonjour docteur, j'ai mal » is a speaker's turn in a transcript, not a header field
            }
            nameList(t, matchedEnd, labels, matchedLabel);
        }
    }

    /** Whether word {@code k} ends a table cell: a tab, a « | » or the end of the line follows it. */
    private static boolean cellEnd(Tokens t, int k) {
        int e = t.end[k];
        return e >= t.text.length() || t.text.charAt(e) == '\t' || t.text.charAt(e) == '\n' || t.isPunct(k + 1, '|')
                || t.text.charAt(e) == '\r';
    }

    /** Table rows under « Nom | Prénom | ... »: each cell of a person column is read as a name field's value. */
    private void tableCells(Tokens t, Label[] labels) {
        for (Tables.Cell cell : Tables.cells(t.text, FIELD_NAMES)) {
            if (!FIELDS.containsKey(cell.heading())) {
                continue;
            }
            int k = t.indexAt(cell.start());
            if (k < t.size && t.start[k] < cell.end() && labels[k] == null) {
                int next = nameSequence(t, k, labels, FIELDS.get(cell.heading()), true, true);
                for (int x = k; x < next; x++) {
                    if (t.start[x] >= cell.end()) {
                        labels[x] = null; // a name stops at its cell's border (« LEBRUN⇥Paul »)
                    }
                }
            }
        }
    }

    /**
     * Whether the value of a person field is a spoken sentence: it opens with an ordinary French word that is not a
     * known first name, in mixed case, and runs on (four words or more, or ends with . ? !). « Patient : Petit Jean »
     * stays a name; « Patient : Oui. » and « Médecin : Vous prenez le Doliprane ? » are turns of a dialogue.
     */
    private boolean utterance(Tokens t, int j, boolean dialogue) {
        if (j >= t.size || t.lineBreakBefore(j) || !t.isWord(j) || t.upper(j)) {
            return false;
        }
        String key = t.key(j);
        if (dialogue) {
            // In a dialogue every turn is speech, in any language, unless it opens with a title or a frequent first name.
            return !t.is(j, WordClasses.TITLE) && vocabulary.births(key) < FREQUENT_FIRST_NAME;
        }
        String surface = t.surface(j);
        char last = t.text.charAt(t.end[j] - 1);
        boolean elided = last == '\'' || last == '’'; // « D'accord », « J'ai »
        if (!elided && (t.commonness(j, words) < COMMON || vocabulary.births(key) >= FREQUENT_FIRST_NAME)) {
            return false;
        }
        int wordsOnLine = 0;
        for (int k = j; k < t.size && (k == j || !t.lineBreakBefore(k)); k++) {
            if (t.isWord(k)) {
                wordsOnLine++;
            } else if (t.isPunct(k, '.') || t.isPunct(k, '?') || t.isPunct(k, '!')) {
                return true;
            }
        }
        return wordsOnLine >= 4;
    }

    /**
     * Whether the text is a dialogue: at least three lines open with a speaker's person field and a colon
     * (« Médecin : », « Patient : »), one of them at least twice. A header names its patient once.
     */
    private static boolean dialogue(Tokens t) {
        Map<String, Integer> speakers = new HashMap<>();
        int turns = 0;
        boolean repeated = false;
        for (int i = 0; i < t.size; i++) {
            if (t.isWord(i) && t.has(i, Tokens.LINE_START) && t.isPunct(i + 1, ':') && FIELDS.containsKey(t.key(i))
                    && FIELDS.get(t.key(i)) == null) {
                turns++;
                repeated |= speakers.merge(t.key(i), 1, Integer::sum) >= 2;
            }
        }
        return turns >= 3 && repeated;
    }

    /** A comma- or « et »-separated list of names, each with an optional title, until the end of the line. */
    private void nameList(Tokens t, int j, Label[] labels, Label forced) {
        int k = j;
        int guard = 0;
        while (k < t.size && guard++ < 12) {
            if (k > j && t.lineBreakBefore(k)) {
                return;
            }
            if (t.isWord(k) && (t.is(k, WordClasses.TITLE_ABBREVIATED) || t.is(k, WordClasses.TITLE_FULL))) {
                k++;
                if (t.isPunct(k, '.')) {
                    k++;
                }
                continue;
            }
            if (t.isWord(k) && (t.key(k).equals("le") || t.key(k).equals("la")) && t.isWord(k + 1)
                    && (t.is(k + 1, WordClasses.TITLE_FULL) || t.is(k + 1, WordClasses.TITLE_ABBREVIATED))) {
                k++;
                continue;
            }
            int next = nameSequence(t, k, labels, forced, true, true);
            if (next == k) {
                return;
            }
            k = next;
            if (t.isPunct(k, ',') || t.isPunct(k, ';') || t.isPunct(k, '/') || t.isWord(k) && t.key(k).equals("et")) {
                k++;
                continue;
            }
            if (t.isPunct(k, '(')) {
                return;
            }
            return;
        }
    }

    // ---- running text -------------------------------------------------------------------------------------

    static final Set<String> INTRODUCER_STARTS = INTRODUCERS.stream().map(s -> s.split(" ")[0])
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private void introducers(Tokens t, Label[] labels) {
        for (int i = 0; i < t.size; i++) {
            if (!t.is(i, WordClasses.INTRODUCER_START)) {
                continue;
            }
            String one = t.key(i);
            int after = -1;
            if (i + 1 < t.size && t.isWord(i + 1)) {
                String two = one + " " + t.key(i + 1);
                if (INTRODUCERS.contains(two)) {
                    after = i + 2;
                } else if (i + 2 < t.size && t.isWord(i + 2) && INTRODUCERS.contains(two + " " + t.key(i + 2))) {
                    after = i + 3;
                }
            }
            if (after < 0 && INTRODUCERS.contains(one)) {
                after = i + 1;
            }
            if (after < 0 || after >= t.size) {
                continue;
            }
            if (t.isPunct(after, ':') || t.isPunct(after, ',')) {
                after++;
            }
            if (after >= t.size || !t.isWord(after) || !t.capitalized(after) || t.lineBreakBefore(after)) {
                continue;
            }
            String key = t.key(after);
            if (t.is(after, WordClasses.TITLE_ABBREVIATED) || t.is(after, WordClasses.TITLE_FULL) || t.is(after, WordClasses.ROLE)) {
                continue; // the title rule reads it
            }
            // Weaker than a title: the first word must not be an ordinary word (« née Martin » yes, « née Prématurée » no).
            String surface = t.surface(after);
            boolean nameLike = t.is(after, WordClasses.FAMILY_NAME) || t.is(after, WordClasses.FIRST_NAME) || t.upper(after)
                    || !t.ordinary(after, words);
            if (t.upper(after) && t.length(after) <= 4 && !t.is(after, WordClasses.FAMILY_NAME)) {
                continue; // an acronym (« une LEMP »)
            }
            if (!nameLike || t.commonness(after, words) >= 12 && !t.upper(after) || t.is(after, WordClasses.EPONYM)) {
                continue;
            }
            nameSequence(t, after, labels, null, false, false);
        }
    }

    /** « Prénom NOM », « NOM Prénom », « Prénom Nom »: a frequent first name next to a family name. */
    private void pairs(Tokens t, Label[] labels) {
        for (int i = 0; i < t.size; i++) {
            if (!t.isWord(i) || labels[i] != null || !t.capitalized(i) || t.glued(i)) {
                continue;
            }
            if (companyNear(t, i) || saintOf(t, i)) {
                continue;
            }
            if (firstNameLike(t, i)) {
                int j = i + 1;
                // In capitals (« TEVA SANTE », « AMARA POUR »), case says nothing: an ordinary word as the family name
                // needs a frequent first name before it (« JEAN PETIT »), as the « NOM Prénom » rule below asks.
                boolean caps = t.upper(i) && j < t.size && t.upper(j);
                if (j < t.size && t.isWord(j) && t.capitalized(j) && !t.lineBreakBefore(j) && familyLike(t, j)
                        && !(caps && t.commonness(j, words) >= COMMON && vocabulary.births(t.key(i)) < 20_000)) {
                    nameSequence(t, i, labels, null, false, false);
                    continue;
                }
                // « Lise Le Roux », « Anne De La Fontaine », « Paulo Da Silva ».
                if (j + 1 < t.size && t.isWord(j) && t.is(j, WordClasses.PARTICLE) && t.capitalized(j)
                        && t.isWord(j + 1) && t.capitalized(j + 1) && !t.lineBreakBefore(j) && !t.lineBreakBefore(j + 1)
                        && (vocabulary.isFamilyName(t.key(j) + " " + t.key(j + 1)) || familyLike(t, j + 1))) {
                    nameSequence(t, i, labels, null, false, true);
                    continue;
                }
                bareFirstName(t, i, labels);
                // Initial: « Marie D. » is a name too, but rare; left to propagation.
            }
            if (t.upper(i) && familyLike(t, i) && i + 1 < t.size && t.isWord(i + 1) && !t.lineBreakBefore(i + 1)
                    && t.capitalized(i + 1) && firstNameLike(t, i + 1)
                    && (!t.upper(i + 1) || t.is(i, WordClasses.FAMILY_NAME)
                        && (!t.ordinary(i + 1, words) || vocabulary.births(t.key(i + 1)) >= 20_000))) {
                int end = i + 2;
                while (end < t.size && end < i + 4 && t.isWord(end) && t.capitalized(end) && !t.upper(end)
                        && !t.lineBreakBefore(end) && firstNameLike(t, end)) {
                    end++;
                }
                labels[i] = Label.NOM;
                for (int k = i + 1; k < end; k++) {
                    labels[k] = Label.PRENOM;
                }
                i = end - 1;
            }
        }
    }

    /** « Saint Pierre », « Sainte Anne »: a place, a church or a hospital named after a saint, not a person. */
    private static boolean saintOf(Tokens t, int i) {
        String key = t.key(i);
        return key.equals("saint") || key.equals("sainte") || key.equals("st") || key.equals("ste");
    }

    /** « Eli Lilly and Company », « Gedeon Richter Plc »: a company, not a person. */
    static boolean companyNear(Tokens t, int i) {
        for (int k = Math.max(0, i - 1); k < Math.min(t.size, i + 5); k++) {
            if (k > i && t.lineBreakBefore(k)) {
                break;
            }
            if (t.is(k, WordClasses.NOT_PERSON)) {
                return true;
            }
        }
        return false;
    }

    /** Kin and carers whose first name often follows alone (« sa fille Camille », « avec Lucas »). */
    private static final Set<String> PERSON_NOUNS = Set.of("fille", "fils", "femme", "mari", "epouse", "epoux", "mere", "pere",
            "soeur", "frere", "ami", "amie", "compagne", "compagnon", "petite-fille", "petit-fils", "niece", "neveu", "tante",
            "oncle", "voisin", "voisine", "cousin", "cousine", "belle-fille", "beau-fils", "gendre", "bru", "conjoint",
            "conjointe", "prenomme", "prenommee", "appele", "appelee", "avec", "et", "enfant", "bebe", "aidant", "aidante");

    /** A first name alone in running text: « ma fille Mayssa trouve que... ». */
    private void bareFirstName(Tokens t, int i, Label[] labels) {
        if (t.upper(i) || t.has(i, Tokens.SENTENCE_START) || !t.isWord(i - 1) || t.capitalized(i - 1)
                || t.isWord(i + 1) && t.capitalized(i + 1) && !t.lineBreakBefore(i + 1)) {
            return;
        }
        String key = t.key(i);
        String previous = t.key(i - 1);
        long births = vocabulary.births(key);
        boolean kin = PERSON_NOUNS.contains(previous) && !previous.equals("et") && !previous.equals("avec");
        if (births < 500 || t.is(i, WordClasses.COMMUNE) && !kin || t.is(i, WordClasses.NOT_PERSON)
                || t.is(i, WordClasses.EPONYM) || eponymContext(t, i)) {
            return;
        }
        boolean ordinary = t.ordinary(i, words);
        if (!ordinary || PERSON_NOUNS.contains(previous) && births >= 5000) {
            labels[i] = Label.PRENOM;
        }
    }

    private boolean firstNameLike(Tokens t, int i) {
        if (t.glued(i)) {
            return false;
        }
        String key = t.key(i);
        if (!t.is(i, WordClasses.FIRST_NAME) || vocabulary.births(key) < FREQUENT_FIRST_NAME || t.length(i) < 2) {
            return false;
        }
        if (t.is(i, WordClasses.ROLE) || eponymContext(t, i)) {
            return false;
        }
        int common = t.commonness(i, words);
        // « Pierre », « Rose », « Claire » open sentences as ordinary words.
        return common < 0 || !t.has(i, Tokens.SENTENCE_START) && common < 14;
    }

    private boolean familyLike(Tokens t, int i) {
        String key = t.key(i);
        if (t.length(i) < 2 || t.glued(i) || t.is(i, WordClasses.ROLE) || eponymContext(t, i)
                || t.is(i, WordClasses.NOT_PERSON)) {
            return false;
        }
        if (t.is(i, WordClasses.FAMILY_NAME)) {
            return true;
        }
        // A capitalised word that is no French word is a name candidate next to a first name (« Marie Kowalczyk »).
        return !t.ordinary(i, words) && !NumberWords.isNumberWord(key);
    }

    /** « maladie de Crohn », « signe de Babinski », « l'échelle de Glasgow ». */
    static boolean eponymContext(Tokens t, int i) {
        int p = i - 1;
        if (t.isWord(p) && (t.key(p).equals("de") || t.key(p).equals("d") || t.key(p).equals("du"))) {
            p--;
        } else if (t.isPunct(p, '-') || t.isPunct(p, '/')) {
            p--; // « Guillain-Barré », « Charcot-Marie-Tooth »
            return t.isWord(p) && t.is(p, WordClasses.EPONYM);
        } else {
            return false;
        }
        return t.isWord(p) && t.is(p, WordClasses.EPONYM_HEAD);
    }

    // ---- output -------------------------------------------------------------------------------------------

    private static void emit(Tokens t, Label[] labels, Candidates out, int priority) {
        int i = 0;
        while (i < t.size) {
            Label l = labels[i];
            if (l == null) {
                i++;
                continue;
            }
            int j = i + 1;
            // Adjacent tokens of the same label form one span (« Jean Pierre », « de La Fontaine »), within a line.
            while (j < t.size && (labels[j] == l && !t.lineBreakBefore(j)
                    || t.isPunct(j, '.') && t.length(j - 1) == 1 && labels[j - 1] == l && j + 1 < t.size && labels[j + 1] == l)) {
                j++;
            }
            int end = t.end[j - 1];
            if (t.isPunct(j, '.') && t.length(j - 1) == 1) {
                end = t.end[j]; // initial « J. »
            }
            out.add(l, t.start[i], end, priority);
            i = j;
        }
    }

    /** Every other mention of a found name, in any case and with or without accents. */
    private void propagate(Tokens t, Label[] labels, Candidates out) {
        Map<String, Label> names = new HashMap<>();
        for (int i = 0; i < t.size; i++) {
            if (labels[i] != null && t.isWord(i) && t.length(i) >= 2 && !t.is(i, WordClasses.PARTICLE)) {
                names.merge(t.key(i), labels[i], (a, b) -> a == Label.NOM || b == Label.NOM ? Label.NOM : a);
            }
        }
        if (names.isEmpty()) {
            return;
        }
        for (int i = 0; i < t.size; i++) {
            if (labels[i] != null || !t.isWord(i)) {
                continue;
            }
            Label l = names.get(t.key(i));
            if (l == null || t.glued(i) || eponymContext(t, i) || companyNear(t, i)) {
                continue;
            }
            if (!t.capitalized(i) && t.ordinary(i, words)) {
                continue; // « blanc » in lower case stays a colour even when Mme Blanc is the patient
            }
            if (t.has(i, Tokens.SENTENCE_START) && !t.upper(i) && t.commonness(i, words) >= COMMON) {
                continue; // « Petit épanchement » opens a sentence even when Dr Petit signed the letter
            }
            out.add(l, t.start[i], t.end[i], PROPAGATED);
        }
    }
}
