package fr.avec.data;

import fr.avec.data.bdpm.BdpmFile;
import fr.avec.data.lexicon.LexiconFile;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A file that {@code avec data update} downloads from its official publisher, and where it goes in
 * the data directory. Only files published at a stable address in the very layout Avec reads are
 * listed; the others (INSEE name files, which are published as archives of yearly counts, and the
 * establishment list) are installed with {@code avec data import}.
 *
 * @param dataset the data set the file belongs to
 * @param target  the file's place under the data set's folder
 * @param uri     the official address
 */
public record OfficialSource(Dataset dataset, Path target, URI uri) {

    /** The ANSM download service of the BDPM. */
    public static final String BDPM_BASE = "https://base-donnees-publique.medicaments.gouv.fr/download/file/";
    /** INSEE's Code officiel géographique 2022, communes. */
    public static final String COG_COMMUNES = "https://www.insee.fr/fr/statistiques/fichier/6051727/commune_2022.csv";
    /** La Poste's official postal code base (datanova), raw CSV. */
    public static final String LAPOSTE_HEXASMAL = "https://datanova.laposte.fr/data-fair/api/v1/datasets/laposte-hexasmal/raw";

    /** The official sources, optionally rewritten to a local mirror that keeps the file names. */
    public static List<OfficialSource> all(URI mirror) {
        List<OfficialSource> sources = new ArrayList<>();
        for (BdpmFile file : BdpmFile.values()) {
            sources.add(new OfficialSource(Dataset.BDPM, Path.of(file.fileName()), URI.create(BDPM_BASE + file.fileName())));
        }
        sources.add(new OfficialSource(Dataset.LEXICONS, LexiconFile.COMMUNES.relativePath(), URI.create(COG_COMMUNES)));
        sources.add(new OfficialSource(Dataset.LEXICONS, LexiconFile.POSTAL_CODES.relativePath(), URI.create(LAPOSTE_HEXASMAL)));
        if (mirror == null) {
            return sources;
        }
        String base = mirror.toString().endsWith("/") ? mirror.toString() : mirror + "/";
        return sources.stream()
                .map(s -> new OfficialSource(s.dataset(), s.target(),
                        URI.create(base + s.dataset().folder() + "/" + s.target().toString().replace('\\', '/'))))
                .toList();
    }
}
