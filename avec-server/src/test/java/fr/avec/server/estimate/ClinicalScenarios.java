package fr.avec.server.estimate;

import java.util.List;

/**
 * Consultations for the activity generator: a transcript as a clinician and a patient would speak it, the
 * draft a good model writes from it, and the mistakes a weaker model makes (a wrong dose, a value absent
 * from the transcript, an invented drug) with the text the clinician restores. Written for these tests;
 * no real patient.
 */
final class ClinicalScenarios {

    private ClinicalScenarios() {
    }

    /**
     * One consultation.
     *
     * @param marker   words only this transcript contains (how the simulated model knows which one it got)
     * @param template the workbench template code it is drafted with
     * @param mistakes pairs (wrong text put in the draft, right text) a weaker model gets wrong
     * @param addition a sentence a careful clinician adds to the draft
     */
    record Scenario(String marker, String template, String transcript, String draft, List<String[]> mistakes, String addition) {

        /** The draft with the first {@code count} mistakes planted. */
        String draftWithMistakes(int count) {
            String text = draft;
            for (int i = 0; i < Math.min(count, mistakes.size()); i++) {
                text = text.replace(mistakes.get(i)[1], mistakes.get(i)[0]);
            }
            return text;
        }

        /**
         * What a regressed model writes: every mistake, and the history and examination left out (the kind of
         * silent omission a drift replay must catch).
         */
        String degraded() {
            return String.join("\n", draftWithMistakes(mistakes.size()).lines()
                    .filter(line -> !line.startsWith("Antécédents") && !line.startsWith("Examen clinique")).toList());
        }
    }

