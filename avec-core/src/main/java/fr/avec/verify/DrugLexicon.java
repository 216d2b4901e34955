package fr.avec.verify;

import fr.avec.data.bdpm.Bdpm;
import fr.avec.data.bdpm.BdpmComposition;
import fr.avec.data.bdpm.BdpmProduct;
import fr.avec.text.FoldedText;
import fr.avec.text.Quantity;
import fr.avec.text.QuantityScanner;
import fr.avec.text.Token;
import fr.avec.text.Tokenizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names a clinician uses for drugs, derived from the BDPM: brand names as written (« Doliprane », not
 * « DOLIPRANE 1000 mg, comprimé »), substances with and without accents, salts and base forms unified,
 * English spellings and common abbreviations, each linked to its substances, CIS codes and the strengths of
 * its marketed forms. Immutable and thread-safe once built.
 */
public final class DrugLexicon {

    /** Whether a name is a substance (DCI) or a product (brand, or generic « SUBSTANCE LAB »). */
    public enum EntryKind { SUBSTANCE, PRODUCT }

    /** A name of the lexicon: display name, kind, the substances (base names) and CIS codes it stands for. */
    public record Entry(String name, EntryKind kind, List<String> substances, List<String> cis) {
    }

    /** A strength of a marketed form: substance base name, unit dimension and value in the base unit. */
    record Strength(String substance, String dimension, double base) {
    }

