package fr.avec.protect;

import java.util.List;

/** Built-in surrogate values used when the reference lexicons are absent, so that surrogates still look real. */
final class DefaultNames {

    private DefaultNames() {
    }

    static final List<String> MALE = List.of("Julien", "Nicolas", "Thomas", "Antoine", "Mathieu", "Olivier", "Laurent",
            "Sébastien", "Vincent", "Guillaume", "Maxime", "Romain", "Benoît", "Damien", "Fabrice", "Gilles", "Hervé",
            "Jérôme", "Lionel", "Pascal", "Arnaud", "Cédric", "Didier", "Emmanuel", "François", "Gaël", "Hugo", "Yann");
    static final List<String> FEMALE = List.of("Camille", "Julie", "Sandrine", "Nathalie", "Isabelle", "Céline", "Aurélie",
            "Émilie", "Caroline", "Delphine", "Florence", "Hélène", "Laure", "Mélanie", "Sophie", "Valérie", "Virginie",
            "Agnès", "Béatrice", "Claire", "Élodie", "Fanny", "Gaëlle", "Inès", "Juliette", "Léa", "Manon", "Pauline");
    static final List<String> FAMILY = List.of("Lefèvre", "Mercier", "Garnier", "Faure", "Rousseau", "Guérin", "Muller",
            "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez",
            "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire",
            "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Perez",
            "Marchand", "Dufour", "Blanchard", "Marie", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux",
            "Colin", "Fernandez", "Pierre", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc");
    static final List<String[]> PLACES = List.of(new String[] {"72000", "Le Mans"}, new String[] {"86000", "Poitiers"},
            new String[] {"21000", "Dijon"}, new String[] {"37000", "Tours"}, new String[] {"87000", "Limoges"},
            new String[] {"25000", "Besançon"}, new String[] {"80000", "Amiens"}, new String[] {"64000", "Pau"},
            new String[] {"17000", "La Rochelle"}, new String[] {"29200", "Brest"}, new String[] {"63000", "Clermont-Ferrand"},
            new String[] {"49000", "Angers"}, new String[] {"56100", "Lorient"}, new String[] {"18000", "Bourges"});
    static final List<String> HOSPITALS = List.of("Centre Hospitalier de Vierzon", "Clinique des Tilleuls",
            "Hôpital Saint-Joseph", "Centre Hospitalier de Cholet", "Clinique du Parc", "Hôpital des Armées Bégin",
            "CHU de Poitiers", "CHU de Brest", "Hôpital Sainte-Marguerite", "Institut Sainte-Catherine", "Hôpital Émile Roux",
            "Centre Hospitalier d'Agen", "Polyclinique de l'Atlantique");
    static final List<String> STREETS = List.of("rue des Lilas", "avenue Jean Jaurès", "rue de la République",
            "boulevard Gambetta", "rue Pasteur", "allée des Tilleuls", "chemin des Vignes", "rue du Moulin",
            "place de l'Église", "impasse des Acacias", "rue Victor Hugo", "avenue de la Gare");
}
