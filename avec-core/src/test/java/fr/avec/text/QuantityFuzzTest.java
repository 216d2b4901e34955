package fr.avec.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Doses and numbers are read from model output, the least trusted text there is: every quantity found lies
 * inside the text, and every value is a number (no NaN from an odd « 1,,5 » or « mille mille »).
 */
class QuantityFuzzTest {

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({" mg", " g", " mL", " UI", "/j", " x ", ",", "cinq", "cent", "mille", "vingt-deux", "et demi",
            "/kg/j", " cp", "1/2", "deux fois par jour", "%", "mmHg"})
    void everyQuantityIsInsideTheTextAndANumber(String text) {
        if (text == null) {
            return; // Jazzer's first regression input; a null text is refused by contract, not parsed.
        }
        for (Quantity quantity : QuantityScanner.scan(text)) {
            assertThat(quantity.start()).isBetween(0, quantity.end());
            assertThat(quantity.end()).isLessThanOrEqualTo(text.length());
            assertThat(quantity.value()).isNotNaN();
        }
    }
}
