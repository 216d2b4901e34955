package fr.avec.protect;

import java.util.Set;

/**
 * Places: street addresses (number, street type, name), postal codes and communes (backed by the La Poste
 * and INSEE lexicons when present), hospitals and clinics (« CHU de Bordeaux », « Hôpital Saint-Louis »).
 */
final class PlaceRecognizer {

    static final int HOSPITAL_PRIORITY = 70;
    // Above dates: « 118 route du 8 Mai 1945 » is one address.
    static final int ADDRESS_PRIORITY = 82;
    static final int ZIP_PRIORITY = 60;
    static final int CITY_PRIORITY = 55;

    static final Set<String> STREET_TYPES = Set.of("rue", "avenue", "av", "boulevard", "bd", "bld", "blvd", "impasse",
            "allee", "allees", "quai", "place", "pl", "chemin", "route", "rte", "cours", "square", "passage", "residence",
            "lieu-dit", "lotissement", "lot", "hameau", "faubourg", "fbg", "voie", "sentier", "promenade", "esplanade",
            "cite", "parvis", "rond-point", "villa", "mail", "montee", "traverse", "chaussee", "clos", "domaine", "ruelle", "venelle");
    /** Street types that are also ordinary words: they need a number or a capitalised name right after. */
    private static final Set<String> AMBIGUOUS_STREET_TYPES = Set.of("place", "pl", "chemin", "route", "cours", "voie", "passage",
            "square", "cite", "mail", "villa", "domaine", "clos", "lot", "residence", "promenade", "montee", "traverse");
    private static final Set<String> NUMBER_SUFFIXES = Set.of("bis", "ter", "quater", "b", "c", "a");
    static final Set<String> HOSPITAL_HEADS = Set.of("hopital", "hopitaux", "chu", "chru", "chr", "ch", "chi", "chic",
            "chs", "chg", "chd", "chiv", "clinique", "polyclinique", "institut", "hospices", "gh", "ghu", "aphp", "ap-hp",
            "centre", "ehpad", "ssr", "maternite", "fondation", "groupe", "pole", "gcs", "hia", "cmc", "cancéropôle");
    private static final Set<String> CITY_VERBS = Set.of("ne", "nee", "nes", "habite", "habitant", "habitante", "domicilie",
            "domiciliee", "demeurant", "reside", "residant", "residante", "vit", "fait", "originaire", "transfere", "transferee",
            "hospitalise", "hospitalisee", "demenage", "demenagee", "installe", "installee", "vivant", "travaille", "retour",
            "arrive", "arrivee", "venu", "venue", "rentre", "rentree", "scolarise", "scolarisee", "vis", "vivez", "vivent",
            "vivait", "habitez", "habitent", "habitait", "habitais", "resides", "residez", "demeure", "demeurez", "nait", "naissance",
            "hospitalises", "opere", "operee", "suivi", "suivie", "adresse", "adressee", "urgences", "sejour", "sejourne",
            "vacances", "voyage", "retraite", "retraitee", "demenagement", "mute", "mutee");

    /** University hospitals commonly named alone (« adressé par Necker », « suivi à la Pitié-Salpêtrière »). */
    private static final Set<String> KNOWN_HOSPITALS = Set.of("hegp", "pitie-salpetriere", "necker", "bichat", "lariboisiere",
            "saint-antoine", "tenon", "cochin", "bicetre", "kremlin-bicetre", "avicenne", "beaujon", "henri-mondor", "robert-debre",
            "ambroise-pare", "raymond-poincare", "louis-mourier", "jean-verdier", "paul-brousse", "antoine-beclere", "hotel-dieu",
            "pellegrin", "purpan", "rangueil", "timone", "lapeyronie", "croix-rousse", "hautepierre", "saint-louis", "bretonneau",
            "pompidou", "salpetriere", "aphp", "ap-hp", "aphm", "ap-hm", "hcl");
    /** Words after which a capitalised hospital name stands for the hospital. */
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("a", "au", "vers", "l", "la", "par", "depuis");

    private final Vocabulary vocabulary;
    private final FrenchWords words;

    PlaceRecognizer(Vocabulary vocabulary, FrenchWords words) {
        this.vocabulary = vocabulary;
        this.words = words;
    }

