package fr.avec.server.literature;

import java.util.List;

/**
 * The instructions and the message sent to the model for a synthesis: answer the question from the chosen
 * references only, in French, citing every claim as [n], never inventing a reference or a figure.
 */
final class SynthesisPrompt {

    /** Abstract or full text sent per reference; a PDF's whole text would crowd out the others. */
    static final int MAX_SOURCE_CHARACTERS = 6000;

    static final String SYSTEM = """
            Tu rédiges une synthèse de la littérature scientifique pour un professionnel de santé, en français.
            Règles :
            - Utilise uniquement les références fournies, numérotées [1] à [n] ; n'en invente aucune.
            - Cite chaque affirmation par le numéro de sa référence entre crochets, par exemple [2] ou [1, 3], à la fin de la phrase.
            - Ne rapporte un chiffre (effectif, pourcentage, valeur) que s'il figure dans la référence citée.
            - Signale les limites des études et les désaccords entre références.
            - Structure : un paragraphe de contexte, les résultats principaux, puis une conclusion prudente.
            - Pas de bibliographie à la fin : elle est ajoutée automatiquement.""";

    private SynthesisPrompt() {
    }

    static String message(Synthesis s, List<SynthesisReference> chosen) {
        StringBuilder out = new StringBuilder();
        out.append("Question : ").append(s.question()).append('\n');
        if (s.hasPico()) {
            appendField(out, "Population", s.population());
            appendField(out, "Intervention", s.intervention());
            appendField(out, "Comparateur", s.comparison());
            appendField(out, "Critère de jugement", s.outcome());
        }
        out.append("\nRéférences :\n");
        for (int k = 0; k < chosen.size(); k++) {
            var r = chosen.get(k).reference();
            String text = r.text().length() > MAX_SOURCE_CHARACTERS ? r.text().substring(0, MAX_SOURCE_CHARACTERS) + " [...]" : r.text();
            out.append('[').append(k + 1).append("] ").append(r.title());
            if (!r.year().isEmpty()) {
                out.append(" (").append(r.year()).append(')');
            }
            out.append('\n').append(text.isBlank() ? "(résumé non disponible)" : text).append("\n\n");
        }
        return out.toString();
    }

    private static void appendField(StringBuilder out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.append(label).append(" : ").append(value).append('\n');
        }
    }
}
