package fr.avec.protect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksumsTest {

    @Test
    void nirKeyIsNinetySevenMinusTheBodyModuloNinetySeven() {
        assertThat(Checksums.nirKey("1841275108042")).isEqualTo((int) (97 - 1841275108042L % 97));
        assertThat(Checksums.nirKey("255082A123456")).isEqualTo((int) (97 - (2550819123456L) % 97));
        assertThat(Checksums.nirKey("255082B123456")).isEqualTo((int) (97 - (2550818123456L) % 97));
    }

    @Test
    void luhnAndIban() {
        assertThat(Checksums.luhn("79927398713")).isTrue();
        assertThat(Checksums.luhn("79927398710")).isFalse();
        assertThat(Checksums.validIban("FR7630006000011234567890189")).isTrue();
        assertThat(Checksums.validIban("FR7630006000011234567890188")).isFalse();
        assertThat(Checksums.ibanCheck("FR", "30006000011234567890189")).isEqualTo("76");
    }

    @Test
    void numberWords() {
        Tokens t = new Tokens("quatre-vingt-dix-sept deux mille vingt et un soixante dix huit");
        NumberWords.Parsed a = NumberWords.parse(t, 0, 10_000);
        assertThat(a.value()).isEqualTo(97);
        NumberWords.Parsed b = NumberWords.parse(t, a.next(), 10_000);
        assertThat(b.value()).isEqualTo(2021);
        assertThat(NumberWords.parse(t, b.next(), 10_000).value()).isEqualTo(78);
    }
}