    void find(Tokens t, Candidates out) {
        for (int i = 0; i < t.size; i++) {
            if (t.isWord(i)) {
                if (t.is(i, WordClasses.STREET)) {
                    address(t, i, out);
                }
                if (t.is(i, WordClasses.HOSPITAL)) {
                    hospital(t, i, out);
                }
                if (t.capitalized(i) && KNOWN_HOSPITALS.contains(t.key(i)) && !NameRecognizer.eponymContext(t, i)
                        && (t.upper(i) || t.isWord(i - 1) && PLACE_PREPOSITIONS.contains(t.key(i - 1)) || t.isPunct(i - 1, '('))) {
                    out.add(Label.HOPITAL, t.start[i], t.end[i], HOSPITAL_PRIORITY - 1);
                }
                if (t.capitalized(i)) {
                    city(t, i, out);
                }
            } else if (t.isNumber(i) && t.length(i) == 5) {
                zip(t, i, out);
            } else if (t.isNumber(i) && t.length(i) == 2 && t.isNumber(i + 1) && t.length(i + 1) == 3
                    && t.start[i + 1] == t.end[i] + 1 && t.text.charAt(t.end[i]) == ' ') {
                zipSpaced(t, i, out);
            }
        }
    }

    // ---- addresses ----------------------------------------------------------------------------------------

    private void address(Tokens t, int i, Candidates out) {
        String key = t.key(i);
        int start = t.start[i];
        boolean numbered = false;
        int p = i - 1;
        if (t.isPunct(p, ',')) {
            p--;
        }
        if (t.isWord(p) && NUMBER_SUFFIXES.contains(t.key(p)) && t.isNumber(p - 1)) {
            p--;
        }
        if (t.isNumber(p) && t.length(p) <= 4 && !t.lineBreakBefore(p + 1 > i ? i : p + 1)) {
            numbered = true;
            start = t.start[p];
        }
        // The name: articles then capitalised words, or the first lower-case word after an article for numbered ones.
        int k = i + 1;
        if (t.isPunct(k, '.')) {
            k++;
        }
        int last = -1;
        int guard = 0;
        while (k < t.size && guard++ < 8 && !t.lineBreakBefore(k)) {
            if (t.isWord(k)) {
                String w = t.key(k);
                boolean article = MedicalTerms.PARTICLES.contains(w) || w.equals("des") || w.equals("aux") || w.equals("au")
                        || w.equals("general") && t.capitalized(k);
                if (t.capitalized(k) || numbered && last < 0 && !article && t.length(k) > 2) {
                    last = k;
                    k++;
                    continue;
                }
                if (article && t.isWord(k + 1)) {
                    k++;
                    continue;
                }
                if (article && t.isNumber(k + 1)) {
                    k++; // « rue du 8 Mai 1945 »
                    continue;
                }
                break;
            } else if (t.isNumber(k) && last < 0 && t.length(k) <= 4 && t.isWord(k + 1)) {
                k++;
                continue;
            } else if (t.isPunct(k, '\'') || t.isPunct(k, '’')) {
                k++;
                continue;
            } else {
                break;
            }
        }
        if (last < 0) {
            return;
        }
        // « rue du 8 Mai 1945 »: the year after a month belongs to the street name.
        if (t.isNumber(last + 1) && t.length(last + 1) == 4 && !t.lineBreakBefore(last + 1)
                && Set.of("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
                        "novembre", "decembre").contains(t.key(last))) {
            last++;
        }
        if (!numbered && AMBIGUOUS_STREET_TYPES.contains(key)) {
            return; // « au cours de », « voie publique », « mise en place »
        }
        if (!numbered && t.upper(i)) {
            return; // an upper-case title line
        }
        if (!numbered && !t.capitalized(last)) {
            return;
        }
        out.add(Label.ADRESSE, start, t.end[last], ADDRESS_PRIORITY);
        // « BP 123 », « CS 40001 » after the street belong to the address.
    }

    // ---- postal codes and communes -----------------------------------------------------------------------