    static final List<Scenario> ALL = List.of(
            new Scenario("mal à la gorge depuis trois jours", "consultation", """
                    Médecin : Bonjour, qu'est-ce qui vous amène ?
                    Patient : J'ai mal à la gorge depuis trois jours, avec de la fièvre à 38,5.
                    Médecin : Vous avez des antécédents ?
                    Patient : De l'hypertension, je prends de l'amlodipine 5 mg le matin.
                    Médecin : Pas d'allergie connue ?
                    Patient : Non, aucune allergie.
                    Médecin : Les amygdales sont rouges avec des points blancs et le test rapide est positif. C'est une angine à streptocoque. \
                    Je vous prescris de l'amoxicilline 1 g matin et soir pendant 6 jours, et du paracétamol 1 g si besoin, sans dépasser 3 g par jour.
                    """, """
                    Motif : mal de gorge depuis trois jours avec fièvre à 38,5.
                    Antécédents : hypertension traitée par amlodipine 5 mg le matin. Pas d'allergie connue.
                    Histoire de la maladie : mal de gorge et fièvre depuis trois jours.
                    Examen clinique : amygdales rouges avec points blancs, test rapide positif.
                    Conclusion : angine à streptocoque.
                    Conduite à tenir / traitement : amoxicilline 1 g matin et soir pendant 6 jours. Paracétamol 1 g si besoin, sans dépasser 3 g par jour.""",
                    List.of(new String[] {"amoxicilline 1,5 g", "amoxicilline 1 g"}, new String[] {"Relais par Zorbicilline. Paracétamol", "Paracétamol"},
                            new String[] {"fièvre à 39,2", "fièvre à 38,5"}),
                    " Reconsulter si la fièvre persiste au-delà de 48 heures."),
            new Scenario("essoufflement quand je monte les escaliers", "suivi", """
                    Médecin : Comment ça va depuis la dernière fois ?
                    Patiente : Un peu d'essoufflement quand je monte les escaliers, surtout le soir.
                    Médecin : Vous prenez bien le furosémide 40 mg le matin et le bisoprolol 2,5 mg ?
                    Patiente : Oui, tous les jours.
                    Médecin : Votre poids est de 72 kilos, deux de plus qu'il y a un mois. La tension est à 135 sur 80. Quelques crépitants aux bases.
                    Médecin : On augmente le furosémide à 60 mg le matin pendant une semaine, et on contrôle la créatinine et le potassium.
                    """, """
                    Motif : suivi d'insuffisance cardiaque, essoufflement à l'effort.
                    Antécédents : insuffisance cardiaque traitée par furosémide 40 mg le matin et bisoprolol 2,5 mg.
                    Histoire de la maladie (évolution depuis la dernière consultation) : essoufflement en montant les escaliers, surtout le soir.
                    Examen clinique : poids 72 kg, en hausse de 2 kg en un mois. Tension artérielle 135/80. Crépitants aux bases.
                    Conclusion : décompensation cardiaque débutante.
                    Conduite à tenir / traitement (changements de traitement explicites) : furosémide augmenté à 60 mg le matin pendant une semaine. \
                    Contrôle de la créatinine et du potassium.""",
                    List.of(new String[] {"furosémide augmenté à 80 mg", "furosémide augmenté à 60 mg"},
                            new String[] {"poids 78 kg", "poids 72 kg"}, new String[] {"bisoprolol 2,5 mg et Cardiofixine 10 mg", "bisoprolol 2,5 mg"}),
                    " Régime pauvre en sel rappelé."),
            new Scenario("la glycémie à jeun était à 1,45", "suivi", """
                    Médecin : Alors, ces résultats de prise de sang ?
                    Patient : La glycémie à jeun était à 1,45 et l'hémoglobine glyquée à 7,8 %.
                    Médecin : Vous prenez la metformine 1000 mg matin et soir ?
                    Patient : Oui, mais j'ai parfois des douleurs au ventre.
                    Médecin : Je vais ajouter de la sitagliptine 100 mg une fois par jour. Poids 91 kilos. On se revoit dans trois mois avec une nouvelle hémoglobine glyquée.
                    """, """
                    Motif : suivi de diabète de type 2.
                    Antécédents : diabète de type 2 traité par metformine 1000 mg matin et soir.
                    Histoire de la maladie (évolution depuis la dernière consultation) : glycémie à jeun 1,45 g/L, hémoglobine glyquée 7,8 %. Douleurs abdominales intermittentes.
                    Examen clinique : poids 91 kg.
                    Conclusion : diabète de type 2 insuffisamment équilibré.
                    Conduite à tenir / traitement (changements de traitement explicites) : ajout de sitagliptine 100 mg une fois par jour. \
                    Hémoglobine glyquée de contrôle dans trois mois.""",
                    List.of(new String[] {"hémoglobine glyquée 8,7 %", "hémoglobine glyquée 7,8 %"},
                            new String[] {"sitagliptine 200 mg", "sitagliptine 100 mg"}, new String[] {"metformine 1000 mg matin et soir et Glucorexine", "metformine 1000 mg matin et soir"}),
                    " Conseils diététiques donnés."),
            new Scenario("mal au dos depuis que j'ai porté", "courrier", """
                    Médecin : Racontez-moi.
                    Patient : J'ai mal au dos depuis que j'ai porté des cartons il y a dix jours, ça descend dans la jambe gauche.
                    Médecin : Des fourmillements, une faiblesse ?
                    Patient : Des fourmillements dans le pied gauche.
                    Médecin : Le Lasègue est positif à gauche à 40 degrés, pas de déficit moteur. Je vous mets de l'ibuprofène 400 mg trois fois par jour pendant 5 jours \
                    et je vous adresse au rhumatologue pour avis, avec une IRM lombaire.
                    """, """
                    Cher confrère,
                    Motif : lombosciatique gauche.
                    Antécédents : non renseigné.
                    Histoire de la maladie : douleur lombaire depuis un port de charge il y a dix jours, irradiant dans la jambe gauche, avec fourmillements du pied gauche.
                    Examen clinique : Lasègue positif à gauche à 40 degrés, pas de déficit moteur.
                    Conclusion : lombosciatique gauche sans signe de gravité.
                    Conduite à tenir / traitement (et question posée au spécialiste) : ibuprofène 400 mg trois fois par jour pendant 5 jours. \
                    IRM lombaire demandée ; je vous remercie de votre avis.
                    Confraternellement.""",
                    List.of(new String[] {"ibuprofène 800 mg", "ibuprofène 400 mg"}, new String[] {"positif à gauche à 60 degrés", "positif à gauche à 40 degrés"},
                            new String[] {"5 jours et Dorsalgine", "5 jours"}),
                    " Arrêt de travail de 7 jours."),
            new Scenario("toux sèche depuis deux semaines", "consultation", """
                    Médecin : Qu'est-ce qui vous amène ?
                    Patiente : Une toux sèche depuis deux semaines, surtout la nuit. Je suis sous ramipril 5 mg depuis un mois.
                    Médecin : Pas de fièvre ? Vous fumez ?
                    Patiente : Pas de fièvre, je ne fume pas.
                    Médecin : L'auscultation est normale, saturation à 98 %. C'est probablement une toux due au ramipril. On l'arrête et on passe au losartan 50 mg par jour.
                    """, """
                    Motif : toux sèche depuis deux semaines, à prédominance nocturne.
                    Antécédents : hypertension traitée par ramipril 5 mg depuis un mois. Non fumeuse.
                    Histoire de la maladie : toux sèche sans fièvre.
                    Examen clinique : auscultation normale, saturation 98 %.
                    Conclusion : toux probablement induite par le ramipril.
                    Conduite à tenir / traitement : arrêt du ramipril, relais par losartan 50 mg par jour.""",
                    List.of(new String[] {"losartan 100 mg", "losartan 50 mg"}, new String[] {"saturation 94 %", "saturation 98 %"},
                            new String[] {"par jour et Tussipaxine", "par jour"}),
                    " Réévaluation de la toux dans un mois."));
}