    /**
     * Abbreviations and international names clinicians use that the BDPM does not spell; each maps to the
     * folded base name of a BDPM substance. Sources: usual French abbreviations (Vidal, ANSM) and WHO INN/USAN.
     */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("aas", "acide acetylsalicylique"), Map.entry("aspirine", "acide acetylsalicylique"),
            Map.entry("aspirin", "acide acetylsalicylique"), Map.entry("acetylsalicylic acid", "acide acetylsalicylique"),
            Map.entry("acetaminophen", "paracetamol"), Map.entry("acetaminophene", "paracetamol"),
            Map.entry("mtx", "methotrexate"), Map.entry("5-fu", "fluorouracile"), Map.entry("5 fu", "fluorouracile"),
            Map.entry("epinephrine", "adrenaline"), Map.entry("norepinephrine", "noradrenaline"),
            Map.entry("albuterol", "salbutamol"), Map.entry("glyceryl trinitrate", "trinitrine"),
            Map.entry("nitroglycerin", "trinitrine"), Map.entry("levothyroxin", "levothyroxine"),
            Map.entry("l-thyroxine", "levothyroxine"), Map.entry("hydrochlorothiazid", "hydrochlorothiazide"),
            Map.entry("hctz", "hydrochlorothiazide"), Map.entry("ciclosporin", "ciclosporine"),
            Map.entry("cyclosporine", "ciclosporine"), Map.entry("cyclosporin", "ciclosporine"),
            Map.entry("valproate", "acide valproique"), Map.entry("valproic acid", "acide valproique"),
            Map.entry("co-amoxiclav", "amoxicilline"),
            Map.entry("lithium", "lithium"), Map.entry("vitamin d", "colecalciferol"), Map.entry("vitamine d", "colecalciferol"),
            Map.entry("vitamine d3", "colecalciferol"), Map.entry("cholecalciferol", "colecalciferol"),
            Map.entry("vitamin b12", "cyanocobalamine"), Map.entry("vitamine b12", "cyanocobalamine"),
            Map.entry("insulin", "insuline"), Map.entry("heparin", "heparine"), Map.entry("warfarin", "warfarine"),
            Map.entry("ibuprofen", "ibuprofene"), Map.entry("furosemid", "furosemide"), Map.entry("frusemide", "furosemide"));

    /**
     * Substances that are ordinary words of clinical text rather than drugs (water, sugar, ions): kept out so
     * that « eau » or « potassium 4,2 mmol/L » are not drug mentions.
     */
    private static final Set<String> NOT_DRUGS = Set.of("eau", "air", "azote", "oxygene", "sucre", "saccharose", "lactose",
            "huile", "sel", "sodium", "potassium", "calcium", "magnesium", "chlorure", "glucose", "alcool", "ethanol", "fer",
            "zinc", "cuivre", "argent", "or", "soufre", "phosphore", "iode", "fluor", "carbone", "charbon", "vaseline",
            "paraffine", "glycerol", "amidon", "gelatine", "talc", "cire", "miel", "lait", "plasma", "sang", "albumine",
            "hemoglobine", "creatinine", "uree", "bicarbonate", "phosphate", "sulfate", "citrate", "acetate", "lactate",
            "insuline humaine", "vitamine", "vitamines", "menthe", "camomille", "eucalyptus", "serum", "nicotine",
            "cafeine", "fibrinogene", "thrombine", "collagene", "hydrogene", "protoxyde d'azote", "toxine", "venin",
            "histamine", "glucagon", "proteine", "proteines", "acide", "acides", "base", "sels", "test", "contraste");

    /** First words of product names that are common words, never used alone as a brand alias. */
    private static final Set<String> GENERIC_FIRST_WORDS = Set.of("acide", "chlorure", "solution", "eau", "vitamine", "serum",
            "huile", "creme", "gel", "sirop", "pommade", "collyre", "poudre", "sodium", "calcium", "potassium", "magnesium",
            "fer", "zinc", "glucose", "lait", "extrait", "complexe", "dose", "bain", "vaccin", "sel", "gaz", "air", "oxygene",
            "azote", "alcool", "bicarbonate", "sulfate", "phosphate", "carbonate", "citrate", "gluconate", "lactate",
            "hydroxyde", "oxyde", "nitrate", "protoxyde", "vaseline", "paraffine", "soufre", "charbon", "argile", "tisane",
            "enfant", "enfants", "adulte", "adultes", "nourrisson", "nourrissons", "bebe", "jour", "nuit", "rhume", "toux",
            "gorge", "nez", "teinture", "melange", "association", "allergenes", "allergene", "pollens", "venin", "plasma",
            "albumine", "immunoglobuline", "facteur", "anticorps", "toxine", "emulsion", "suspension", "comprime", "gelule",
            "sachet", "spray", "patch", "baume", "lotion", "shampooing", "savon", "pate", "ovule", "capsule", "granules",
            "granule", "infusion", "vitamines", "mineraux", "oligo", "sucre", "miel", "menthe", "plantes", "plante", "the",
            "heparine", "insuline", "fluor", "iode", "lithium", "argent", "cuivre", "phosphore", "ammonium", "sels", "hydrogeno",
            "sodique", "calcique", "potassique", "concentre", "ampoule", "forte", "fort", "plus", "mono", "duo", "oral", "orale",
            "action", "rapide", "retard", "flash", "junior", "kids", "baby", "pediatrique", "nasal", "auriculaire", "buccal",
            "cutane", "dermique", "vaginal", "rectal", "ophtalmique", "injectable", "pour", "sans", "avec", "bio", "natura",
            "homeopathique", "medicament", "traitement", "anti", "gaviscon" /* kept below as full product name */);

    private final Map<String, Entry> entries;
    private final Map<String, Integer> longestByFirstWord;
    private final Map<String, List<Strength>> strengthsByCis;
    private final Set<String> marketedCis;
    private final int productCount;
    private final Map<String, String> substanceDisplay;

    private DrugLexicon(Map<String, Entry> entries, Map<String, List<Strength>> strengthsByCis, Set<String> marketedCis,
                        int productCount, Map<String, String> substanceDisplay) {
        // HashMap rather than Map.copyOf: probed for every word of every text; never modified after construction.
        this.entries = new HashMap<>(entries);
        this.substanceDisplay = Map.copyOf(substanceDisplay);
        Map<String, Integer> longest = new HashMap<>();
        for (String key : entries.keySet()) {
            String[] words = key.split(" ");
            longest.merge(words[0], words.length, Math::max);
        }
        this.longestByFirstWord = longest;
        this.strengthsByCis = Map.copyOf(strengthsByCis);
        this.marketedCis = Set.copyOf(marketedCis);
        this.productCount = productCount;
    }

    /** Derives the lexicon from a loaded BDPM (homeopathic products left out: their names are not drugs in a note). */
    public static DrugLexicon from(Bdpm bdpm) {
        Builder builder = new Builder();
        Set<String> homeopathic = new java.util.HashSet<>();
        for (BdpmProduct product : bdpm.products()) {
            String procedure = FoldedText.fold(product.procedure());
            if (procedure.contains("homeo")) {
                homeopathic.add(product.cis());
                continue;
            }
            builder.product(product.cis(), product.name(), product.marketed());
        }
        for (BdpmComposition c : bdpm.compositions()) {
            if (homeopathic.contains(c.cis()) || c.strength().contains("CH") || c.strength().contains("DH")) {
                continue;
            }
            builder.component(c.cis(), c.substanceName(), c.strength(), c.activeSubstance(), c.link());
        }
        return builder.build();
    }

    /** Starts a lexicon from individual products and components (used by {@link #from(Bdpm)} and by tests). */
    public static Builder builder() {
        return new Builder();
    }

    /** The entry for a folded name (words separated by single spaces), or null. */
    public Entry lookup(String foldedName) {
        return entries.get(foldedName);
    }

    /** Whether a folded single word or phrase is a drug name of the lexicon. */
    public boolean contains(String foldedName) {
        return entries.containsKey(foldedName);
    }

    /** Every folded name of the lexicon (for suggestions). */
    public Collection<String> names() {
        return entries.keySet();
    }

    public int size() {
        return entries.size();
    }

    /** The number of BDPM products the lexicon was built from. */
    public int productCount() {
        return productCount;
    }

    /** The marketed strengths of a mention's drug (its substances in its CIS codes). */
    List<Strength> marketedStrengths(Entry entry) {
        List<Strength> out = new ArrayList<>();
        for (String cis : entry.cis()) {
            if (!marketedCis.contains(cis)) {
                continue;
            }
            for (Strength s : strengthsByCis.getOrDefault(cis, List.of())) {
                if (entry.substances().contains(s.substance())) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** Every drug mention of a text, in one left-to-right pass over its words (longest name wins). */
    public List<DrugMention> mentions(String text) {
        return mentions(text, Tokenizer.tokenize(text));
    }

    /** Every drug mention of an already tokenized text. */
    public List<DrugMention> mentions(String text, List<Token> tokens) {
        List<DrugMention> found = new ArrayList<>();
        for (Match m : matches(tokens)) {
            List<String> substances = new ArrayList<>(m.entry().substances().size());
            for (String base : m.entry().substances()) {
                substances.add(substanceDisplay.getOrDefault(base, base.toUpperCase(java.util.Locale.ROOT)));
            }
            found.add(new DrugMention(text.substring(m.start(), m.end()), m.start(), m.end(), substances, m.entry().cis()));
        }
        return found;
    }

    /** A match of a lexicon entry over tokens {@code [firstToken, endToken)}. */
    record Match(Entry entry, int start, int end, int firstToken, int endToken) {
    }

    List<Match> matches(List<Token> tokens) {
        List<Match> found = new ArrayList<>();
        int n = tokens.size();
        StringBuilder key = new StringBuilder(48);
        int i = 0;
        while (i < n) {
            Token t = tokens.get(i);
            Integer longest = t.isWord() ? longestByFirstWord.get(t.text()) : null;
            if (longest == null) {
                i++;
                continue;
            }
            // Glued to a preceding letter or digit run, the word is part of something else.
            if (i > 0 && tokens.get(i - 1).end() == t.start() && !tokens.get(i - 1).isSymbolBreak() && !tokens.get(i - 1).is("(")
                    && (tokens.get(i - 1).isWord() || tokens.get(i - 1).isNumber())) {
                i++;
                continue;
            }
            Match best = null;
            key.setLength(0);
            key.append(t.text());
            int words = 1;
            int j = i;
            while (true) {
                Entry entry = entries.get(key.toString());
                if (entry != null && !(j + 1 < n && tokens.get(j + 1).isWord() && tokens.get(j + 1).start() == tokens.get(j).end())) {
                    best = new Match(entry, t.start(), tokens.get(j).end(), i, j + 1);
                }
                if (words >= longest) {
                    break;
                }
                // Next word, skipping joiners (« amoxicilline/acide », « co-amoxiclav », « d' »).
                int k = j + 1;
                while (k < n && !tokens.get(k).isWord() && !tokens.get(k).isNumber()
                        && (tokens.get(k).is("-") || tokens.get(k).is("/") || tokens.get(k).is("'") || tokens.get(k).is("+"))) {
                    k++;
                }
                if (k >= n || !(tokens.get(k).isWord() || tokens.get(k).isNumber()) || k - j > 2) {
                    break;
                }
                key.append(' ').append(tokens.get(k).text());
                words++;
                j = k;
            }
            if (best != null) {
                found.add(best);
                i = best.endToken();
            } else {
                i++;
            }
        }
        return found;
    }

    /** Collects products and components, then derives the names. */
    public static final class Builder {
        private record Product(String cis, String name, boolean marketed) {
        }

        private record Component(String cis, String substance, String strength, boolean active, int link) {
        }

        private final List<Product> products = new ArrayList<>();
        private final List<Component> components = new ArrayList<>();

        private Builder() {
        }

        /** Adds a product by its CIS code and BDPM denomination (« DOLIPRANE 1000 mg, comprimé »). */
        public Builder product(String cis, String name, boolean marketed) {
            products.add(new Product(cis, name, marketed));
            return this;
        }

        /** Adds a component line: substance name as in CIS_COMPO, strength as written, SA or FT, link number. */
        public Builder component(String cis, String substanceName, String strength, boolean activeSubstance, int link) {
            components.add(new Component(cis, substanceName, strength, activeSubstance, link));
            return this;
        }

        public DrugLexicon build() {
            // Substance base name of each (cis, link): the therapeutic fraction when given, else the salt-free name.
            Map<String, String> baseByCisLink = new HashMap<>();
            Map<String, String> displayByBase = new HashMap<>();
            for (Component c : components) {
                if (!c.active()) {
                    String base = SubstanceNames.base(c.substance());
                    baseByCisLink.put(c.cis() + "#" + c.link(), base);
                    preferDisplay(displayByBase, base, c.substance());
                }
            }
            Map<String, Set<String>> substancesByCis = new HashMap<>();
            Map<String, Set<String>> cisBySubstance = new HashMap<>();
            Map<String, List<Strength>> strengthsByCis = new HashMap<>();
            Map<String, Set<String>> namesBySubstance = new LinkedHashMap<>();
            for (Component c : components) {
                String base = baseByCisLink.getOrDefault(c.cis() + "#" + c.link(), SubstanceNames.base(c.substance()));
                if (base.isEmpty() || NOT_DRUGS.contains(base)) {
                    continue;
                }
                preferDisplay(displayByBase, base, c.substance());
                substancesByCis.computeIfAbsent(c.cis(), k -> new LinkedHashSet<>()).add(base);
                cisBySubstance.computeIfAbsent(base, k -> new TreeSet<>()).add(c.cis());
                Set<String> names = namesBySubstance.computeIfAbsent(base, k -> new LinkedHashSet<>());
                names.add(base);
                names.add(normalise(c.substance()));
                names.add(SubstanceNames.base(c.substance()));
                for (Quantity q : QuantityScanner.scan(c.strength())) {
                    if (q.hasUnit() && q.kind() == Quantity.Kind.NUMBER) {
                        strengthsByCis.computeIfAbsent(c.cis(), k -> new ArrayList<>())
                                .add(new Strength(base, q.dimension(), q.baseValue()));
                    }
                    break;
                }
            }
            Set<String> marketed = new java.util.HashSet<>();
            for (Product p : products) {
                if (p.marketed()) {
                    marketed.add(p.cis());
                }
            }
            Map<String, EntryBuilder> entries = new HashMap<>();
            // Substances, their salt forms and English spellings.
            for (Map.Entry<String, Set<String>> e : namesBySubstance.entrySet()) {
                String base = e.getKey();
                List<String> cis = marketedFirst(cisBySubstance.get(base), marketed);
                for (String name : e.getValue()) {
                    add(entries, name, displayByBase.get(base), EntryKind.SUBSTANCE, Set.of(base), cis);
                    for (String english : SubstanceNames.englishVariants(name)) {
                        add(entries, english, displayByBase.get(base), EntryKind.SUBSTANCE, Set.of(base), cis);
                    }
                }
            }
            for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
                String base = alias.getValue();
                if (cisBySubstance.containsKey(base)) {
                    add(entries, alias.getKey(), displayByBase.get(base), EntryKind.SUBSTANCE, Set.of(base),
                            marketedFirst(cisBySubstance.get(base), marketed));
                }
            }
            // Products: the name before the strength and the form, and the brand word alone.
            for (Product p : products) {
                Set<String> substances = substancesByCis.getOrDefault(p.cis(), Set.of());
                String prefix = productPrefix(p.name());
                if (prefix.isEmpty()) {
                    continue;
                }
                String display = displayName(p.name());
                add(entries, prefix, display, EntryKind.PRODUCT, substances, List.of(p.cis()));
                for (Quantity q : QuantityScanner.scan(p.name())) {
                    if (q.hasUnit() && q.kind() == Quantity.Kind.NUMBER && substances.size() == 1) {
                        strengthsByCis.computeIfAbsent(p.cis(), k -> new ArrayList<>())
                                .add(new Strength(substances.iterator().next(), q.dimension(), q.baseValue()));
                    }
                }
                int space = prefix.indexOf(' ');
                if (space > 0) {
                    String first = prefix.substring(0, space);
                    if (first.length() >= 4 && !GENERIC_FIRST_WORDS.contains(first) && !namesBySubstance.containsKey(first)
                            && !first.contains("'")) {
                        add(entries, first, display.split(" ")[0], EntryKind.PRODUCT, substances, List.of(p.cis()));
                    }
                }
            }
            Map<String, Entry> built = new HashMap<>();
            for (Map.Entry<String, EntryBuilder> e : entries.entrySet()) {
                if (NOT_DRUGS.contains(e.getKey()) || e.getKey().length() < 3) {
                    continue;
                }
                built.put(e.getKey(), e.getValue().build(marketed));
            }
            Map<String, List<Strength>> frozen = new HashMap<>();
            strengthsByCis.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
            return new DrugLexicon(built, frozen, marketed, products.size(), displayByBase);
        }

        private static List<String> marketedFirst(Set<String> cis, Set<String> marketed) {
            List<String> out = new ArrayList<>();
            for (String c : cis) {
                if (marketed.contains(c)) {
                    out.add(c);
                }
            }
            for (String c : cis) {
                if (!marketed.contains(c)) {
                    out.add(c);
                }
            }
            return out;
        }

        private static void add(Map<String, EntryBuilder> entries, String key, String display, EntryKind kind,
                                Set<String> substances, List<String> cis) {
            if (key.isBlank()) {
                return;
            }
            EntryBuilder b = entries.computeIfAbsent(key, k -> new EntryBuilder(display, kind));
            if (kind == EntryKind.SUBSTANCE && b.kind == EntryKind.PRODUCT) {
                b.kind = EntryKind.SUBSTANCE;
                b.display = display;
            }
            b.substances.addAll(substances);
            b.cis.addAll(cis);
        }

        private static void preferDisplay(Map<String, String> displayByBase, String base, String substanceName) {
            String current = displayByBase.get(base);
            String candidate = display(substanceName, base);
            if (current == null || !FoldedText.fold(current).equals(base) || current.equals(current.toUpperCase(java.util.Locale.ROOT))
                    && FoldedText.fold(candidate).equals(base) && !candidate.equals(current) && hasAccent(candidate) && !hasAccent(current)) {
                if (current == null || FoldedText.fold(candidate).equals(base)) {
                    displayByBase.put(base, candidate);
                }
            }
        }

        private static boolean hasAccent(String s) {
            return !FoldedText.fold(s).equals(s.toLowerCase(java.util.Locale.ROOT));
        }

        private static String display(String substanceName, String base) {
            String name = substanceName.strip();
            return FoldedText.fold(name).equals(base) ? name : base.toUpperCase(java.util.Locale.ROOT);
        }
    }

    private static final class EntryBuilder {
        private String display;
        private EntryKind kind;
        private final Set<String> substances = new LinkedHashSet<>();
        private final Set<String> cis = new LinkedHashSet<>();

        EntryBuilder(String display, EntryKind kind) {
            this.display = display;
            this.kind = kind;
        }

        Entry build(Set<String> marketed) {
            List<String> sorted = new ArrayList<>(cis.size());
            for (String c : cis) {
                if (marketed.contains(c)) {
                    sorted.add(c);
                }
            }
            for (String c : cis) {
                if (!marketed.contains(c)) {
                    sorted.add(c);
                }
            }
            return new Entry(display, kind, List.copyOf(substances), List.copyOf(sorted));
        }
    }

    /** Folds a name and separates its words by single spaces, as the matcher builds its keys. */
    static String normalise(String name) {
        List<Token> tokens = Tokenizer.tokenize(name);
        StringBuilder key = new StringBuilder();
        for (Token t : tokens) {
            if (t.isWord() || t.isNumber()) {
                if (!key.isEmpty()) {
                    key.append(' ');
                }
                key.append(t.text());
            }
        }
        return key.toString();
    }

    /** The words of a BDPM denomination before its strength and form: « DOLIPRANE 1000 mg, comprimé » → « doliprane ». */
    static String productPrefix(String name) {
        int comma = name.indexOf(',');
        String head = comma > 0 ? name.substring(0, comma) : name;
        List<Token> tokens = Tokenizer.tokenize(head);
        StringBuilder key = new StringBuilder();
        for (Token t : tokens) {
            if (t.isNumber()) {
                break;
            }
            if (t.isWord()) {
                if (!key.isEmpty()) {
                    key.append(' ');
                }
                key.append(t.text());
            } else if (t.is("(") || t.is("[")) {
                break;
            }
        }
        return key.toString();
    }

    private static String displayName(String name) {
        int comma = name.indexOf(',');
        String head = comma > 0 ? name.substring(0, comma) : name;
        StringBuilder out = new StringBuilder();
        for (String word : head.strip().split("\\s+")) {
            if (!word.isEmpty() && Character.isDigit(word.charAt(0))) {
                break;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }
}