    private void zip(Tokens t, int i, Candidates out) {
        if (t.isWord(i + 1) && t.glued(i + 1) || t.isWord(i - 1) && t.glued(i - 1)) {
            return; // « A/CROATIA/10136RV/2023 »: a strain or a batch code
        }
        if (t.isWord(i + 1) && t.is(i + 1, WordClasses.UNIT)) {
            return; // « 15000 UI »: a dose
        }
        String code = t.surface(i);
        int dep = (code.charAt(0) - '0') * 10 + (code.charAt(1) - '0');
        if (dep == 0 || dep == 99 || dep == 96) {
            return;
        }
        if (decimal(t, i - 1) || decimal(t, i + 1)) {
            return; // « 12,33000 »: a decimal number
        }
        int next = i + 1;
        int cityEnd = -1;
        if (next < t.size && t.isWord(next) && (t.capitalized(next)) && !t.lineBreakBefore(next)) {
            cityEnd = communeAt(t, next);
            if (cityEnd < 0 && (t.upper(next) || !vocabulary.fromLexicons)) {
                cityEnd = capitalisedRun(t, next);
            }
        }
        boolean known = vocabulary.postalCodes.containsKey(code);
        String before = Context.before(t.text, t.start[i], 20);
        boolean context = Context.hasAnyWord(before, "cp", "code postal", "postal");
        boolean afterAddress = i > 0 && addressBefore(t, i);
        if (cityEnd > 0 || context || known && afterAddress) {
            out.add(Label.ZIP, t.start[i], t.end[i], ZIP_PRIORITY);
            if (cityEnd > 0) {
                int e = cityEnd;
                // « CEDEX 9 » belongs to the delivery line, not to the commune name.
                out.add(Label.VILLE, t.start[next], t.end[e - 1], CITY_PRIORITY + 5);
            }
        }
    }

    private static boolean decimal(Tokens t, int sep) {
        return (t.isPunct(sep, ',') || t.isPunct(sep, '.')) && t.isNumber(sep - 1) && t.isNumber(sep + 1)
                && t.end[sep - 1] == t.start[sep] && t.end[sep] == t.start[sep + 1];
    }

    private void zipSpaced(Tokens t, int i, Candidates out) {
        int next = i + 2;
        if (next < t.size && t.isWord(next) && t.capitalized(next) && !t.lineBreakBefore(next)) {
            int cityEnd = communeAt(t, next);
            if (cityEnd > 0) {
                out.add(Label.ZIP, t.start[i], t.end[i + 1], ZIP_PRIORITY);
                out.add(Label.VILLE, t.start[next], t.end[cityEnd - 1], CITY_PRIORITY + 5);
            }
        }
    }

    private boolean addressBefore(Tokens t, int i) {
        for (int k = i - 1; k >= Math.max(0, i - 12); k--) {
            if (t.isWord(k) && STREET_TYPES.contains(t.key(k))) {
                return true;
            }
        }
        return false;
    }

    private static int capitalisedRun(Tokens t, int i) {
        int k = i;
        while (k < t.size && k < i + 4 && !(k > i && t.lineBreakBefore(k))) {
            if (t.isWord(k) && (t.capitalized(k) || t.is(k, WordClasses.PARTICLE) && k + 1 < t.size && t.capitalized(k + 1))) {
                if (t.key(k).equals("cedex")) {
                    break;
                }
                k++;
            } else if (t.isPunct(k, '-') && k > i) {
                k++;
            } else {
                break;
            }
        }
        return k > i ? k : -1;
    }

    /** The end (exclusive token index) of the longest commune name starting at token {@code i}, or -1. */
    private int communeAt(Tokens t, int i) {
        if (vocabulary.communes.isEmpty()) {
            return -1;
        }
        StringBuilder key = new StringBuilder();
        int best = -1;
        int words = 0;
        for (int k = i; k < t.size && words < vocabulary.longestCommune; k++) {
            if (k > i && t.lineBreakBefore(k)) {
                break;
            }
            if (t.isWord(k)) {
                if (key.length() > 0) {
                    key.append(' ');
                }
                key.append(t.key(k).replace('-', ' ').replace("'", " "));
                words++;
                if (vocabulary.communes.containsKey(key.toString())) {
                    best = k + 1;
                }
            } else if (t.isPunct(k, '-') || t.isPunct(k, '\'') || t.isPunct(k, '’')) {
                continue;
            } else {
                break;
            }
        }
        return best;
    }

