package fr.avec.data;

import fr.avec.data.bdpm.BdpmFile;
import fr.avec.data.lexicon.LexiconFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The reference data sets Avec keeps in its data directory, each replaced as a whole. */
public enum Dataset {
    /** The national drug database, in {@code bdpm/}. */
    BDPM("bdpm"),
    /** Names, places and establishments, in {@code lexicons/}. */
    LEXICONS("lexicons");

    private final String folder;

    Dataset(String folder) {
        this.folder = folder;
    }

    /** The folder of this data set under the data directory. */
    public String folder() {
        return folder;
    }

    /** Every file of the data set, relative to its folder. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        if (this == BDPM) {
            for (BdpmFile file : BdpmFile.values()) {
                files.add(Path.of(file.fileName()));
            }
        } else {
            for (LexiconFile file : LexiconFile.values()) {
                files.add(file.relativePath());
            }
        }
        return files;
    }
}
