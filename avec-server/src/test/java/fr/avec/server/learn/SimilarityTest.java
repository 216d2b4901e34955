package fr.avec.server.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** ROUGE-L F1 as the bench computes it: folded words and numbers, punctuation ignored. */
class SimilarityTest {

    @Test
    void identicalTextsScoreOneWhateverTheCaseAccentsAndPunctuation() {
        assertThat(Similarity.rougeL("Fièvre à 38,5 ; amoxicilline 1 g.", "fievre a 38 5 amoxicilline 1 G")).isEqualTo(1.0);
    }

    @Test
    void partialOverlapIsTheHarmonicMeanOfPrecisionAndRecall() {
        // Reference: 4 words; candidate: 6 words; longest common subsequence "angine a streptocoque amoxicilline" = 4.
        double score = Similarity.rougeL("angine a streptocoque traitee par amoxicilline", "angine a streptocoque amoxicilline");
        assertThat(score).isCloseTo(2 * (4 / 6.0) * (4 / 4.0) / ((4 / 6.0) + 1.0), within(1e-9));
    }

    @Test
    void orderMattersAndEmptyTextsScoreZero() {
        assertThat(Similarity.rougeL("b a", "a b")).isEqualTo(0.5);
        assertThat(Similarity.rougeL("", "a b")).isZero();
        assertThat(Similarity.rougeL("c d", "a b")).isZero();
    }
}