    private void city(Tokens t, int i, Candidates out) {
        if (t.glued(i) || NameRecognizer.companyNear(t, i)) {
            return; // « 10136RV », « à Elan Pharma »
        }
        int p = i - 1;
        if (t.has(i, Tokens.LINE_START)) {
            letterPlace(t, i, out);
            return;
        }
        if (!t.isWord(p)) {
            return;
        }
        String prep = t.key(p);
        boolean a = prep.equals("a");
        boolean de = prep.equals("de") || prep.equals("d") || prep.equals("sur") || prep.equals("en") || prep.equals("vers");
        if (!a && !de) {
            return;
        }
        boolean verb = false;
        // « habite à », « née le 03/04/1948 à »: a verb of place a few tokens back on the same line.
        for (int k = p - 1; k >= Math.max(0, p - 9); k--) {
            if (t.isWord(k) && CITY_VERBS.contains(t.key(k))) {
                verb = true;
                break;
            }
            if (t.lineBreakBefore(k + 1) || t.isPunct(k, '.') || t.isPunct(k, ';')) {
                break;
            }
        }
        int end = communeAt(t, i);
        if (end < 0) {
            if (verb && !vocabulary.fromLexicons) {
                end = capitalisedRun(t, i);
            }
            if (end < 0) {
                return;
            }
        }
        String key = t.key(i);
        boolean single = end == i + 1;
        if (!verb) {
            if (!a) {
                return;
            }
            // « à Paris » yes; « à Marie », « à Noël », « à Jeun » no.
            if (single && (t.is(i, WordClasses.FIRST_NAME) && vocabulary.births(key) > 2000 || t.ordinary(i, words)
                    || t.has(i, Tokens.SENTENCE_START) || t.is(i, WordClasses.ROLE)) || t.upper(i)) {
                return;
            }
        }
        out.add(Label.VILLE, t.start[i], t.end[end - 1], CITY_PRIORITY);
    }

    /** « Bordeaux, le 12 mars 2021 »: the place line of a letter. */
    private void letterPlace(Tokens t, int i, Candidates out) {
        boolean comma = false;
        for (int k = i + 1; k < Math.min(t.size, i + 7) && !t.lineBreakBefore(k); k++) {
            if (t.isPunct(k, ',')) {
                comma = true;
                break;
            }
        }
        if (!comma) {
            return;
        }
        int end = communeAt(t, i);
        if (end < 0) {
            end = capitalisedRun(t, i);
        }
        if (end < 0 || !t.isPunct(end, ',') || !t.isWord(end + 1) || !t.key(end + 1).equals("le")) {
            return;
        }
        int k = end + 2;
        if (t.isNumber(k) || t.isWord(k) && (NumberWords.isNumberWord(t.key(k)) || t.key(k).endsWith("di"))) {
            out.add(Label.VILLE, t.start[i], t.end[end - 1], CITY_PRIORITY);
        }
    }

    private boolean hospitalLike(Tokens t, int from, int to) {
        for (int x = from; x <= to; x++) {
            if (!t.isWord(x)) {
                continue;
            }
            String w = t.key(x);
            if (w.startsWith("hospital") || w.startsWith("medic") || w.equals("soins") || w.endsWith("dialyse") || w.equals("jardins")
                    || w.equals("residence") || w.equals("clos") || w.equals("maison") || w.equals("oncologie") || w.equals("sante") || w.equals("sante") || w.equals("readaptation")
                    || w.equals("reeducation") || w.equals("cancer") || w.startsWith("cancero") || w.equals("lutte")
                    || w.equals("saint") || w.equals("sainte") || w.startsWith("saint-") || w.startsWith("sainte-")
                    || w.equals("chirurgical") || w.equals("hospitalo-universitaire") || w.equals("universitaire")
                    || vocabulary.isFirstName(w) && vocabulary.births(w) > 1000 && t.capitalized(x)) {
                return true;
            }
        }
        return false;
    }

    // ---- hospitals ----------------------------------------------------------------------------------------

