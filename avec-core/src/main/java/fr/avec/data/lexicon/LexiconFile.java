package fr.avec.data.lexicon;

import java.nio.file.Path;
import java.util.List;

/** The lexicon files Avec reads, each in a folder of its own under the data directory's {@code lexicons/}. */
public enum LexiconFile {
    FIRST_NAMES("insee_prenoms", "prenoms_nat2024_totaux.csv", ';', "prenom", "sexe", "total"),
    FAMILY_NAMES("insee_noms_famille", "noms2008nat_noms_seuls.txt", '\0'),
    COMMUNES("insee_cog_communes", "commune_2022.csv", ',', "typecom", "com", "dep", "libelle"),
    // La Poste has published two layouts: Nom_commune (2019-2020) and Nom_de_la_commune (since 2021).
    POSTAL_CODES("laposte_hexasmal", "laposte_hexasmal.csv", ';', "code_commune_insee", "nom_commune|nom_de_la_commune",
            "code_postal", "ligne_5"),
    HEALTH_ESTABLISHMENTS("hospitals_hospidiag2022", "hospidiag2022_etablissements.csv", ';', "finess", "rs", "cat");

    private final String folder;
    private final String fileName;
    private final char separator;
    private final List<String> columns;

    LexiconFile(String folder, String fileName, char separator, String... columns) {
        this.folder = folder;
        this.fileName = fileName;
        this.separator = separator;
        this.columns = List.of(columns);
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

    /**
     * The header columns the reader needs, in the order it reads them (case-insensitive; alternatives
     * separated by {@code |}); empty for a one-column file without header.
     */
    List<String> columns() {
        return columns;
    }
}
