package fr.avec.data.bdpm;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.avec.data.ReferenceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The BDPM files come from the Internet (or a mirror): whatever bytes one of them holds, the loader either
 * reports a malformed file as an {@link IOException} or loads the good lines and reports the others; it never
 * throws anything else. Runs its seeds in every build; fuzzes with {@code JAZZER_FUZZ=1} (see docs/FUZZING.md).
 */
class BdpmFuzzTest {

    private static Path folder;

    @BeforeAll
    static void folder() throws IOException {
        folder = Files.createTempDirectory("avec-bdpm-fuzz");
    }

    @AfterAll
    static void clean() throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    @FuzzTest(maxDuration = "10s")
    // libFuzzer dictionaries take printable ASCII only; tabs, line ends and accents come from the seeds.
    @DictionaryEntries({"Commercialis", "Autorisation active", "oui", "SA", "FT", "01/02/2020", "12345678", "24,34", "1,466,29"})
    void anyFileContentLoadsOrIsRejectedCleanly(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        // The first byte chooses the file, the rest is its content (so that seeds are plain files with one byte before).
        BdpmFile target = BdpmFile.values()[(input[0] & 0xFF) % BdpmFile.values().length];
        for (BdpmFile file : BdpmFile.values()) {
            Files.deleteIfExists(folder.resolve(file.fileName()));
            if (file.required() && file != target) {
                Files.writeString(folder.resolve(file.fileName()), "");
            }
        }
        byte[] content = java.util.Arrays.copyOfRange(input, 1, input.length);
        Files.write(folder.resolve(target.fileName()), content);
        Bdpm bdpm;
        try {
            bdpm = Bdpm.load(folder);
        } catch (ReferenceFile.MalformedReferenceFileException rejected) {
            assertThat(rejected.getMessage()).contains(target.fileName());
            return;
        }
        int lines = ReferenceFile.decode(folder.resolve(target.fileName()), content).lines().size();
        assertThat(bdpm.rowCount(target)).isLessThanOrEqualTo(lines);
        assertThat(bdpm.problems()).allSatisfy(problem -> assertThat(problem.lineNumber()).isBetween(1, lines));
    }
}