    private void hospital(Tokens t, int i, Candidates out) {
        if (t.glued(i)) {
            return; // « 3CH à 9CH »: homeopathic dilutions
        }
        String key = t.key(i);
        int k = i + 1;
        if (key.equals("centre") || key.equals("groupe") || key.equals("pole") || key.equals("fondation") || key.equals("institut")
                || key.equals("maternite") || key.equals("ehpad") || key.equals("ssr")) {
            if (!t.capitalized(i)) {
                return;
            }
        }
        if (!t.capitalized(i)) {
            int p = i - 1;
            if (!t.isWord(p) || !Set.of("la", "l", "a", "de", "en", "une", "un", "cette", "notre", "votre", "sa", "son", "leur",
                    "du", "au", "le", "d", "cet").contains(t.key(p))) {
                return; // « étude clinique du Vascoril »: an adjective, not a clinic
            }
        }
        boolean generic = Set.of("centre", "groupe", "pole", "fondation", "institut", "gcs").contains(key)
                && !(t.upper(i) && t.has(i, Tokens.LINE_START));
        boolean acronym = t.upper(i) || key.equals("aphp") || key.equals("ap-hp");
        int last = -1;
        int guard = 0;
        while (k < t.size && guard++ < 8 && !t.lineBreakBefore(k)) {
            if (t.isWord(k)) {
                String w = t.key(k);
                if ((MedicalTerms.PARTICLES.contains(w) || w.equals("des") || w.equals("sur") || w.equals("en") || w.equals("les"))
                        && t.isWord(k + 1) && (t.capitalized(k + 1) || t.is(k + 1, WordClasses.PARTICLE)) && !w.startsWith("s")) {
                    k++;
                    continue;
                }
                // Upper-case words are a name only in an upper-case heading line (« CLINIQUE DE L'UNION »).
                boolean heading = t.upper(i) && t.has(i, Tokens.LINE_START);
                boolean knownName = vocabulary.isFamilyName(w) || vocabulary.isFirstName(w) || vocabulary.communes.containsKey(w);
                if (t.upper(k) && !t.upper(i) && !knownName && t.length(k) > 4
                        || !heading && t.upper(k) && t.commonness(k, words) >= 4 && !knownName) {
                    break;
                }
                if (MedicalTerms.PARTICLES.contains(w) && !w.startsWith("s")) {
                    break; // « ÉTUDE CLINIQUE DE 62 CAS »: a particle never ends the name
                }
                if (t.capitalized(k) && !MedicalTerms.ROLE_WORDS.contains(w) || w.equals("hospitalier") || w.equals("hospitaliere")
                        || w.equals("universitaire") || w.equals("regional") || w.equals("intercommunal")) {
                    last = k;
                    k++;
                    continue;
                }
                if ((MedicalTerms.PARTICLES.contains(w) || w.equals("des") || w.equals("sur") || w.equals("en")) && t.isWord(k + 1)
                        && (t.capitalized(k + 1) || t.is(k + 1, WordClasses.PARTICLE))) {
                    k++;
                    continue;
                }
                break;
            } else if ((t.isPunct(k, '-') || t.isPunct(k, '\'')) && last >= 0) {
                k++;
            } else {
                break;
            }
        }
        if (last < 0) {
            if (key.equals("aphp") || key.equals("ap-hp") || key.equals("chu") && t.upper(i) && false) {
                out.add(Label.HOPITAL, t.start[i], t.end[i], HOSPITAL_PRIORITY);
            }
            return;
        }
        // Generic words only (« Centre Hospitalier » without a place) are not identifying.
        boolean proper = false;
        for (int x = i + 1; x <= last; x++) {
            if (t.isWord(x) && t.capitalized(x) && !Set.of("hospitalier", "hospitaliere", "universitaire", "regional", "general",
                    "intercommunal", "departemental", "specialise", "prive", "public", "medical", "medico", "chirurgical").contains(t.key(x))) {
                proper = true;
                break;
            }
        }
        if (!proper && !acronym) {
            return;
        }
        if (!proper) {
            return;
        }
        if (generic && !hospitalLike(t, i + 1, last)) {
            return; // « Centre Spécialités Pharmaceutiques », « Groupe Romand »
        }
        int start = t.start[i];
        out.add(Label.HOPITAL, start, t.end[last], HOSPITAL_PRIORITY);
    }
}
