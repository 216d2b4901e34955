package fr.avec.protect;

import fr.avec.data.lexicon.Commune;
import fr.avec.data.lexicon.FirstName;
import fr.avec.data.lexicon.HealthEstablishment;
import fr.avec.data.lexicon.Lexicons;
import fr.avec.data.lexicon.PostalCode;
import fr.avec.text.FoldedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Feeds a {@link Protector.Builder} from the reference lexicons and draws the surrogate pools: frequent first
 * names, family names, communes and establishments that are not ordinary French words, so that a surrogate
 * written back by a model is never confused with a word when re-identifying.
 */
final class LexiconPools {

    private static final int FIRST_NAME_POOL = 400;
    private static final int FAMILY_NAME_POOL = 4000;
    private static final int PLACE_POOL = 3000;
    private static final Set<String> ACRONYMS = Set.of("CH", "CHU", "CHR", "CHI", "CHS", "CHG", "CHD", "CHRU", "CLCC", "GH", "GHU",
            "AP-HP", "HCL", "SSR", "EHPAD", "CMC", "HIA", "CHIC", "CHIV", "GCS", "APHM", "CHT", "USLD", "MCO", "HAD");

    private LexiconPools() {
    }

    static Protector.Builder fill(Protector.Builder builder, Lexicons lexicons) {
        FrenchWords words = FrenchWords.load();
        for (FirstName f : lexicons.firstNames()) {
            if (f.name().startsWith("_")) {
                continue; // « _PRENOMS_RARES »
            }
            if (f.sex() == FirstName.Sex.MALE) {
                builder.maleFirstName(f.name(), f.births());
            } else {
                builder.femaleFirstName(f.name(), f.births());
            }
        }
        Set<String> firstNameKeys = new HashSet<>();
        for (FirstName f : lexicons.firstNames()) {
            firstNameKeys.add(FoldedText.fold(f.name()));
        }
        for (String name : lexicons.familyNames()) {
            builder.familyName(name);
        }
        Map<String, String> communeByInsee = new HashMap<>();
        for (Commune c : lexicons.communes()) {
            builder.commune(c.name());
            if ("COM".equals(c.type())) {
                communeByInsee.put(c.inseeCode(), c.name());
            }
        }
        for (PostalCode p : lexicons.postalCodes()) {
            builder.postalCode(p.code(), p.communeName());
        }
        List<String> hospitals = new ArrayList<>();
        for (HealthEstablishment e : lexicons.establishments()) {
            builder.establishment(e.finess());
            hospitals.add(establishmentName(e.name()));
        }

        List<String> male = topFirstNames(lexicons, FirstName.Sex.MALE, words);
        List<String> female = topFirstNames(lexicons, FirstName.Sex.FEMALE, words);
        List<String> family = new ArrayList<>();
        List<String> names = lexicons.familyNames();
        int step = Math.max(1, names.size() / (FAMILY_NAME_POOL * 3));
        for (int i = 0; i < names.size() && family.size() < FAMILY_NAME_POOL; i += step) {
            String n = names.get(i);
            String key = FoldedText.fold(n);
            if (n.length() >= 4 && n.length() <= 10 && n.chars().allMatch(Character::isLetter) && !words.isWord(n)
                    && !firstNameKeys.contains(key)) {
                family.add(Surrogates.titleCase(n.toLowerCase(Locale.ROOT)));
            }
        }
        List<String[]> places = new ArrayList<>();
        List<PostalCode> codes = lexicons.postalCodes();
        int placeStep = Math.max(1, codes.size() / (PLACE_POOL * 2));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size() && places.size() < PLACE_POOL; i += placeStep) {
            PostalCode p = codes.get(i);
            String name = communeByInsee.get(p.inseeCode());
            if (name == null || !seen.add(name) || name.length() < 4 || words.isWord(name) || firstNameKeys.contains(FoldedText.fold(name))) {
                continue;
            }
            places.add(new String[] {p.code(), name});
        }
        builder.surrogates(male, female, family, places, hospitals);
        return builder;
    }

    private static List<String> topFirstNames(Lexicons lexicons, FirstName.Sex sex, FrenchWords words) {
        return lexicons.firstNames().stream()
                .filter(f -> f.sex() == sex && !f.name().startsWith("_") && f.name().length() >= 3)
                .sorted(Comparator.comparingLong(FirstName::births).reversed())
                .map(f -> Surrogates.titleCase(f.name().toLowerCase(Locale.ROOT)))
                .filter(n -> !words.isWord(n))
                .collect(java.util.stream.Collectors.toMap(FoldedText::fold, n -> n, (x, y) -> x, java.util.LinkedHashMap::new))
                .values().stream()
                .limit(FIRST_NAME_POOL)
                .toList();
    }

    /** « CH DU HAUT BUGEY » becomes « CH du Haut Bugey ». */
    static String establishmentName(String raw) {
        StringBuilder sb = new StringBuilder();
        for (String w : raw.strip().split("\\s+")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (ACRONYMS.contains(w)) {
                sb.append(w);
            } else if (Set.of("DE", "DU", "DES", "LA", "LE", "LES", "D'", "ET", "EN", "SUR", "SOUS", "AUX", "AU").contains(w)) {
                sb.append(w.toLowerCase(Locale.ROOT));
            } else {
                sb.append(Surrogates.titleCase(w.toLowerCase(Locale.ROOT)));
            }
        }
        return sb.toString();
    }
}
