package fr.avec.protect;

import java.util.Set;

/**
 * Words that carry medical meaning and look like names: eponyms and the head nouns that introduce them
 * (« maladie de Crohn », « signe de Babinski »), role words of signatures, acronyms of reports.
 */
final class MedicalTerms {

    private MedicalTerms() {
    }

    /** Nouns after which « de X » names a disease, sign, score or technique, not a person. */
    static final Set<String> EPONYM_HEADS = Set.of("boule", "bourse", "pince", "aiguille", 
            "maladie", "maladies", "syndrome", "syndromes", "signe", "signes", "score", "scores", "test", "tests",
            "manoeuvre", "manœuvre", "classification", "echelle", "stade", "stades", "sonde", "loi", "critere",
            "criteres", "triade", "kyste", "ligament", "canal", "cellule", "cellules", "corps", "tumeur", "lymphome",
            "sarcome", "fracture", "operation", "intervention", "technique", "procedure", "methode", "index", "indice",
            "reflexe", "phenomene", "cicatrice", "diverticule", "point", "points", "reaction", "cercle", "polygone",
            "espace", "membrane", "capsule", "glande", "glandes", "trompe", "trompes", "ilots", "anse", "angle",
            "faisceau", "noyau", "aire", "zone", "bacille", "formule", "equation", "regle", "grille", "questionnaire",
            "protocole", "montage", "plaque", "prothese", "clou", "vis", "broche", "greffe", "lambeau", "incision",
            "voie", "position", "manoeuvres", "type", "grade", "hernie", "ulcere", "paralysie", "chorée", "choree",
            "demence", "encephalopathie", "anemie", "purpura", "thyroidite", "contracture", "epreuve", "crise",
            "crises", "pouls", "respiration", "dyspnee", "souffle", "tetralogie", "anomalie", "malformation",
            "sequence", "spectre", "association", "virus", "bacterie", "bacteries", "infection", "granulome", "nodule",
            "nodules", "nodosites", "ganglion", "ganglions", "apophyse", "tubercule", "muscle", "nerf", "artere",
            "veine", "valvule", "plexus", "ampoule", "sphincter", "papille", "pilier", "trigone", "scotome");

