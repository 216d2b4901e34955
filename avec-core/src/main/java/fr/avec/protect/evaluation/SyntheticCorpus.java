package fr.avec.protect.evaluation;

import fr.avec.data.lexicon.Commune;
import fr.avec.data.lexicon.FirstName;
import fr.avec.data.lexicon.HealthEstablishment;
import fr.avec.data.lexicon.Lexicons;
import fr.avec.data.lexicon.PostalCode;
import fr.avec.protect.Label;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates annotated synthetic French clinical documents: discharge and consultation letters, reports with
 * header tables, consultation transcripts (no punctuation, numbers in words), nursing notes and prescriptions.
 * Values come from the reference lexicons; identifiers carry valid (and, in context, some invalid) checksums;
 * medical traps (eponyms, drugs, doses, common words that are surnames) are mixed in and must stay.
 */
public final class SyntheticCorpus {

    /** The most frequent French surnames, many of them ordinary words too (Blanc, Petit, Marie, Paris...). */
    private static final List<String> COMMON_SURNAMES = List.of("Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard",
            "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand",
            "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller",
            "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand",
            "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier",
            "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun",
            "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard",
            "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert",
            "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc",
            "Payet", "Rolland", "Guillaume", "Lecomte", "Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier",
            "Sanchez", "Dupuis", "Moulin", "Louis", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer",
            "Klein", "Jacquet", "Adam", "Paris", "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Charles", "Renault",
            "Charpentier", "Ménard", "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez", "Le Gall",
            "Collet", "Léger", "Bouvier", "Julien", "Prévost", "Millet", "Perrot", "Daniel", "Le Roux", "Cousin", "Germain",
            "Breton", "Besson", "Langlois", "Rémy", "Le Goff", "Pelletier", "Lévêque", "Perrier", "Leblanc", "Barré", "Lebrun",
            "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier", "Michaud", "Rodriguez", "Guichard",
            "Gillet", "Étienne", "Grondin", "Poulain", "Tessier", "Chevallier", "Collin", "Chauvin", "Da Silva", "Bouchet",
            "Gay", "Lemaître", "Bénard", "Maréchal", "Humbert", "Reynaud", "Antoine", "Hoarau", "Perret", "Barthélemy",
            "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Carlier", "Laporte", "Fort", "Grand",
            "Rose", "Bon", "Lenoir", "Bousquet", "N'Diaye", "Nguyen", "Benali", "Diallo", "Traoré", "Haddad", "De La Fontaine");
    private static final List<String> BIG_CITIES = List.of("75013|Paris", "69003|Lyon", "13005|Marseille", "31000|Toulouse",
            "33000|Bordeaux", "59000|Lille", "44000|Nantes", "67000|Strasbourg", "34000|Montpellier", "35000|Rennes",
            "06000|Nice", "38000|Grenoble", "42000|Saint-Étienne", "49000|Angers", "76000|Rouen", "51100|Reims",
            "29200|Brest", "87000|Limoges", "63000|Clermont-Ferrand", "21000|Dijon", "37000|Tours", "80000|Amiens");
    private static final List<String> STREET_NAMES = List.of("des Lilas", "Victor Hugo", "du Général Leclerc", "de la République",
            "Pasteur", "des Écoles", "du Moulin", "Jean Jaurès", "de la Gare", "Saint-Martin", "des Acacias", "du Château",
            "Gambetta", "de Verdun", "de la Paix", "des Tilleuls", "Émile Zola", "du 8 Mai 1945", "de l'Église", "des Peupliers",
            "Anatole France", "de Bretagne", "Foch", "du Stade", "des Vignes", "Jules Ferry", "de la Liberté", "Carnot");
    private static final List<String> STREET_TYPES = List.of("rue", "rue", "rue", "avenue", "boulevard", "allée", "impasse",
            "place", "chemin", "route", "bd", "av.", "quai");
    private static final List<String> MAIL_DOMAINS = List.of("gmail.com", "orange.fr", "wanadoo.fr", "free.fr", "yahoo.fr",
            "hotmail.fr", "laposte.net", "sfr.fr", "chu-bordeaux.fr", "aphp.fr");
    private static final String[] MONTHS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre"};
    private static final String[] UNITS = {"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
        "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"};
    private static final String[] TENS = {"", "", "vingt", "trente", "quarante", "cinquante", "soixante", "soixante", "quatre-vingt",
        "quatre-vingt"};

