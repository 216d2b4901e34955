package fr.avec.estimate;

import java.util.List;

/**
 * The System Usability Scale (Brooke, 1996): ten statements answered from 1 (pas du tout d'accord) to
 * 5 (tout à fait d'accord), scored 0–100. The French wording is ours, following the validated French
 * adaptation's meaning (Gronier &amp; Baudet, 2021); the adjective grades are Bangor, Kortum &amp; Miller (2009).
 */
public final class UsabilityScale {

    /** The ten statements in French, in the standard order (odd ones positive, even ones negative). */
    public static final List<String> STATEMENTS_FR = List.of(
            "Je pense que j'aimerais utiliser cet outil fréquemment.",
            "J'ai trouvé cet outil inutilement complexe.",
            "J'ai trouvé cet outil facile à utiliser.",
            "Je pense que j'aurais besoin de l'aide d'une personne technique pour pouvoir utiliser cet outil.",
            "J'ai trouvé que les différentes fonctions de cet outil étaient bien intégrées.",
            "J'ai trouvé qu'il y avait trop d'incohérences dans cet outil.",
            "J'imagine que la plupart des gens apprendraient à utiliser cet outil très rapidement.",
            "J'ai trouvé cet outil très lourd à utiliser.",
            "Je me suis senti(e) très en confiance en utilisant cet outil.",
            "J'ai dû apprendre beaucoup de choses avant de pouvoir utiliser cet outil.");

    /** The ten statements in English (Brooke's original wording). */
    public static final List<String> STATEMENTS_EN = List.of(
            "I think that I would like to use this system frequently.",
            "I found the system unnecessarily complex.",
            "I thought the system was easy to use.",
            "I think that I would need the support of a technical person to be able to use this system.",
            "I found the various functions in this system were well integrated.",
            "I thought there was too much inconsistency in this system.",
            "I would imagine that most people would learn to use this system very quickly.",
            "I found the system very cumbersome to use.",
            "I felt very confident using the system.",
            "I needed to learn a lot of things before I could get going with this system.");

    private UsabilityScale() {
    }

    /**
     * The SUS score of one questionnaire: odd items contribute (answer − 1), even items (5 − answer),
     * and the sum is multiplied by 2.5.
     *
     * @throws IllegalArgumentException unless there are exactly ten answers from 1 to 5
     */
    public static double score(List<Integer> answers) {
        if (answers.size() != 10) {
            throw new IllegalArgumentException("the SUS has 10 statements, got " + answers.size() + " answers");
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int answer = answers.get(i);
            if (answer < 1 || answer > 5) {
                throw new IllegalArgumentException("answer " + (i + 1) + " is " + answer + ", expected 1 to 5");
            }
            sum += i % 2 == 0 ? answer - 1 : 5 - answer;
        }
        return sum * 2.5;
    }

    /** Bangor's adjective for a score: « excellent » from 85.5, « bon » from 71.4, « correct » from 50.9, else « médiocre ». */
    public static String adjectiveFr(double score) {
        if (score >= 85.5) {
            return "excellent";
        }
        if (score >= 71.4) {
            return "bon";
        }
        if (score >= 50.9) {
            return "correct";
        }
        return "médiocre";
    }
}