    /** Eponyms common in clinical writing; a person only after a title or in a name field. */
    static final Set<String> EPONYMS = Set.of(
            "crohn", "parkinson", "alzheimer", "hodgkin", "babinski", "glasgow", "basedow", "hashimoto", "cushing",
            "addison", "raynaud", "kaposi", "paget", "horton", "behcet", "sjogren", "guillain", "barre", "charcot",
            "lasegue", "murphy", "romberg", "hoffmann", "lhermitte", "kernig", "brudzinski", "trendelenburg", "apgar",
            "gleason", "breslow", "dupuytren", "volkmann", "scheuermann", "osgood", "schlatter", "perthes", "kienbock",
            "quervain", "tietze", "heberden", "kawasaki", "takayasu", "wegener", "schonlein", "henoch", "alport",
            "fabry", "gaucher", "klinefelter", "marfan", "ehlers", "danlos", "recklinghausen", "bourneville", "lindau",
            "whipple", "zollinger", "ellison", "mallory", "barrett", "zenker", "meckel", "hirschsprung", "willebrand",
            "waldenstrom", "burkitt", "ewing", "wilms", "kahler", "vaquez", "meniere", "korsakoff", "wernicke",
            "broca", "creutzfeldt", "jakob", "huntington", "tourette", "lyme", "lewy", "duchenne", "steinert",
            "friedreich", "horner", "fallot", "eisenmenger", "ebstein", "bouveret", "brugada", "mobitz", "wenckebach",
            "cheyne", "kussmaul", "koch", "gram", "ziehl", "papanicolaou", "gougerot", "reiter", "bechterew",
            "forestier", "lyell", "quincke", "nikolsky", "kobner", "darier", "bowen", "merkel", "verneuil", "tinel",
            "phalen", "finkelstein", "lachman", "homans", "killip", "nyha", "mallampati", "cormack", "lehane",
            "karnofsky", "ranson", "balthazar", "silverman", "bethesda", "tanner", "sokal", "durie", "charlson",
            "folstein", "braden", "tinetti", "holter", "doppler", "foley", "redon", "hartmann", "billroth", "nissen",
            "toupet", "bricker", "milligan", "lichtenstein", "shouldice", "kocher", "pfannenstiel", "mcburney",
            "burney", "fogarty", "seldinger", "guedel", "magill", "esmarch", "kirschner", "ilizarov", "kuntscher",
            "monteggia", "galeazzi", "pouteau", "colles", "goyrand", "bankart", "lisfranc", "chopart", "segond",
            "salter", "pauwels", "schatzker", "gustilo", "trousseau", "chvostek", "mingazzini", "graves", "hurler",
            "pompe", "down", "patau", "angelman", "asperger", "goodpasture", "berger", "bartter", "gitelman",
            "sheehan", "verner", "ménétrier", "menetrier", "peutz", "jeghers", "turcot", "cowden", "hippel", "sturge",
            "osler", "rendu", "sezary", "hurthle", "wilson", "menkes", "pick", "binswanger", "marchiafava", "bignami",
            "westphal", "ramsay", "tolosa", "chiari", "adie", "argyll", "parinaud", "foville", "wallenberg", "sequard",
            "werdnig", "fazio", "londe", "refsum", "krabbe", "canavan", "niemann", "fahr", "bouchard", "mondor",
            "poland", "lesch", "nyhan", "soulier", "glanzmann", "minkowski", "chauffard", "fanconi", "blackfan",
            "biermer", "moschowitz", "schwartz", "leventhal", "asherman", "rokitansky", "kuster", "meigs",
            "krukenberg", "naegele", "weil", "coombs", "kleihauer", "guthrie", "lugol", "neelsen", "giemsa",
            "grunwald", "perls", "stokes", "wolff", "lown", "ganong", "levine", "luciani", "starling", "laplace",
            "poiseuille", "fick", "henderson", "hasselbalch", "friedewald", "cockcroft", "gault", "mdrd", "ckd",
            "clark", "dukes", "astler", "coller", "binet", "rai", "salmon", "pugh", "meld", "okuda", "lauren",
            "siewert", "borrmann", "bismuth", "strasberg", "debakey", "spetzler", "wfns", "nihss", "barthel", "katz",
            "lawton", "mmse", "moca", "zung", "morisky", "epworth", "geneve", "caprini", "timi", "crusade", "hasbled",
            "chads", "vasc", "euroscore", "sts", "centor", "mcisaac", "alvarado", "apache", "sofa", "qsofa", "igs",
            "saps", "pelod", "pim", "ballard", "dubowitz", "risser", "cobb", "lenke", "meyerding", "modic",
            "pfirrmann", "outerbridge", "kellgren", "ahlback", "lopresti", "frykman", "magerl", "montesano", "jobe",
            "yergason", "hawkins", "gerber", "apley", "mcmurray", "thessaly", "silfverskiold", "adson", "roos",
            "spurling", "leri", "wassermann", "vdrl", "tpha", "elisa", "bcg", "heimlich", "valsalva", "epley",
            "hallpike", "rinne", "schirmer", "snellen", "monoyer", "goldmann", "amsler", "ishihara", "lancaster",
            "bielschowsky", "tyndall", "seidel", "munson", "vogt", "koyanagi", "harada", "eales", "coats", "stargardt",
            "leber", "ménière", "tullio", "gradenigo", "bezold", "citelli", "mouret", "toynbee", "bartholin", "skene",
            "morgagni", "treitz", "oddi", "vater", "wirsung", "santorini", "glisson", "winslow", "scarpa", "poupart",
            "hesselbach", "spiegel", "grynfeltt", "retzius", "denonvilliers", "alcock", "cowper", "littre", "tyson",
            "havers", "sharpey", "purkinje", "schwann", "ranvier", "langerhans", "kupffer", "disse", "leydig",
            "sertoli", "paneth", "brunner", "lieberkuhn", "auerbach", "meissner", "pacini", "ruffini", "nissl", "betz",
            "cajal", "magendie", "luschka", "sylvius", "trolard", "rosenthal", "heschl", "brodmann", "papez", "ammon");

