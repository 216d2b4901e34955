package fr.avec.estimate;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares an AI draft with the text the professional validated, word by word (Myers diff from
 * java-diff-utils), and attributes each change to the section of the draft where it happened.
 * Whitespace and line breaks never count as changes; case and punctuation inside words do.
 */
public final class CorrectionsAnalysis {

    /** A word: letters and digits with inner apostrophes, hyphens, decimal commas or points (« 38,5 », « aujourd'hui »). */
    private static final Pattern WORD = Pattern.compile("°?[\\p{L}\\p{N}]+(?:[’'\\-.,/][\\p{L}\\p{N}]+)*");

    /** Headings of French clinical notes: a short line ending with a colon, or one of the usual section names. */
    private static final Pattern HEADING_LINE = Pattern.compile("^\\s*([^:\\n]{2,60}?)\\s*:\\s*(.*)$", Pattern.MULTILINE);

    private static final Set<String> KNOWN_SECTIONS = Set.of(
            "motif", "motif de consultation", "motif de la consultation", "antecedents", "antecedents medicaux",
            "antecedents chirurgicaux", "antecedents familiaux", "allergies", "traitement", "traitements",
            "traitement habituel", "traitement en cours", "histoire de la maladie", "anamnese", "mode de vie",
            "examen", "examen clinique", "examens complementaires", "biologie", "imagerie", "conclusion",
            "synthese", "diagnostic", "conduite a tenir", "plan", "suivi", "ordonnance", "prescription",
            "recommandations", "au total");

    private CorrectionsAnalysis() {
    }

    /** Compares a draft with its validated version. */
    public static Corrections compare(String draft, String validated) {
        List<Word> draftWords = words(draft);
        List<Word> validatedWords = words(validated);
        List<Section> sections = sections(draft, draftWords);

        Patch<String> patch = DiffUtils.diff(draftWords.stream().map(Word::text).toList(),
                validatedWords.stream().map(Word::text).toList());
        int inserted = 0;
        int deleted = 0;
        int substituted = 0;
        int[] sectionEdits = new int[sections.size()];
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int source = delta.getSource().size();
            int target = delta.getTarget().size();
            int common = Math.min(source, target);
            substituted += common;
            deleted += source - common;
            inserted += target - common;
            int position = delta.getSource().getPosition();
            int edits = Math.max(source, target);
            sectionEdits[sectionAt(sections, Math.min(position, Math.max(0, draftWords.size() - 1)))] += edits;
        }
        List<Corrections.SectionChange> changes = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            changes.add(new Corrections.SectionChange(section.title, section.words, sectionEdits[i]));
        }
        return new Corrections(draftWords.size(), validatedWords.size(), inserted, deleted, substituted, changes);
    }

    private record Word(String text, int start) {
    }

    private record Section(String title, int firstWord, int words) {
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(new Word(matcher.group(), matcher.start()));
        }
        return words;
    }

    /** Splits the draft into sections at its headings; text before the first heading is an untitled section. */
    private static List<Section> sections(String draft, List<Word> words) {
        List<Integer> boundaries = new ArrayList<>(List.of(0));
        List<String> titles = new ArrayList<>(List.of(""));
        Matcher matcher = HEADING_LINE.matcher(draft);
        while (matcher.find()) {
            String title = matcher.group(1).strip();
            if (isHeading(title)) {
                boundaries.add(matcher.start(1));
                titles.add(title);
            }
        }
        List<Section> sections = new ArrayList<>();
        int wordIndex = 0;
        for (int b = 0; b < boundaries.size(); b++) {
            int end = b + 1 < boundaries.size() ? boundaries.get(b + 1) : Integer.MAX_VALUE;
            int first = wordIndex;
            while (wordIndex < words.size() && words.get(wordIndex).start() < end) {
                wordIndex++;
            }
            boolean emptyPreamble = b == 0 && wordIndex == first && boundaries.size() > 1;
            if (!emptyPreamble) {
                sections.add(new Section(titles.get(b), first, wordIndex - first));
            }
        }
        return sections;
    }

    private static boolean isHeading(String title) {
        String folded = fold(title);
        if (KNOWN_SECTIONS.contains(folded)) {
            return true;
        }
        // An upper-case line of at most five words (« EXAMEN NEUROLOGIQUE : ») is a heading too.
        return title.equals(title.toUpperCase(Locale.ROOT)) && title.chars().anyMatch(Character::isLetter)
                && title.split("\\s+").length <= 5;
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static int sectionAt(List<Section> sections, int wordPosition) {
        for (int i = sections.size() - 1; i >= 0; i--) {
            if (wordPosition >= sections.get(i).firstWord()) {
                return i;
            }
        }
        return 0;
    }
}
