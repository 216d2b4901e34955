package fr.avec.verify;

import fr.avec.text.FoldedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces the BDPM's substance names to the name a clinician writes: salts and hydrates dropped
 * (« CHLORHYDRATE DE METFORMINE », « METFORMINE BASE » and « AMOXICILLINE TRIHYDRATÉE » give « metformine »
 * and « amoxicilline »), and English spellings derived (« amoxicillin », « ibuprofen »).
 */
final class SubstanceNames {

    private static final Pattern SALT_PREFIX = Pattern.compile(
            "^(?:mono|di|tri|hemi|sesqui)?(?:chlorhydrate|bromhydrate|iodhydrate|sulfate|hydrogenosulfate|maleate|hydrogenomaleate"
            + "|tartrate|hydrogenotartrate|bitartrate|citrate|dihydrogenocitrate|fumarate|hemifumarate|besilate|besylate|mesilate|mesylate"
            + "|dimesilate|succinate|acetate|phosphate|dihydrogenophosphate|nitrate|lactate|gluconate|chlorure|bromure|iodure"
            + "|oxalate|pamoate|embonate|tosilate|tosylate|valerate|propionate|dipropionate|furoate|butyrate|stearate|palmitate"
            + "|decanoate|enantate|enanthate|carbonate|malate|camsilate|benzoate|salicylate|hyclate|edisilate|xinafoate|lysinate"
            + "|aspartate|glycinate|saccharinate|undecylenate|orotate|pivalate|hexanoate|napsilate|isethionate|mesylate|maleate acide)"
            + "\\s+(?:de\\s+|d')");
    private static final Pattern SALT_SUFFIX = Pattern.compile(
            "\\s+(?:sodique|disodique|trisodique|potassique|dipotassique|calcique|magnesique|lithique|zincique|ferreux|base|anhydre"
            + "|(?:mono|di|tri|tetra|penta|hexa|hepta|hemi|sesqui)?hydrate(?:e|s|es)?|micronise(?:e)?|hyclate|chlorhydrate"
            + "|arginine|lysine|trometamol|meglumine|tert-butylamine|erbumine|sel de sodium|sel de potassium|sous forme de .*"
            + "|\\(.*\\)|amorphe|cristallis(?:e|ee))$");
    private static final Set<String> IONS = Set.of("sodium", "potassium", "calcium", "magnesium", "zinc", "fer", "lithium",
            "aluminium", "ammonium", "argent", "cuivre", "sodium anhydre", "fluor");

    private SubstanceNames() {
    }

    /** The folded base name of a BDPM substance name (salts, hydrates and « base » removed). */
    static String base(String substanceName) {
        String name = FoldedText.fold(substanceName).trim().replaceAll("\\s+", " ");
        for (int round = 0; round < 3; round++) {
            String before = name;
            Matcher suffix = SALT_SUFFIX.matcher(name);
            if (suffix.find() && suffix.start() > 0) {
                name = name.substring(0, suffix.start()).trim();
            }
            Matcher prefix = SALT_PREFIX.matcher(name);
            if (prefix.find()) {
                String rest = name.substring(prefix.end()).trim();
                if (!rest.isEmpty() && !IONS.contains(rest)) {
                    name = rest;
                }
            }
            if (name.equals(before)) {
                break;
            }
        }
        return name;
    }

    /** English spellings of a folded French substance name (« amoxicilline » → « amoxicillin »). */
    static List<String> englishVariants(String folded) {
        List<String> variants = new ArrayList<>(2);
        String english = folded;
        if (english.startsWith("acide ") && english.endsWith("ique")) {
            english = english.substring("acide ".length(), english.length() - 4) + "ic acid";
        } else if (english.endsWith("ine") || english.endsWith("ene")) {
            // Both « morphine » and « metformin »: English keeps the final e of some -ine names only.
            english = english.substring(0, english.length() - 1);
        }
        if (!english.equals(folded)) {
            variants.add(english.toLowerCase(Locale.ROOT));
        }
        return variants;
    }
}
