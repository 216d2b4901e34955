package fr.avec.server.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Avec reads from Pro Santé Connect, the OpenID Connect federation of French health professionals
 * run by the Agence du numérique en santé (ANS). Its UserInfo (scope {@code scope_all}) gives
 * {@code SubjectNameID}, the national identifier of the professional (IdNat_PS: {@code 8} followed by the
 * RPPS number for professionals in the RPPS), {@code given_name}, {@code family_name}, and
 * {@code SubjectRefPro.exercices[]}: one entry per profession practised, with {@code codeProfession}
 * (nomenclature TRE_G15 of the ANS: 10 médecin, 21 pharmacien, 40 chirurgien-dentiste, 50 sage-femme,
 * 60 infirmier...). Sources are listed in SECURITY.md.
 */
public final class ProSanteConnect {

    /** Health professions that get the clinician role unless configured otherwise. */
    static final Map<String, String> DEFAULT_PROFESSION_ROLES = orderedMap(
            "10", "clinician", "21", "clinician", "40", "clinician", "50", "clinician", "60", "clinician");

    /** Labels of the commonest profession codes (TRE_G15), for the signature of documents. */
    static final Map<String, String> PROFESSION_LABELS = orderedMap(
            "10", "médecin", "21", "pharmacien", "26", "audioprothésiste", "28", "opticien-lunetier", "40", "chirurgien-dentiste",
            "50", "sage-femme", "60", "infirmier", "69", "infirmier psychiatrique", "70", "masseur-kinésithérapeute",
            "80", "pédicure-podologue", "91", "orthophoniste", "92", "orthoptiste", "94", "ergothérapeute", "95", "diététicien",
            "96", "psychomotricien", "98", "manipulateur ERM");

    private ProSanteConnect() {
    }

    /** The national identifier ({@code SubjectNameID}), if present. */
    public static Optional<String> nationalId(Map<String, Object> claims) {
        return text(claims.get("SubjectNameID"));
    }

    /** The RPPS number inside an IdNat_PS of type 8, if it is one. */
    public static Optional<String> rpps(String nationalId) {
        return nationalId != null && nationalId.length() == 12 && nationalId.startsWith("8") && nationalId.chars().allMatch(Character::isDigit)
                ? Optional.of(nationalId.substring(1)) : Optional.empty();
    }

    /** The profession codes of every practice ({@code SubjectRefPro.exercices[].codeProfession}), in order. */
    public static List<String> professions(Map<String, Object> claims) {
        List<String> codes = new ArrayList<>();
        if (claims.get("SubjectRefPro") instanceof Map<?, ?> ref && ref.get("exercices") instanceof List<?> practices) {
            for (Object practice : practices) {
                if (practice instanceof Map<?, ?> map) {
                    text(map.get("codeProfession")).ifPresent(codes::add);
                }
            }
        }
        return codes;
    }

    /** The label of a profession code, or the code itself when unknown. */
    public static String professionLabel(String code) {
        return PROFESSION_LABELS.getOrDefault(code, "profession " + code);
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