    /** Sentences of medical meaning that look like names, places or dates and must never be redacted. */
    private static final List<String> TRAPS = List.of(
            "Antécédent de maladie de Crohn traitée par azathioprine.",
            "Pas de signe de Babinski, réflexes ostéotendineux présents.",
            "Score de Glasgow à 15 à l'arrivée.",
            "Maladie de Parkinson évoluant depuis cinq ans sous Modopar.",
            "Suspicion de maladie d'Alzheimer, MMSE à 22/30.",
            "Lymphome de Hodgkin en rémission complète.",
            "Selles de couleur blanc mastic, urines foncées.",
            "Le teint est rose, les conjonctives sont colorées.",
            "Souffle systolique fort au foyer aortique.",
            "Un grand nombre de polynucléaires neutrophiles.",
            "Traitement : Kardégic 75 mg/j, Doliprane 1000 mg si douleur, Lasilix 40 mg le matin.",
            "Créatinine à 85 µmol/L, DFG 78 mL/min, CRP 12 mg/L, plaquettes 245 000/mm3.",
            "TA 12/8, FC 72/min, SpO2 98 % en air ambiant, température 37,2 °C.",
            "Mise en place d'une voie veineuse périphérique au cours de la prise en charge.",
            "Signe de Lasègue positif à droite à 40°.",
            "Syndrome de Guillain-Barré exclu, pas de maladie de Basedow.",
            "Thyroïdite de Hashimoto connue, sous Lévothyrox 75 µg.",
            "Examen selon la classification de Child-Pugh : score B7.",
            "Manœuvre de Valsalva sans effet, test de Schirmer normal.",
            "Pierre angulaire du traitement : la metformine 850 mg deux fois par jour.",
            "Martin-pêcheur excepté, aucun animal au domicile.",
            "Petit épanchement pleural droit, grand axe de 3 cm.",
            "Poids 72,5 kg, taille 1,68 m, IMC 25,7.",
            "HbA1c à 7,2 %, objectif inférieur à 7 %.",
            "Insuffisance cardiaque NYHA II, FEVG 45 %.",
            "Amoxicilline 1 g trois fois par jour pendant 7 jours.",
            "Le patient est vu en hôpital de jour pour bilan.",
            "Fracture de Pouteau-Colles du poignet gauche.",
            "Bilan en clinique de la douleur prévu.",
            "Antalgiques de palier II, Tramadol 50 mg.");

    private final SplittableRandom random;
    private final List<String> maleNames;
    private final List<String> femaleNames;
    private final List<String> familyNames;
    private final List<String[]> places;
    private final List<HealthEstablishment> establishments;

