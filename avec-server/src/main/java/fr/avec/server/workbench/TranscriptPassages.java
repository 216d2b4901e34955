package fr.avec.server.workbench;

import fr.avec.text.FoldedText;
import fr.avec.text.Sentences;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the passage of a transcript that bears on a finding, for the review screen: the sentence that
 * contains the flagged words, or else the sentence sharing the most content words with the flagged
 * sentence of the note (what a negation conflict contradicts); none when nothing in the transcript is
 * close, which is itself the explanation of kinds such as a number absent from the transcript.
 */
final class TranscriptPassages {

    /** Fewest shared content words for a sentence to count as the passage a note sentence comes from. */
    static final int MIN_SHARED_WORDS = 2;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{4,}");

    private final FoldedText transcript;
    private final List<Sentences.Span> sentences;
    private final List<Set<String>> sentenceWords;

    TranscriptPassages(String transcript) {
        this.transcript = FoldedText.of(transcript);
        this.sentences = Sentences.split(transcript).stream().filter(s -> s.end() > s.start()).toList();
        this.sentenceWords = sentences.stream().map(s -> words(this.transcript.folded(), s)).toList();
    }

    /** The passage for a finding on {@code note[start, end)}, as {start, end} in the transcript, or null. */
    int[] passage(String kind, String note, int start, int end) {
        if (kind.equals("NUMBER_NOT_IN_SOURCE") || kind.equals("UNKNOWN_DRUG") || kind.equals("DRUG_NOT_IN_SOURCE")) {
            // By definition the transcript lacks these words; a near sentence would suggest support that is not there.
            return null;
        }
        String flagged = FoldedText.fold(note.substring(start, end)).strip();
        if (flagged.length() >= 3 && !kind.equals("UNSUPPORTED_SENTENCE")) {
            int at = transcript.folded().indexOf(flagged);
            if (at >= 0) {
                return sentenceAround(transcript.originalOffset(at));
            }
        }
        if (kind.equals("UNSUPPORTED_SENTENCE")) {
            return null;
        }
        Sentences.Span noteSentence = Sentences.split(note).stream().filter(s -> s.start() <= start && s.end() >= end).findFirst()
                .orElse(new Sentences.Span(start, end));
        Set<String> wanted = words(FoldedText.fold(note), noteSentence);
        int best = -1;
        int bestShared = MIN_SHARED_WORDS - 1;
        for (int i = 0; i < sentences.size(); i++) {
            int shared = 0;
            for (String word : sentenceWords.get(i)) {
                if (wanted.contains(word)) {
                    shared++;
                }
            }
            if (shared > bestShared) {
                bestShared = shared;
                best = i;
            }
        }
        return best < 0 ? null : new int[] {sentences.get(best).start(), sentences.get(best).end()};
    }

    private int[] sentenceAround(int offset) {
        for (Sentences.Span span : sentences) {
            if (span.start() <= offset && offset < span.end()) {
                return new int[] {span.start(), span.end()};
            }
        }
        return null;
    }

    private static Set<String> words(String folded, Sentences.Span span) {
        // FoldedText keeps lengths for the characters the splitter looks at, except ligatures: clamp.
        int from = Math.min(span.start(), folded.length());
        int to = Math.min(span.end(), folded.length());
        Set<String> words = new HashSet<>();
        Matcher matcher = WORD.matcher(folded).region(from, to);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }
}
