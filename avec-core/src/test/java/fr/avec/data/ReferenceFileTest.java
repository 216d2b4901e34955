package fr.avec.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.avec.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReferenceFileTest {

    private final Path name = Path.of("test.txt");

    @Test
    void validUtf8IsReadAsUtf8() throws Exception {
        ReferenceFile file = ReferenceFile.decode(name, "PARACÉTAMOL\tœdème\tµg\tmaïs\n".getBytes(StandardCharsets.UTF_8));
        assertThat(file.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(file.lines()).containsExactly("PARACÉTAMOL\tœdème\tµg\tmaïs");
    }

    @Test
    void windows1252IsDetectedWhenNotUtf8() throws Exception {
        ReferenceFile file = ReferenceFile.decode(name, "gélule\tœstradiol\tµg\tcôté\r\n".getBytes(ReferenceFile.WINDOWS_1252));
        assertThat(file.charset()).isEqualTo(ReferenceFile.WINDOWS_1252);
        assertThat(file.lines()).containsExactly("gélule\tœstradiol\tµg\tcôté");
    }

    @Test
    void bytesUndefinedInWindows1252AreRejected() {
        byte[] binary = {(byte) 0xC3, (byte) 0x28, (byte) 0x81, 0x00, (byte) 0x8D};
        assertThatThrownBy(() -> ReferenceFile.decode(name, binary))
                .isInstanceOf(ReferenceFile.MalformedReferenceFileException.class)
                .hasMessageContaining("neither valid UTF-8 nor Windows-1252");
    }

    @Test
    void byteOrderMarkIsDropped() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\n', 'b'};
        assertThat(ReferenceFile.decode(name, bom).lines()).containsExactly("a", "b");
    }

    @Test
    void crlfAndUnterminatedLastLine() throws Exception {
        assertThat(ReferenceFile.decode(name, "a\r\nb\r\n\r\nc".getBytes(StandardCharsets.US_ASCII)).lines())
                .containsExactly("a", "b", "", "c");
    }

    @Test
    void sharedBdpmFilesDecodeWithTheirMeasuredEncodings() throws Exception {
        ReferenceFile products = ReferenceFile.read(SharedData.bdpm().resolve("CIS_bdpm.txt"));
        assertThat(products.charset()).isEqualTo(ReferenceFile.WINDOWS_1252);
        assertThat(products.lines()).hasSize(15848);
        assertThat(products.text()).contains("comprimé").contains("gélule");

        ReferenceFile presentations = ReferenceFile.read(SharedData.bdpm().resolve("CIS_CIP_bdpm.txt"));
        assertThat(presentations.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(presentations.text()).contains("Présentation active");
    }
}
