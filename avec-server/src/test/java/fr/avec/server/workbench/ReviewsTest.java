package fr.avec.server.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parts of the review that need no database: the draft diff, line ends and transcript passages. */
class ReviewsTest {

    @Test
    void theDiffShowsWhatTheClinicianChangedLineByLine() {
        String draft = "Motif : angine.\nTraitement : amoxicilline 1,5 g matin et soir.\nConclusion : angine.";
        String validated = "Motif : angine.\nTraitement : amoxicilline 1 g matin et soir.\nConclusion : angine.";
        String diff = Reviews.diff(draft, validated);
        assertThat(diff).contains("-Traitement : amoxicilline 1,5 g matin et soir.").contains("+Traitement : amoxicilline 1 g matin et soir.")
                .doesNotContain("-Motif");
        assertThat(Reviews.diff(draft, draft)).isEmpty();
    }

    @Test
    void browserLineEndsBecomeTheEditorsSoOffsetsMatch() {
        assertThat(Consultations.lines("a\r\nb\rc\nd")).isEqualTo("a\nb\nc\nd");
        assertThat(Consultations.lines(null)).isNull();
    }

    @Test
    void aPassageIsTheTranscriptSentenceTheFindingComesFrom() {
        String transcript = "Patient : j'ai de la fièvre depuis hier.\nMédecin : pas de toux ? Patient : non, je ne tousse pas du tout.";
        TranscriptPassages passages = new TranscriptPassages(transcript);
        String note = "Histoire : fièvre depuis hier, toux grasse.";
        int at = note.indexOf("toux grasse");
        int[] passage = passages.passage("NEGATION_CONFLICT", note, at, at + "toux grasse".length());
        assertThat(passage).isNotNull();
        assertThat(transcript.substring(passage[0], passage[1])).contains("fièvre depuis hier");

        int[] exact = passages.passage("DOSE_NOT_MARKETED", "toux", 0, 4);
        assertThat(exact).isNotNull();
        assertThat(transcript.substring(exact[0], exact[1])).contains("pas de toux");
    }

    @Test
    void valuesAndDrugsAbsentFromTheTranscriptHaveNoPassage() {
        TranscriptPassages passages = new TranscriptPassages("Amoxicilline 1 g matin et soir pendant 6 jours.");
        String note = "Amoxicilline 1,5 g matin et soir pendant 6 jours.";
        assertThat(passages.passage("NUMBER_NOT_IN_SOURCE", note, 13, 18)).isNull();
        assertThat(passages.passage("UNKNOWN_DRUG", "Zorbicilline", 0, 12)).isNull();
        assertThat(passages.passage("UNSUPPORTED_SENTENCE", note, 0, note.length())).isNull();
    }
}
