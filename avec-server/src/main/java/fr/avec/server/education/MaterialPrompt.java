package fr.avec.server.education;

import fr.avec.verify.readability.Audience;

/** The instructions and message sent to the model for a piece of patient material, by audience and format. */
final class MaterialPrompt {

    private MaterialPrompt() {
    }

    static String system(Material m) {
        String audience = switch (m.audience()) {
            case ADULT -> "des patients adultes : phrases courtes (25 mots au plus), mots courants, chaque terme médical expliqué.";
            case CHILD -> "des enfants : phrases de 15 mots au plus, mots simples, ton rassurant, chaque terme médical expliqué.";
            case FALC -> "des personnes qui lisent difficilement, en « facile à lire et à comprendre » (FALC) : une idée par phrase, "
                    + "12 mots au plus par phrase, mots de tous les jours, pas d'abréviation, pas de pourcentage, "
                    + "chaque mot difficile expliqué juste après lui, chiffres écrits en chiffres.";
            case OTHER_LANGUAGE -> "des patients qui lisent en " + (m.language() == null ? "une autre langue" : m.language())
                    + " : écris dans cette langue, phrases courtes, mots courants.";
        };
        String format = m.format() == Material.Format.PATHWAY
                ? "une fiche parcours de soins : les étapes dans l'ordre, qui fait quoi, quand, et qui appeler."
                : "une fiche d'information : ce qu'est le problème, ce qu'il faut faire, ce qu'il faut surveiller, quand consulter.";
        return "Tu rédiges un document d'information pour " + audience + "\nLe document est " + format + """

                Règles :
                - Un titre de section par ligne, commençant par « ## ».
                - N'utilise que les informations des sources fournies par le professionnel pour les médicaments, les doses et les chiffres.
                - N'invente aucun médicament, aucune dose, aucun chiffre.
                - Pas de nom de patient ni de donnée personnelle.""";
    }

    static String message(Material m) {
        return "Sujet : " + m.topic() + "\n\nSources fournies par le professionnel :\n"
                + (m.sources() == null || m.sources().isBlank() ? "(aucune)" : m.sources());
    }

    static boolean easyToRead(Audience a) {
        return a == Audience.FALC;
    }
}
