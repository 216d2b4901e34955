package fr.avec.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

    private final Path home = Path.of("/home/dr-durand");

    @Test
    void optionWinsOverEnvironmentAndHome() {
        DataDirectory dir = DataDirectory.resolve(Optional.of(Path.of("/srv/avec-data")),
                Map.of("AVEC_DATA_DIR", "/opt/data"), home);
        assertThat(dir.root()).isEqualTo(Path.of("/srv/avec-data"));
        assertThat(dir.origin()).isEqualTo(DataDirectory.Origin.OPTION);
    }

    @Test
    void environmentWinsOverHome() {
        DataDirectory dir = DataDirectory.resolve(Optional.empty(), Map.of("AVEC_DATA_DIR", "/opt/data"), home);
        assertThat(dir.root()).isEqualTo(Path.of("/opt/data"));
        assertThat(dir.bdpm()).isEqualTo(Path.of("/opt/data/bdpm"));
    }

    @Test
    void blankEnvironmentFallsBackToHome() {
        DataDirectory dir = DataDirectory.resolve(Optional.empty(), Map.of("AVEC_DATA_DIR", "  "), home);
        assertThat(dir.root()).isEqualTo(Path.of("/home/dr-durand/.avec/data"));
        assertThat(dir.origin()).isEqualTo(DataDirectory.Origin.DEFAULT);
        assertThat(dir.lexicons()).isEqualTo(Path.of("/home/dr-durand/.avec/data/lexicons"));
    }
}
