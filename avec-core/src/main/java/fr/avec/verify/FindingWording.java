package fr.avec.verify;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders any finding of CONTRACTS.md as one sentence for a reviewer, in French (the review screen's language) or
 * in English, from the finding's fields: its kind, the words it is about, its suggestion, the omitted fact's
 * category and, when the sources are given, the source passage it cites. The few details that only the engine's
 * English message carries (the polarity of a negation conflict, the marketed strengths, the label of identifying
 * data, a score) are read from that message, which the engine writes in fixed forms. Stateless and thread-safe.
 */
public final class FindingWording {

    /** A cited passage is cut after this many characters, so that a sentence stays readable. */
    private static final int MAX_QUOTE = 160;

    private static final Map<String, String> CATEGORIES_FR = Map.ofEntries(
            Map.entry("allergy", "une allergie"), Map.entry("safety", "un fait de sécurité (idées suicidaires, violence)"),
            Map.entry("mental_health", "un fait de santé mentale"), Map.entry("social", "un fait de situation sociale"),
            Map.entry("risk_factor", "un facteur de risque"), Map.entry("drug", "un médicament"), Map.entry("dose", "une dose"),
            Map.entry("vital_sign", "une constante"), Map.entry("lab_value", "un résultat biologique"),
            Map.entry("measurement", "une mesure"), Map.entry("diagnosis", "un diagnostic"), Map.entry("symptom", "un symptôme"),
            Map.entry("follow_up", "un suivi prévu"));

    private static final Map<String, String> CATEGORIES_EN = Map.ofEntries(
            Map.entry("allergy", "an allergy"), Map.entry("safety", "a safety fact (suicidal ideas, violence)"),
            Map.entry("mental_health", "a mental health fact"), Map.entry("social", "a social fact"),
            Map.entry("risk_factor", "a risk factor"), Map.entry("drug", "a drug"), Map.entry("dose", "a dose"),
            Map.entry("vital_sign", "a vital sign"), Map.entry("lab_value", "a lab value"), Map.entry("measurement", "a measurement"),
            Map.entry("diagnosis", "a diagnosis"), Map.entry("symptom", "a symptom"), Map.entry("follow_up", "a planned follow-up"));

    /** Labels of identifying data (CONTRACTS.md `avec deid`), in French words. */
    private static final Map<String, String> PHI_FR = Map.ofEntries(
            Map.entry("NOM", "nom"), Map.entry("PRENOM", "prénom"), Map.entry("DATE", "date"),
            Map.entry("DATE_NAISSANCE", "date de naissance"), Map.entry("ADRESSE", "adresse"), Map.entry("VILLE", "ville"),
            Map.entry("ZIP", "code postal"), Map.entry("TEL", "téléphone"), Map.entry("MAIL", "courriel"),
            Map.entry("SECU", "numéro de sécurité sociale"), Map.entry("IPP", "IPP"), Map.entry("NDA", "NDA"),
            Map.entry("HOPITAL", "établissement"), Map.entry("RPPS", "RPPS"), Map.entry("ADELI", "ADELI"), Map.entry("FINESS", "FINESS"),
            Map.entry("IBAN", "IBAN"), Map.entry("INS", "INS"), Map.entry("URL", "adresse web"));

    private static final Map<String, String> PHI_EN = Map.ofEntries(
            Map.entry("NOM", "surname"), Map.entry("PRENOM", "first name"), Map.entry("DATE", "date"),
            Map.entry("DATE_NAISSANCE", "date of birth"), Map.entry("ADRESSE", "address"), Map.entry("VILLE", "city"),
            Map.entry("ZIP", "postcode"), Map.entry("TEL", "phone number"), Map.entry("MAIL", "e-mail"),
            Map.entry("SECU", "social security number"), Map.entry("HOPITAL", "hospital"), Map.entry("URL", "web address"));

    /** The never-event rules of {@code Doses}, by their suggestion, in French. */
    private static final Map<String, String> NEVER_EVENTS_FR = Map.of(
            "once a week, on a named day", "le méthotrexate oral est écrit avec une fréquence quotidienne : hors cancérologie il se prend "
                    + "une fois par SEMAINE (never event, ANSM) ; à prendre une fois par semaine, un jour nommé",
            "diluted slow infusion", "chlorure de potassium en injection intraveineuse directe (never event, ANSM) : diluer et perfuser "
                    + "lentement",
            "intravenous only", "vinca-alcaloïde par voie intrathécale, mortel (never event) : voie intraveineuse uniquement");

    private static final Pattern PHI_LABEL = Pattern.compile("\\(([A-Z_]+)\\)");
    private static final Pattern MARKETED = Pattern.compile("marketed strengths: (.*)\\)$");
    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)");

    private FindingWording() {
    }

    /** The finding in French. */
    public static String fr(Finding finding) {
        return render(finding, Locale.FRENCH, List.of());
    }

    /** The finding in English. */
    public static String en(Finding finding) {
        return render(finding, Locale.ENGLISH, List.of());
    }

    /** The finding in the locale's language (French unless the locale is English). */
    public static String render(Finding finding, Locale locale) {
        return render(finding, locale, List.of());
    }

    /**
     * The finding in the locale's language; when the finding cites a passage of a source and {@code sources} holds
     * that source, the passage is quoted.
     */
    public static String render(Finding finding, Locale locale, List<String> sources) {
        boolean french = !"en".equals(locale.getLanguage());
        String w = "« " + finding.text() + " »";
        String s = finding.suggestion();
        String quote = quote(finding, sources);
        String message = finding.message();
        return switch (finding.kind()) {
            case UNKNOWN_DRUG -> s != null
                    ? (french ? w + " ne correspond à aucun médicament de la base publique (BDPM) ; vouliez-vous dire " + s + " ?"
                    : w + " matches no drug of the public drug database (BDPM); did you mean " + s + "?")
                    : (french ? w + " est employé comme un médicament mais ne correspond à aucun produit ni substance de la BDPM : "
                    + "nom inventé ou médicament non commercialisé en France"
                    : w + " is used as a drug but matches no product or substance of the BDPM: an invented name or a drug not "
                    + "marketed in France");
            case DRUG_NOT_IN_SOURCE -> french ? w + " n'apparaît dans aucune source" : w + " appears in no source";
            case DOSE_NOT_MARKETED -> {
                String strengths = group(MARKETED, message);
                yield french ? "aucune forme commercialisée de ce médicament n'a le dosage " + w
                        + (strengths == null ? "" : " (dosages commercialisés : " + strengths + ")")
                        : "no marketed form of this drug has the strength " + w
                        + (strengths == null ? "" : " (marketed strengths: " + strengths + ")");
            }
            case DOSE_NEVER_EVENT -> french ? w + " : " + NEVER_EVENTS_FR.getOrDefault(s, "schéma de dose de la liste des never events")
                    : w + ": " + message;
            case NUMBER_NOT_IN_SOURCE -> french ? "la valeur " + w + " ne figure dans aucune source" : "the value " + w + " is in no source";
            case UNIT_MISMATCH -> french ? w + " : la source donne cette valeur avec une autre unité" + (s == null ? "" : " (" + s + ")")
                    : w + ": the source gives this value with another unit" + (s == null ? "" : " (" + s + ")");
            case NEGATION_CONFLICT -> {
                boolean outputNegates = message.startsWith("the output negates");
                String cited = quote != null ? quote : quoted(message);
                yield french
                        ? (outputNegates ? "le texte nie " + w + ", que la source affirme" : "le texte affirme " + w + ", que la source nie")
                        + (cited == null ? "" : " : « " + cited + " »")
                        : (outputNegates ? "the text negates " + w + ", which the source affirms" : "the text affirms " + w
                        + ", which the source negates") + (cited == null ? "" : ": « " + cited + " »");
            }
            case CITATION_NOT_IN_REFERENCES -> french ? "la citation " + w + " ne correspond à aucune des références fournies"
                    : "the citation " + w + " matches none of the supplied references";
            case CITED_NUMBER_NOT_IN_REFERENCE -> french ? "le nombre " + w + " ne figure pas dans la référence citée"
                    : "the number " + w + " is not in the cited reference";
            case UNSUPPORTED_SENTENCE -> french ? "phrase sans appui dans les sources : à vérifier ou à retirer"
                    : "sentence without support in the sources: check it or remove it";
            case PHI_IN_OUTPUT -> {
                String label = group(PHI_LABEL, message);
                String name = label == null ? null : (french ? PHI_FR : PHI_EN).getOrDefault(label, label);
                yield french ? "donnée identifiante" + (name == null ? "" : " (" + name + ")") + " dans le texte : " + w
                        : "identifying data" + (name == null ? "" : " (" + name + ")") + " in the text: " + w;
            }
            case READABILITY -> readability(message, w, french);
            case OMISSION -> omission(finding, message, quote, french);
        };
    }

    /** The short French or English name of a kind, for a column or a filter. */
    public static String kindName(FindingKind kind, Locale locale) {
        boolean french = !"en".equals(locale.getLanguage());
        return switch (kind) {
            case UNKNOWN_DRUG -> french ? "Médicament inconnu" : "Unknown drug";
            case DRUG_NOT_IN_SOURCE -> french ? "Médicament absent des sources" : "Drug not in the sources";
            case DOSE_NOT_MARKETED -> french ? "Dosage non commercialisé" : "Strength not marketed";
            case DOSE_NEVER_EVENT -> french ? "Erreur de dose à ne jamais commettre" : "Dose never-event";
            case NUMBER_NOT_IN_SOURCE -> french ? "Valeur absente des sources" : "Value not in the sources";
            case UNIT_MISMATCH -> french ? "Unité différente de la source" : "Unit differs from the source";
            case NEGATION_CONFLICT -> french ? "Contradiction avec la source (négation)" : "Contradicts the source (negation)";
            case CITATION_NOT_IN_REFERENCES -> french ? "Citation absente des références" : "Citation not in the references";
            case CITED_NUMBER_NOT_IN_REFERENCE -> french ? "Chiffre absent de la référence citée" : "Number not in the cited reference";
            case UNSUPPORTED_SENTENCE -> french ? "Phrase sans appui" : "Unsupported sentence";
            case PHI_IN_OUTPUT -> french ? "Donnée identifiante" : "Identifying data";
            case READABILITY -> french ? "Lisibilité" : "Readability";
            case OMISSION -> french ? "Omission" : "Omission";
        };
    }

    /** The French or English name of a severity. */
    public static String severityName(Severity severity, Locale locale) {
        boolean french = !"en".equals(locale.getLanguage());
        return switch (severity) {
            case ERROR -> french ? "erreur" : "error";
            case WARNING -> french ? "avertissement" : "warning";
            case INFO -> french ? "information" : "information";
        };
    }

    private static String readability(String message, String w, boolean french) {
        if (message.startsWith("Kandel")) {
            Matcher m = NUMBER.matcher(message);
            String score = m.find() ? m.group(1) : "?";
            String target = m.find() ? m.group(1) : "?";
            return french ? "lisibilité Kandel–Moles " + score + ", sous la cible " + target + " : phrases et mots plus courts"
                    : "Kandel–Moles readability " + score + " is below the target " + target + ": shorter sentences and words";
        }
        if (message.startsWith("easy-to-read (FALC): no percentage")) {
            return french ? "facile à lire et à comprendre (FALC) : pas de pourcentage ; dire « 1 personne sur 4 » ou « la plupart des gens »"
                    : message;
        }
        if (message.startsWith("easy-to-read (FALC): a long, hard word")) {
            return french ? "facile à lire et à comprendre (FALC) : " + w + " est un mot long et difficile ; prendre un mot courant ou l'expliquer"
                    : message;
        }
        if (message.startsWith("abbreviation without")) {
            return french ? "abréviation sans sa signification : " + w + " ; écrire les mots en entier" : message;
        }
        if (message.contains("sentences for this audience have at most")) {
            Matcher m = NUMBER.matcher(message);
            String words = m.find() ? m.group(1) : "?";
            String max = m.find() ? m.group(1) : "?";
            return french ? "phrase de " + words + " mots : pour ce public, " + max + " mots au plus ; une idée par phrase" : message;
        }
        if (message.startsWith("medical word")) {
            return french ? "mot médical sans explication : " + w + " ; ajouter une explication en mots simples"
                    : "medical word without an explanation: " + w + "; add one in plain words";
        }
        Matcher m = NUMBER.matcher(message);
        String words = m.find() ? m.group(1) : "?";
        String max = m.find() ? m.group(1) : "?";
        return french ? "phrase de " + words + " mots : en facile à lire et à comprendre (FALC), " + max + " mots au plus"
                : words + " words: easy-to-read (FALC) sentences have at most " + max;
    }

    private static String omission(Finding finding, String message, String quote, boolean french) {
        String category = finding.category() == null ? null : (french ? CATEGORIES_FR : CATEGORIES_EN).get(finding.category());
        if (category == null) {
            category = french ? "un fait" : "a fact";
        }
        boolean asked = message.startsWith("the source asks about");
        boolean absence = message.contains("the absence of");
        String passage = quote != null ? quote : finding.suggestion();
        String tail = passage == null ? "" : (french ? " : « " + cut(passage) + " »" : ": « " + cut(passage) + " »");
        if (french) {
            String what = asked ? "la source pose une question sur " + category
                    : absence ? "la source écarte " + category : "la source mentionne " + category;
            return what + " que le texte omet" + tail;
        }
        String what = asked ? "the source asks about " + category
                : absence ? "the source rules out " + category : "the source states " + category;
        return what + " that the text leaves out" + tail;
    }

    /** The cited source passage, when the finding has one and the sources are given. */
    private static String quote(Finding finding, List<String> sources) {
        Finding.SourceSpan span = finding.source();
        if (span == null || sources == null || span.sourceIndex() < 0 || span.sourceIndex() >= sources.size()) {
            return null;
        }
        String source = sources.get(span.sourceIndex());
        if (span.end() > source.length() || span.start() >= span.end()) {
            return null;
        }
        return cut(source.substring(span.start(), span.end()).replaceAll("\\s+", " ").strip());
    }

    /** The passage the engine quoted at the end of its message (« ...: « passage » »), or null. */
    private static String quoted(String message) {
        int open = message.indexOf(": « ");
        if (open < 0 || !message.endsWith(" »")) {
            return null;
        }
        return cut(message.substring(open + 4, message.length() - 2));
    }

    private static String cut(String passage) {
        return passage.length() <= MAX_QUOTE ? passage : passage.substring(0, MAX_QUOTE).stripTrailing() + "…";
    }

    private static String group(Pattern pattern, String message) {
        Matcher m = pattern.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