    public SyntheticCorpus(Lexicons lexicons, long seed) {
        this.random = new SplittableRandom(seed);
        this.maleNames = topFirstNames(lexicons, FirstName.Sex.MALE);
        this.femaleNames = topFirstNames(lexicons, FirstName.Sex.FEMALE);
        List<String> family = new ArrayList<>();
        for (String n : lexicons.familyNames()) {
            if (n.length() >= 3 && n.length() <= 14 && n.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == ' ')) {
                family.add(title(n));
            }
        }
        this.familyNames = family.isEmpty() ? COMMON_SURNAMES : family;
        Map<String, String> byInsee = new HashMap<>();
        for (Commune c : lexicons.communes()) {
            if ("COM".equals(c.type())) {
                byInsee.put(c.inseeCode(), c.name());
            }
        }
        List<String[]> p = new ArrayList<>();
        for (PostalCode code : lexicons.postalCodes()) {
            String name = byInsee.get(code.inseeCode());
            if (name != null) {
                p.add(new String[] {code.code(), name});
            }
        }
        this.places = p;
        this.establishments = lexicons.establishments();
    }

    private static List<String> topFirstNames(Lexicons lexicons, FirstName.Sex sex) {
        List<String> names = lexicons.firstNames().stream()
                .filter(f -> f.sex() == sex && !f.name().startsWith("_") && f.name().length() >= 2)
                .sorted(Comparator.comparingLong(FirstName::births).reversed())
                .limit(800)
                .map(f -> title(f.name()))
                .toList();
        if (!names.isEmpty()) {
            return names;
        }
        return sex == FirstName.Sex.MALE ? List.of("Jean", "Pierre", "Michel", "Nicolas", "Thomas", "Kevin")
                : List.of("Marie", "Sophie", "Nathalie", "Isabelle", "Camille", "Léa");
    }

    /** Generates {@code count} documents, genres in turn. */
    public List<AnnotatedDocument> generate(int count) {
        List<AnnotatedDocument> docs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = "synth-" + (i + 1);
            docs.add(switch (i % 5) {
                case 0 -> letter(id);
                case 1 -> report(id);
                case 2 -> transcript(id);
                case 3 -> note(id);
                default -> prescription(id);
            });
        }
        return docs;
    }

    // ---- people --------------------------------------------------------------------------------------------

    private record Person(String first, String family, boolean female) {
    }

    private Person person() {
        boolean female = random.nextBoolean();
        String first = pick(female ? femaleNames : maleNames);
        String family = random.nextInt(2) == 0 ? pick(COMMON_SURNAMES) : pick(familyNames);
        return new Person(first, family, female);
    }

    private String title(Person p) {
        return p.female ? pick(List.of("Mme", "Madame", "Mme", "Mlle")) : pick(List.of("M.", "Monsieur", "M.", "Mr"));
    }

    private String doctorTitle() {
        return pick(List.of("Dr", "Dr", "Dr.", "Docteur", "Pr", "Professeur"));
    }

    /** « Prénom NOM », « NOM Prénom », « Prénom Nom », « NOM » with their gold spans. */
    private void fullName(DocumentWriter w, Person p, int style) {
        switch (style) {
            case 0 -> w.e(Label.PRENOM, p.first).t(" ").e(Label.NOM, upper(p.family));
            case 1 -> w.e(Label.NOM, upper(p.family)).t(" ").e(Label.PRENOM, p.first);
            case 2 -> w.e(Label.PRENOM, p.first).t(" ").e(Label.NOM, p.family);
            default -> w.e(Label.NOM, p.family);
        }
    }

    // ---- values --------------------------------------------------------------------------------------------

    private String[] place() {
        if (places.isEmpty() || random.nextInt(3) == 0) {
            return pick(BIG_CITIES).split("\\|");
        }
        return pick(places);
    }

    private String street() {
        String type = pick(STREET_TYPES);
        String name = random.nextInt(5) == 0 ? "de la " + pick(List.of("Fontaine", "Poste", "Mairie", "Croix", "Forêt"))
                : pick(STREET_NAMES);
        String number = Integer.toString(1 + random.nextInt(150));
        if (random.nextInt(8) == 0) {
            number += pick(List.of(" bis", " ter", "B"));
        }
        return number + (random.nextInt(4) == 0 ? ", " : " ") + type + " " + name;
    }

    private String hospital() {
        int kind = random.nextInt(6);
        String city = place()[1];
        return switch (kind) {
            case 0 -> "CHU de " + city;
            case 1 -> "Centre Hospitalier de " + city;
            case 2 -> "Hôpital " + pick(List.of("Saint-Louis", "Saint-André", "Pellegrin", "Édouard Herriot", "Purpan", "Necker",
                    "de la Pitié-Salpêtrière", "Bichat", "Lariboisière", "Saint-Joseph", "Foch", "de Hautepierre"));
            case 3 -> "Clinique " + pick(List.of("du Parc", "des Cèdres", "Saint-Jean", "Pasteur", "de l'Union", "Belharra",
                    "Sainte-Anne", "du Val d'Ouest"));
            case 4 -> establishments.isEmpty() ? "CHU de " + city : establishmentName(pick(establishments).name());
            default -> "CH de " + city;
        };
    }

    private static String establishmentName(String raw) {
        StringBuilder sb = new StringBuilder();
        for (String w : raw.split("\\s+")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.length() <= 4 && w.equals(w.toUpperCase(Locale.ROOT)) && !List.of("DE", "DU", "LA", "LE", "DES", "ET").contains(w)
                    ? w : List.of("DE", "DU", "LA", "LE", "DES", "ET", "SUR").contains(w) ? w.toLowerCase(Locale.ROOT) : title(w));
        }
        return sb.toString();
    }

    private String phone() {
        String digits = "0" + (1 + random.nextInt(7)) + String.format("%08d", random.nextInt(100_000_000));
        return switch (random.nextInt(6)) {
            case 0 -> digits.replaceAll("(\\d\\d)(?=\\d)", "$1 ");
            case 1 -> digits.replaceAll("(\\d\\d)(?=\\d)", "$1.");
            case 2 -> digits;
            case 3 -> "+33 " + digits.substring(1, 2) + " " + digits.substring(2).replaceAll("(\\d\\d)(?=\\d)", "$1 ");
            case 4 -> digits.replaceAll("(\\d\\d)(?=\\d)", "$1-");
            default -> "+33 (0)" + digits.substring(1, 2) + " " + digits.substring(2).replaceAll("(\\d\\d)(?=\\d)", "$1 ");
        };
    }

    private String mail(Person p) {
        String local = switch (random.nextInt(3)) {
            case 0 -> ascii(p.first) + "." + ascii(p.family);
            case 1 -> ascii(p.first).charAt(0) + ascii(p.family) + random.nextInt(100);
            default -> ascii(p.family) + "." + ascii(p.first);
        };
        return local + "@" + pick(MAIL_DOMAINS);
    }

    private String nir(boolean female, LocalDate birth, boolean validKey) {
        String dep = String.format("%02d", 1 + random.nextInt(95));
        if (dep.equals("20")) {
            dep = random.nextBoolean() ? "2A" : "2B";
        }
        String body = (female ? "2" : "1") + String.format("%02d", birth.getYear() % 100) + String.format("%02d", birth.getMonthValue())
                + dep + String.format("%03d", 1 + random.nextInt(990)) + String.format("%03d", 1 + random.nextInt(999));
        long value = Long.parseLong(body.replace("2A", "19").replace("2B", "18"));
        int key = (int) (97 - value % 97);
        if (!validKey) {
            key = (key + 1 + random.nextInt(90)) % 97 + 1;
        }
        String full = body + String.format("%02d", key);
        return switch (random.nextInt(3)) {
            case 0 -> full;
            case 1 -> full.charAt(0) + " " + full.substring(1, 3) + " " + full.substring(3, 5) + " " + full.substring(5, 7) + " "
                    + full.substring(7, 10) + " " + full.substring(10, 13) + " " + full.substring(13);
            default -> full.charAt(0) + "." + full.substring(1, 3) + "." + full.substring(3, 5) + "." + full.substring(5, 7) + "."
                    + full.substring(7, 10) + "." + full.substring(10, 13) + "." + full.substring(13);
        };
    }

    private String rpps() {
        StringBuilder sb = new StringBuilder("10");
        while (sb.length() < 10) {
            sb.append(random.nextInt(10));
        }
        return sb.append(luhnDigit(sb.toString())).toString();
    }

    private static int luhnDigit(String digits) {
        for (int d = 0; d <= 9; d++) {
            String s = digits + d;
            int sum = 0;
            boolean twice = false;
            for (int i = s.length() - 1; i >= 0; i--) {
                int v = s.charAt(i) - '0';
                if (twice) {
                    v *= 2;
                    if (v > 9) {
                        v -= 9;
                    }
                }
                sum += v;
                twice = !twice;
            }
            if (sum % 10 == 0) {
                return d;
            }
        }
        return 0;
    }

    private String iban() {
        StringBuilder bban = new StringBuilder();
        for (int i = 0; i < 23; i++) {
            bban.append(random.nextInt(10));
        }
        String rearranged = bban + "FR00";
        int rem = 0;
        for (char c : rearranged.toCharArray()) {
            rem = Character.isDigit(c) ? (rem * 10 + (c - '0')) % 97 : (rem * 100 + (c - 'A' + 10)) % 97;
        }
        String check = String.format("%02d", 98 - rem);
        String compact = "FR" + check + bban;
        return compact.replaceAll("(.{4})(?=.)", "$1 ");
    }

    private String ipp() {
        return switch (random.nextInt(3)) {
            case 0 -> "80" + String.format("%08d", random.nextInt(100_000_000));
            case 1 -> String.format("%09d", random.nextInt(1_000_000_000));
            default -> String.format("%07d", random.nextInt(10_000_000));
        };
    }

    private String nda() {
        return switch (random.nextInt(3)) {
            case 0 -> (2015 + random.nextInt(11)) + "-" + String.format("%05d", random.nextInt(100_000));
            case 1 -> String.format("%010d", Math.abs(random.nextLong()) % 10_000_000_000L);
            default -> (15 + random.nextInt(11)) + "A" + String.format("%06d", random.nextInt(1_000_000));
        };
    }

    private LocalDate date() {
        return LocalDate.of(2016, 1, 1).plusDays(random.nextInt(3650));
    }

    private LocalDate birth() {
        return LocalDate.of(1925, 1, 1).plusDays(random.nextInt(85 * 365));
    }

    private String numeric(LocalDate d) {
        return switch (random.nextInt(5)) {
            case 0, 1 -> String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
            case 2 -> String.format("%02d.%02d.%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
            case 3 -> String.format("%02d/%02d/%02d", d.getDayOfMonth(), d.getMonthValue(), d.getYear() % 100);
            default -> String.format("%d/%d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
        };
    }

    private String written(LocalDate d) {
        String day = d.getDayOfMonth() == 1 ? "1er" : Integer.toString(d.getDayOfMonth());
        return day + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
    }

    private String anyDate(LocalDate d) {
        return random.nextInt(3) == 0 ? written(d) : numeric(d);
    }

    private static String inWords(int n) {
        if (n < 20) {
            return UNITS[n];
        }
        if (n < 100) {
            int t = n / 10;
            int u = n % 10;
            if (t == 7 || t == 9) {
                return TENS[t] + (t == 7 && u == 1 ? " et " : "-") + UNITS[10 + u];
            }
            if (u == 0) {
                return TENS[t] + (t == 8 ? "s" : "");
            }
            return TENS[t] + (u == 1 && t != 8 ? " et un" : "-" + UNITS[u]);
        }
        if (n < 1000) {
            int h = n / 100;
            int r = n % 100;
            return (h == 1 ? "cent" : UNITS[h] + " cent" + (r == 0 ? "s" : "")) + (r == 0 ? "" : " " + inWords(r));
        }
        int th = n / 1000;
        int r = n % 1000;
        return (th == 1 ? "mille" : inWords(th) + " mille") + (r == 0 ? "" : " " + inWords(r));
    }

    private String dateInWords(LocalDate d) {
        String day = d.getDayOfMonth() == 1 ? "premier" : inWords(d.getDayOfMonth());
        return day + " " + MONTHS[d.getMonthValue() - 1] + " " + inWords(d.getYear());
    }

    private String phoneInWords() {
        StringBuilder sb = new StringBuilder("zéro " + UNITS[6 + random.nextInt(2)]);
        for (int i = 0; i < 4; i++) {
            int pair = random.nextInt(100);
            sb.append(' ').append(pair < 10 ? "zéro " + UNITS[pair] : inWords(pair));
        }
        return sb.toString();
    }

    // ---- genres --------------------------------------------------------------------------------------------

    private AnnotatedDocument letter(String id) {
        DocumentWriter w = new DocumentWriter();
        Person patient = person();
        Person doctor = person();
        Person gp = person();
        boolean femaleRelative = random.nextBoolean();
        Person relative = new Person(pick(femaleRelative ? femaleNames : maleNames), patient.family, femaleRelative);
        String[] hospitalPlace = place();
        LocalDate visit = date();
        LocalDate born = birth();
        w.e(Label.HOPITAL, hospital()).t("\nService de " + pick(List.of("Cardiologie", "Médecine interne", "Neurologie",
                "Gériatrie", "Pneumologie", "Rhumatologie")) + "\n");
        w.e(Label.ADRESSE, street()).t("\n").e(Label.ZIP, hospitalPlace[0]).t(" ").e(Label.VILLE, hospitalPlace[1]).t("\n");
        w.t("Tél. : ").e(Label.TEL, phone()).t(random.nextBoolean() ? " - Fax : " : " / ").e(Label.TEL, phone()).t("\n");
        if (random.nextBoolean()) {
            w.t("Secrétariat : poste ").e(Label.TEL, Integer.toString(4000 + random.nextInt(5000))).t("\n");
        }
        w.t("FINESS ").e(Label.FINESS, establishments.isEmpty() ? "330781196" : pick(establishments).finess()).t("\n\n");
        w.e(Label.VILLE, hospitalPlace[1]).t(", le ").e(Label.DATE, written(visit)).t("\n\n");
        w.t("Objet : ").t(pick(List.of("consultation du ", "hospitalisation du ", "compte rendu de consultation du ")))
                .e(Label.DATE, numeric(visit)).t("\n");
        w.t("Patient : ");
        fullName(w, patient, random.nextInt(2));
        w.t(", né" + (patient.female ? "e" : "") + " le ").e(Label.DATE_NAISSANCE, numeric(born)).t("\n");
        w.t("IPP : ").e(Label.IPP, ipp()).t(random.nextBoolean() ? " - NDA : " : "\nN° de séjour : ").e(Label.NDA, nda()).t("\n\n");
        w.t(pick(List.of("Cher confrère,", "Chère consœur,", "Cher ami,", "Mon cher confrère,"))).t("\n\n");
        w.t("J'ai vu en consultation ").t(title(patient)).t(" ");
        fullName(w, patient, 2 + random.nextInt(2));
        int age = born.until(visit).getYears();
        if (age > 89) {
            w.t(", ").e(Label.DATE, age + " ans").t(", "); // ages over 89 identify, as HIPAA's safe harbour says
        } else {
            w.t(", " + age + " ans, ");
        }
        w.t(pick(List.of("adressé" + (patient.female ? "e" : "") + " par le ", "adressé" + (patient.female ? "e" : "") + " par son médecin traitant, le ")))
                .t(doctorTitle()).t(" ");
        fullName(w, gp, 2 + random.nextInt(2));
        w.t(", pour " + pick(List.of("une dyspnée d'effort.", "des douleurs thoraciques atypiques.", "un bilan de chutes.",
                "une altération de l'état général.")) + "\n");
        w.t(pick(TRAPS)).t(" ").t(pick(TRAPS)).t("\n");
        w.t("Dernière hospitalisation le ").e(Label.DATE, anyDate(date())).t(" au ").e(Label.HOPITAL, hospital()).t(".\n");
        String[] home = place();
        w.t(pick(List.of("Elle", "Il", "Le patient", "La patiente"))).t(" vit " + pick(List.of("seul", "en couple", "avec sa fille")) + " au ")
                .e(Label.ADRESSE, street()).t(", ").e(Label.ZIP, home[0]).t(" ").e(Label.VILLE, home[1]).t(".\n");
        w.t("Personne à prévenir : son " + (relative.female ? "épouse" : "fils") + " ");
        w.e(Label.PRENOM, relative.first).t(" ").e(Label.NOM, relative.family);
        w.t(" au ").e(Label.TEL, phone());
        if (random.nextBoolean()) {
            w.t(" ou par courriel ").e(Label.MAIL, mail(relative));
        }
        w.t(".\n");
        w.t(pick(TRAPS)).t("\n");
        w.t("Je reverrai ").t(title(patient)).t(" ").e(Label.NOM, random.nextBoolean() ? upper(patient.family) : patient.family)
                .t(" le ").e(Label.DATE, numeric(visit.plusDays(30 + random.nextInt(90)))).t(".\n\n");
        w.t("Bien confraternellement,\n\n").t(doctorTitle()).t(" ");
        fullName(w, doctor, random.nextInt(3));
        w.t("\n").t(pick(List.of("Praticien hospitalier", "Chef de service", "Cardiologue", "Interne"))).t("\nRPPS : ").e(Label.RPPS, rpps())
                .t("\n").e(Label.MAIL, mail(doctor)).t("\n\n");
        w.t("Copie à : ").t(doctorTitle()).t(" ");
        fullName(w, gp, 2);
        w.t(", médecin traitant");
        if (random.nextBoolean()) {
            Person other = person();
            w.t(" ; ").t(doctorTitle()).t(" ");
            fullName(w, other, 2);
        }
        w.t("\n");
        return w.done(id, "letter");
    }

    private AnnotatedDocument report(String id) {
        DocumentWriter w = new DocumentWriter();
        Person patient = person();
        Person operator = person();
        LocalDate exam = date();
        LocalDate born = birth();
        w.t("COMPTE RENDU ").t(pick(List.of("D'HOSPITALISATION", "OPÉRATOIRE", "D'IMAGERIE", "DE CONSULTATION"))).t("\n");
        w.e(Label.HOPITAL, hospital().toUpperCase(Locale.ROOT)).t("\n\n");
        w.t("Nom : ").e(Label.NOM, upper(patient.family)).t("\tPrénom : ").e(Label.PRENOM, patient.first).t("\n");
        w.t("Date de naissance : ").e(Label.DATE_NAISSANCE, numeric(born)).t("\tSexe : " + (patient.female ? "F" : "M") + "\n");
        w.t("IPP : ").e(Label.IPP, ipp()).t(" | NDA : ").e(Label.NDA, nda()).t("\n");
        boolean validKey = random.nextInt(10) != 0;
        if (random.nextBoolean()) {
            w.t("N° SS : ").e(Label.SECU, nir(patient.female, born, validKey)).t("\n");
        } else {
            w.t("INS : ").e(Label.INS, nir(patient.female, born, true)).t("\n");
        }
        String[] home = place();
        w.t("Adresse : ").e(Label.ADRESSE, street()).t(" ").e(Label.ZIP, home[0]).t(" ").e(Label.VILLE, upper(home[1])).t("\n");
        w.t("Tél : ").e(Label.TEL, phone()).t("\n");
        w.t("Date de l'examen : ").e(Label.DATE, numeric(exam)).t("\n");
        w.t("Médecin prescripteur : ").t(doctorTitle()).t(" ");
        fullName(w, person(), 0);
        w.t("\n\nINDICATION\n").t(pick(TRAPS)).t("\n\nRÉSULTATS\n").t(pick(TRAPS)).t(" ").t(pick(TRAPS)).t("\n");
        w.t("Comparaison avec l'examen du ").e(Label.DATE, numeric(exam.minusDays(30 + random.nextInt(700)))).t(".\n\n");
        w.t("CONCLUSION\n").t(pick(TRAPS)).t("\n\n");
        w.t("Opérateur : ").t(doctorTitle()).t(" ");
        fullName(w, operator, random.nextInt(2));
        w.t(" - RPPS ").e(Label.RPPS, rpps()).t("\n");
        if (random.nextBoolean()) {
            w.t("Règlement : IBAN ").e(Label.IBAN, iban()).t("\n");
        }
        w.t("Résultats en ligne : ").e(Label.URL, "https://resultats." + ascii(home[1]) + "-imagerie.fr/cr/" + random.nextInt(100000)).t("\n");
        return w.done(id, "report");
    }

    private AnnotatedDocument transcript(String id) {
        DocumentWriter w = new DocumentWriter();
        Person patient = person();
        Person daughter = new Person(pick(femaleNames), patient.family, true);
        LocalDate born = birth();
        String[] home = place();
        w.t("bonjour ").t(patient.female ? "madame " : "monsieur ").e(Label.NOM, patient.family.toLowerCase(Locale.ROOT))
                .t(" asseyez-vous je vous en prie alors vous êtes bien née le ".replace("née", patient.female ? "née" : "né"))
                .e(Label.DATE_NAISSANCE, dateInWords(born)).t(" oui c'est ça ");
        w.t("et vous habitez toujours à ").e(Label.VILLE, home[1]).t(" oui toujours ");
        w.t("d'accord et votre numéro c'est toujours le ").e(Label.TEL, phoneInWords()).t(" oui ");
        w.t("alors depuis la dernière fois le ").e(Label.DATE, dateInWords(date())).t(" comment ça va ");
        w.t("bof j'ai toujours mal au dos et ma fille ").e(Label.PRENOM, daughter.first)
                .t(" trouve que je suis fatiguée ");
        w.t("d'accord vous prenez toujours le doliprane mille le matin et le soir oui ");
        w.t("et le docteur ").e(Label.NOM, (random.nextBoolean() ? person().family : pick(COMMON_SURNAMES)).toLowerCase(Locale.ROOT))
                .t(" vous a revue oui en ").e(Label.DATE, MONTHS[random.nextInt(12)] + " " + inWords(2018 + random.nextInt(7)))
                .t(" bon on va refaire une prise de sang ");
        w.t("la tension est à treize huit c'est bien ");
        w.t("pas de signe de babinski les réflexes sont normaux on se revoit dans trois mois au revoir madame");
        return w.done(id, "transcript");
    }

    private AnnotatedDocument note(String id) {
        DocumentWriter w = new DocumentWriter();
        Person patient = person();
        Person relative = person();
        LocalDate d = date();
        w.t("Transmissions IDE du ").e(Label.DATE, numeric(d)).t(" - ch. " + (100 + random.nextInt(300)) + "\n");
        w.t(title(patient)).t(" ");
        fullName(w, patient, random.nextInt(4));
        w.t(" : ").t(pick(TRAPS)).t("\n");
        w.t("Appel de " + (relative.female ? "sa fille" : "son fils") + " (").e(Label.PRENOM, relative.first).t(" ")
                .e(Label.NOM, relative.family).t(", ").e(Label.TEL, phone()).t(") à 14h, informé" + (relative.female ? "e" : "")
                        + " de l'évolution.\n");
        w.t("Vu par l'interne ").t(pick(List.of("Dr ", ""))).e(Label.PRENOM, pick(random.nextBoolean() ? maleNames : femaleNames))
                .t(" ").e(Label.NOM, upper(person().family)).t(".\n");
        w.t("Sortie prévue le ").e(Label.DATE, random.nextBoolean() ? String.format("%02d/%02d", d.getDayOfMonth(), d.getMonthValue())
                : written(d.plusDays(3))).t(" vers l'").e(Label.HOPITAL, "EHPAD " + pick(List.of("Les Jardins de ", "Le Clos ", "Résidence "))
                        + pick(List.of("Saint-Joseph", "Sainte-Anne", "Fleming", "Beausoleil"))).t(".\n");
        w.t(pick(TRAPS)).t("\n");
        return w.done(id, "note");
    }

    private AnnotatedDocument prescription(String id) {
        DocumentWriter w = new DocumentWriter();
        Person doctor = person();
        Person patient = person();
        String[] office = place();
        w.t(doctorTitle()).t(" ");
        fullName(w, doctor, 2);
        w.t("\nMédecine générale\n").e(Label.ADRESSE, street()).t("\n").e(Label.ZIP, office[0]).t(" ").e(Label.VILLE, office[1]).t("\n");
        w.t("Tél. ").e(Label.TEL, phone()).t("\nN° RPPS ").e(Label.RPPS, rpps()).t(" - ADELI ")
                .e(Label.ADELI, String.format("%02d1%06d", 1 + random.nextInt(95), random.nextInt(1_000_000))).t("\n\n");
        w.t("Le ").e(Label.DATE, numeric(date())).t("\n\n").t(title(patient)).t(" ");
        fullName(w, patient, random.nextInt(3));
        w.t(" (").e(Label.DATE_NAISSANCE, numeric(birth())).t(")\n");
        w.t("Poids : " + (45 + random.nextInt(60)) + " kg\n\n");
        w.t(pick(List.of("AMOXICILLINE 1 g : 1 comprimé 3 fois par jour pendant 7 jours\n",
                "DOLIPRANE 1000 mg : 1 comprimé si douleur, maximum 3 par jour\n",
                "KARDEGIC 75 mg : 1 sachet par jour\n", "LEVOTHYROX 50 µg : 1 comprimé le matin à jeun\n")));
        w.t(pick(List.of("METFORMINE 850 mg : 1 comprimé matin et soir\n", "BISOPROLOL 2,5 mg : 1 comprimé le matin\n",
                "ATORVASTATINE 20 mg : 1 comprimé le soir\n")));
        w.t("\nRenouvelable " + (1 + random.nextInt(3)) + " fois.\n");
        return w.done(id, "prescription");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String title(String upper) {
        StringBuilder sb = new StringBuilder(upper.length());
        boolean start = true;
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == ' ' || c == '-' || c == '\'';
        }
        return sb.toString();
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }
}
