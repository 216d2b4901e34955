package fr.avec.data.lexicon;

import java.nio.file.Path;

/** The lexicon files Avec reads, each in a folder of its own under the data directory's {@code lexicons/}. */
public enum LexiconFile {
    FIRST_NAMES("insee_prenoms", "prenoms_nat2024_totaux.csv", ';', "prenom;sexe;total"),
    FAMILY_NAMES("insee_noms_famille", "noms2008nat_noms_seuls.txt", '\0', null),
    COMMUNES("insee_cog_communes", "commune_2022.csv", ',', "TYPECOM,COM,REG,DEP"),
    POSTAL_CODES("laposte_hexasmal", "laposte_hexasmal.csv", ';', "Code_commune_INSEE;Nom_commune;Code_postal"),
    HEALTH_ESTABLISHMENTS("hospitals_hospidiag2022", "hospidiag2022_etablissements.csv", ';', "finess;rs;cat");

    private final String folder;
    private final String fileName;
    private final char separator;
    private final String headerPrefix;

    LexiconFile(String folder, String fileName, char separator, String headerPrefix) {
        this.folder = folder;
        this.fileName = fileName;
        this.separator = separator;
        this.headerPrefix = headerPrefix;
    }

    public String folder() {
        return folder;
    }

    public String fileName() {
        return fileName;
    }

    /** The file's place under a {@code lexicons/} folder. */
    public Path relativePath() {
        return Path.of(folder, fileName);
    }

    /** The field separator, or NUL for a one-column file without header. */
    char separator() {
        return separator;
    }

    /** What the header line starts with (case-insensitive), or null when the file has no header. */
    String headerPrefix() {
        return headerPrefix;
    }
}