    /** Role and service words that end a name in a signature (« Dr Jean DUPONT Chef de service »). */
    static final Set<String> ROLE_WORDS = Set.of(
            "chef", "service", "praticien", "hospitalier", "hospitaliere", "interne", "externe", "assistant",
            "assistante", "medecin", "docteur", "professeur", "cardiologue", "pneumologue", "neurologue", "chirurgien",
            "anesthesiste", "radiologue", "pediatre", "psychiatre", "gynecologue", "urologue", "dermatologue",
            "oncologue", "rhumatologue", "gastro-enterologue", "endocrinologue", "nephrologue", "geriatre",
            "generaliste", "ph", "pu-ph", "mcu-ph", "cca", "ide", "cadre", "sage-femme", "kinesitherapeute", "kine",
            "psychologue", "secretaire", "secretariat", "unite", "pole", "departement", "consultation", "hopital",
            "clinique", "centre", "chu", "ch", "tel", "fax", "mail", "email", "courriel", "telephone", "rpps", "adeli",
            "finess", "le", "la", "les", "et", "ou", "cc", "copie", "objet", "madame", "monsieur", "mademoiselle",
            "cher", "chere", "confrere", "consoeur", "ami", "amie", "signe", "signature", "date", "ref", "pj", "p.j",
            "urgences", "reanimation", "bloc", "etage", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
            "dimanche", "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
            "octobre", "novembre", "decembre", "patient", "patiente", "nom", "prenom", "ne", "nee", "age", "sexe",
            "adresse", "ville", "motif", "diagnostic", "conclusion", "traitement", "antecedents", "examen", "histoire",
            "compte", "rendu", "lettre", "courrier", "ordonnance", "certificat", "docteurs", "professeurs", "mme",
            "mr", "dr", "pr", "mlle", "m", "fait", "vu", "revu", "suivi", "dossier", "chambre", "lit", "box", "salle",
            "batiment", "aile", "ehpad", "ssr", "usld");

    /** Words of company names and countries that follow a name in leaflets (« Eli Lilly Nederland B.V. »). */
    static final Set<String> NOT_PERSONS = Set.of("gmbh", "ltd", "plc", "sa", "sas", "sarl", "ag", "bv", "nv", "inc", "llc",
            "corp", "industries", "company", "pharma", "farma", "pharmaceuticals", "pharmaceutical", "laboratoires",
            "laboratoire", "laboratories", "laboratory", "regional", "operations", "healthcare", "limited", "spa", "ab", "oy",
            "kft", "group", "groupe", "holding", "international", "europe", "france", "italia", "nederland", "deutschland",
            "eesti", "benelux", "espana", "portugal", "belgique", "belgie", "belgien", "suisse", "schweiz", "osterreich",
            "polska", "danmark", "norge", "sverige", "suomi", "finland", "ireland", "malta", "latvija", "lietuva", "slovenija",
            "romania", "magyarorszag", "luxembourg", "luxemburg", "kingdom", "united", "ier", "ii", "iii", "iv", "vi", "vii",
            "viii", "ix", "xi", "xii", "xiii", "xiv", "xv", "xvi", "and", "of", "the", "&");

    /**
     * Unit, galenic and route symbols that clinicians write in capitals (« 5000 UI », « 3 M.U.I. », « LP », « IV »):
     * never part of a person's name.
     */
    static final Set<String> UNITS = Set.of("ui", "mui", "ufc", "ud", "meq", "mosm", "mmhg", "mg", "ml", "kg", "mcg", "ng",
            "pg", "dl", "cl", "mmol", "umol", "µmol", "kcal", "bpm", "cm", "mm", "lp", "sc", "iv", "ivd", "ivl", "im", "ih",
            "dh", "ch", "ppm", "gy", "mgy", "msv", "mbq", "cgy");

    /** Particles inside family names (« de La Fontaine », « Van der Berg », « Ben Ali »). */
    static final Set<String> PARTICLES = Set.of("de", "du", "des", "d", "le", "la", "l", "van", "von", "der", "den", "di", "da",
            "dos", "das", "del", "della", "ben", "bin", "ould", "el", "al", "mac", "mc", "st", "ste", "saint", "sainte", "ter", "ten");
}
