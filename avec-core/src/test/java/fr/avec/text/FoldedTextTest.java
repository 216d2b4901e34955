package fr.avec.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldedTextTest {

    @Test
    void foldsAccentsCaseAndTypography() {
        assertThat(FoldedText.fold("PARACÉTAMOL")).isEqualTo("paracetamol");
        assertThat(FoldedText.fold("Kardégic")).isEqualTo("kardegic");
        assertThat(FoldedText.fold("l’œdème")).isEqualTo("l'oedeme");
        assertThat(FoldedText.fold("5\u00A0mg")).isEqualTo("5 mg");
    }

    @Test
    void mapsFoldedOffsetsBackToTheOriginal() {
        FoldedText f = FoldedText.of("Œdème 3 cm");
        int at = f.folded().indexOf("3");
        assertThat(f.originalOffset(at)).isEqualTo(6);
    }

    @Test
    void tokenizerSplitsDigitsFromLetters() {
        assertThat(Tokenizer.tokenize("500mg")).extracting(Token::text).containsExactly("500", "mg");
    }
}
