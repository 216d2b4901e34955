package fr.avec.bench;

import fr.avec.data.bdpm.Bdpm;
import fr.avec.text.Quantity;
import fr.avec.text.QuantityScanner;
import fr.avec.verify.DrugLexicon;
import fr.avec.verify.DrugMention;
import fr.avec.verify.Finding;
import fr.avec.verify.FindingKind;
import fr.avec.verify.Report;
import fr.avec.verify.Verifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Injects errors into real texts, in the spirit of FactCC's swap operators (Kryściński et al., 2020), and
 * measures how many the engine detects: invented drug names and misspelt drugs in the QUAERO EMEA texts and
 * the MTS-Dialog notes; changed numbers, swapped units and flipped negations in the MTS-Dialog notes with
 * their dialogues as sources; fabricated citations against a reference list of QUAERO MEDLINE titles.
 * One error per perturbed copy; an error counts as detected when a finding of an expected kind overlaps
 * the injected span. False alarms are counted on the untouched texts.
 * Run: {@code java -cp avec-bench/target/avec-bench.jar fr.avec.bench.PerturbationEvaluation DATA_DIR [SEED]}.
 */
public final class PerturbationEvaluation {

    /** The perturbation operators. */
    enum Operator { INVENTED_DRUG, MISSPELT_DRUG, CHANGED_NUMBER, SWAPPED_UNIT, FLIPPED_NEGATION, FABRICATED_CITATION, INSERTED_SENTENCE }

    private static final String[] STEMS = {"tinib", "mab", "pril", "sartan", "olol", "conazole", "cilline", "mycine", "statine", "prazole"};
    private static final String[] SYLLABLES = {"zo", "ra", "vi", "lo", "te", "ka", "mi", "dru", "pe", "xa", "bo", "ne", "fu", "gly", "tor"};

    /** The support threshold can be varied with -Dverify.support=0.35 to trace the trade-off. */
    private static final Verifier.Options OPTIONS = new Verifier.Options(false, 60,
            Double.parseDouble(System.getProperty("verify.support", "0.4")), 2_000_000);

    private final Verifier verifier;
    private final DrugLexicon lexicon;
    private final Random random;
    private final Map<Operator, int[]> counts = new EnumMap<>(Operator.class);
    private int misspellings;
    private int misspellingsTop1;
    private final Map<FindingKind, Integer> falseAlarms = new TreeMap<>();
    private int untouched;
    private final List<String> misses = new ArrayList<>();

    private PerturbationEvaluation(DrugLexicon lexicon, long seed) {
        this.lexicon = lexicon;
        this.verifier = Verifier.builder().drugs(lexicon).build();
        this.random = new Random(seed);
        for (Operator o : Operator.values()) {
            counts.put(o, new int[2]);
        }
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        DrugLexicon lexicon = DrugLexicon.from(Bdpm.load(data.resolve("bdpm")));
        PerturbationEvaluation e = new PerturbationEvaluation(lexicon, seed);
        // French real texts: QUAERO EMEA (drug leaflets), no source.
        List<Path> emea;
        try (Stream<Path> s = Files.walk(data.resolve("quaero"))) {
            emea = s.filter(p -> p.toString().contains("EMEA") && p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path p : emea) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            e.drugOperators(text, List.of(), 5);
        }
        // MTS-Dialog notes with their dialogues as sources.
        List<List<String>> rows = Csv.parse(Files.readString(data.resolve("mts-dialog").resolve("Main-Dataset").resolve("MTS-Dialog-TrainingSet.csv"), StandardCharsets.UTF_8));
        int notes = 0;
        List<String> allNotes = rows.subList(1, rows.size()).stream().filter(r -> r.size() >= 4).map(r -> r.get(2)).toList();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() < 4) {
                continue;
            }
            String note = row.get(2);
            String dialogue = row.get(3);
            notes++;
            e.untouched(note, List.of(dialogue));
            e.drugOperators(note, List.of(dialogue), 1);
            e.numberOperators(note, List.of(dialogue));
            e.negationOperator(note, List.of(dialogue));
            e.insertedSentence(note, List.of(dialogue), allNotes);
        }
        // Citations: a synthesis citing QUAERO MEDLINE titles as references.
        List<Path> titles;
        try (Stream<Path> s = Files.walk(data.resolve("quaero").resolve("train").resolve("MEDLINE"))) {
            titles = s.filter(p -> p.toString().endsWith(".txt")).sorted().limit(200).toList();
        }
        for (int i = 0; i + 5 <= titles.size(); i += 5) {
            List<String> refs = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                refs.add("[" + (k + 1) + "] " + Files.readString(titles.get(i + k), StandardCharsets.UTF_8).strip()
                        + " PMID: " + titles.get(i + k).getFileName().toString().replace(".txt", ""));
            }
            e.citationOperator(String.join("\n", refs), titles.subList(i, i + 5));
        }
        System.out.printf(Locale.ROOT, "seed %d; %d EMEA texts, %d MTS-Dialog notes%n", seed, emea.size(), notes);
        int injected = 0;
        int detected = 0;
        for (Map.Entry<Operator, int[]> c : e.counts.entrySet()) {
            injected += c.getValue()[0];
            detected += c.getValue()[1];
            System.out.printf(Locale.ROOT, "%-20s injected %5d detected %5d rate %.3f%n", c.getKey(), c.getValue()[0], c.getValue()[1],
                    c.getValue()[0] == 0 ? 0.0 : (double) c.getValue()[1] / c.getValue()[0]);
        }
        System.out.printf(Locale.ROOT, "ALL                  injected %5d detected %5d rate %.3f%n", injected, detected, (double) detected / injected);
        System.out.printf(Locale.ROOT, "misspellings detected %d, suggestion top-1 right %d (%.3f)%n", e.misspellings, e.misspellingsTop1,
                e.misspellings == 0 ? 0.0 : (double) e.misspellingsTop1 / e.misspellings);
        System.out.printf(Locale.ROOT, "untouched MTS-Dialog notes: %d; findings per note by kind:%n", e.untouched);
        e.falseAlarms.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-24s %6d  %.3f per note%n", k, v, (double) v / e.untouched));
        if (args.length > 2) {
            e.misses.stream().limit(Integer.parseInt(args[2])).forEach(m -> System.out.println("  MISS " + m));
        }
    }

    private void untouched(String note, List<String> sources) {
        untouched++;
        for (Finding f : verifier.verify(note, sources, List.of(), OPTIONS).findings()) {
            falseAlarms.merge(f.kind(), 1, Integer::sum);
        }
    }

    private void drugOperators(String text, List<String> sources, int perText) {
        List<DrugMention> mentions = lexicon.mentions(text).stream()
                .filter(m -> m.text().length() >= 6 && m.text().chars().allMatch(Character::isLetter)).toList();
        for (int k = 0; k < Math.min(perText, mentions.size()); k++) {
            DrugMention m = mentions.get(random.nextInt(mentions.size()));
            String invented = invent(Character.isUpperCase(m.text().charAt(0)));
            record(Operator.INVENTED_DRUG, replace(text, m.start(), m.end(), invented), sources, m.start(), m.start() + invented.length(),
                    Set.of(FindingKind.UNKNOWN_DRUG), null);
            String misspelt = misspell(m.text());
            if (misspelt != null) {
                record(Operator.MISSPELT_DRUG, replace(text, m.start(), m.end(), misspelt), sources, m.start(), m.start() + misspelt.length(),
                        Set.of(FindingKind.UNKNOWN_DRUG), m);
            }
        }
    }

    private void numberOperators(String note, List<String> sources) {
        Report clean = verifier.verify(note, sources, List.of(), OPTIONS);
        List<Quantity> grounded = QuantityScanner.scan(note).stream()
                .filter(q -> q.kind() == Quantity.Kind.NUMBER && !q.inWords() && !listNumber(note, q))
                .filter(q -> clean.findings().stream().noneMatch(f -> f.start() < q.end() && f.end() > q.start()))
                .toList();
        if (grounded.isEmpty()) {
            return;
        }
        Quantity q = grounded.get(random.nextInt(grounded.size()));
        String written = note.substring(q.start(), q.end());
        Matcher digits = Pattern.compile("\\d+").matcher(written);
        if (digits.find()) {
            long value = Long.parseLong(digits.group());
            long changed = value + 1 + random.nextInt(Math.max(2, (int) Math.min(value, 20)));
            String replaced = written.substring(0, digits.start()) + changed + written.substring(digits.end());
            record(Operator.CHANGED_NUMBER, replace(note, q.start(), q.end(), replaced), sources, q.start(), q.start() + replaced.length(),
                    Set.of(FindingKind.NUMBER_NOT_IN_SOURCE, FindingKind.UNIT_MISMATCH), null);
        }
        List<Quantity> withUnits = grounded.stream().filter(Quantity::hasUnit).toList();
        if (!withUnits.isEmpty()) {
            Quantity u = withUnits.get(random.nextInt(withUnits.size()));
            String w = note.substring(u.start(), u.end());
            String swapped = swapUnit(w);
            if (swapped != null) {
                record(Operator.SWAPPED_UNIT, replace(note, u.start(), u.end(), swapped), sources, u.start(), u.start() + swapped.length(),
                        Set.of(FindingKind.UNIT_MISMATCH, FindingKind.NUMBER_NOT_IN_SOURCE), null);
            }
        }
    }

    private static final Pattern NEGATED = Pattern.compile("\\b(denies|no|without|negative for) (?:any )?([a-z]{4,})");
    private static final Pattern AFFIRMED = Pattern.compile("\\b(reports|complains of|positive for|endorses) ([a-z]{4,})");
    private static final Set<String> NOT_FINDINGS = Set.of("been", "having", "other", "known", "further", "significant", "longer",
            "more", "history", "problems", "issues", "complaints", "that", "this", "there", "which", "what", "when", "acute", "recent");

    /**
     * Flips one negation about a finding the dialogue talks about (« denies chest pain » → « reports chest
     * pain »), or negates one reported finding; a flip about something the dialogue never mentions would be
     * a fabrication, not a contradiction, and is not injected.
     */
    private void negationOperator(String note, List<String> sources) {
        String dialogue = String.join("\n", sources).toLowerCase(Locale.ROOT);
        Matcher m = NEGATED.matcher(note);
        while (m.find()) {
            String term = m.group(2);
            if (NOT_FINDINGS.contains(term) || !dialogue.contains(term)) {
                continue;
            }
            String flipped = switch (m.group(1)) {
                case "denies" -> "reports " + term;
                case "without" -> "with " + term;
                case "negative for" -> "positive for " + term;
                default -> "has " + term;
            };
            record(Operator.FLIPPED_NEGATION, replace(note, m.start(), m.end(), flipped), sources, m.start(), m.start() + flipped.length(),
                    Set.of(FindingKind.NEGATION_CONFLICT), null);
            return;
        }
        m = AFFIRMED.matcher(note);
        while (m.find()) {
            String term = m.group(2);
            if (NOT_FINDINGS.contains(term) || !dialogue.contains(term)) {
                continue;
            }
            String flipped = "denies " + term;
            record(Operator.FLIPPED_NEGATION, replace(note, m.start(), m.end(), flipped), sources, m.start(), m.start() + flipped.length(),
                    Set.of(FindingKind.NEGATION_CONFLICT), null);
            return;
        }
    }

    /** A sentence of another patient's note appended: content the dialogue never supports. */
    private void insertedSentence(String note, List<String> sources, List<String> notes) {
        String other = notes.get(random.nextInt(notes.size()));
        List<fr.avec.text.Sentences.Span> spans = fr.avec.text.Sentences.split(other);
        List<String> candidates = spans.stream().map(sp -> other.substring(sp.start(), sp.end()))
                .filter(x -> x.split("\\s+").length >= 6 && x.endsWith(".")).toList();
        if (candidates.isEmpty()) {
            return;
        }
        String sentence = candidates.get(random.nextInt(candidates.size()));
        String text = note.strip() + "  " + sentence;
        int start = text.length() - sentence.length();
        record(Operator.INSERTED_SENTENCE, text, sources, start, text.length(),
                Set.of(FindingKind.UNSUPPORTED_SENTENCE, FindingKind.NUMBER_NOT_IN_SOURCE, FindingKind.DRUG_NOT_IN_SOURCE), null);
    }

    private void citationOperator(String references, List<Path> titles) {
        String text = "Plusieurs travaux ont étudié ces questions [1], [2]. D'autres l'ont confirmé [4].";
        List<String> refs = List.of(references);
        Report clean = verifier.verify(text, List.of(), refs, OPTIONS);
        clean.findings().stream().filter(f -> f.kind() == FindingKind.CITATION_NOT_IN_REFERENCES)
                .forEach(f -> falseAlarms.merge(f.kind(), 1, Integer::sum));
        int number = 6 + random.nextInt(20);
        String fabricated = text.replace("[4]", "[" + number + "]");
        int at = fabricated.indexOf("[" + number + "]");
        record(Operator.FABRICATED_CITATION, fabricated, List.of(), at, at + 3, Set.of(FindingKind.CITATION_NOT_IN_REFERENCES), null, refs);
        String pmid = "PMID: " + (10_000_000 + random.nextInt(9_000_000));
        String withPmid = text.replace("[4]", "(" + pmid + ")");
        at = withPmid.indexOf(pmid);
        record(Operator.FABRICATED_CITATION, withPmid, List.of(), at, at + pmid.length(), Set.of(FindingKind.CITATION_NOT_IN_REFERENCES), null, refs);
        String authorYear = "(Lefebvre et al., " + (1990 + random.nextInt(30)) + ")";
        String withAuthor = text.replace("[4]", authorYear);
        at = withAuthor.indexOf(authorYear);
        record(Operator.FABRICATED_CITATION, withAuthor, List.of(), at, at + authorYear.length(), Set.of(FindingKind.CITATION_NOT_IN_REFERENCES), null, refs);
    }

    private void record(Operator op, String text, List<String> sources, int start, int end, Set<FindingKind> kinds, DrugMention original) {
        record(op, text, sources, start, end, kinds, original, List.of());
    }

    private void record(Operator op, String text, List<String> sources, int start, int end, Set<FindingKind> kinds, DrugMention original,
                        List<String> references) {
        Report report = verifier.verify(text, sources, references, OPTIONS);
        counts.get(op)[0]++;
        Finding hit = report.findings().stream().filter(f -> kinds.contains(f.kind()) && f.start() < end && f.end() > start)
                .findFirst().orElse(null);
        if (hit != null) {
            counts.get(op)[1]++;
            if (original != null) {
                misspellings++;
                DrugLexicon.Entry suggested = hit.suggestion() == null ? null : lexicon.lookup(fr.avec.text.FoldedText.fold(hit.suggestion()));
                boolean right = hit.suggestion() != null && (fr.avec.text.FoldedText.fold(hit.suggestion()).equals(fr.avec.text.FoldedText.fold(original.text()))
                        || suggested != null && suggested.substances().equals(lexicon.lookup(fr.avec.text.FoldedText.fold(original.text())) == null
                        ? null : lexicon.lookup(fr.avec.text.FoldedText.fold(original.text())).substances()));
                if (right) {
                    misspellingsTop1++;
                } else {
                    misses.add("suggestion " + hit.suggestion() + " for " + hit.text() + " (was " + original.text() + ")");
                }
            }
        } else {
            misses.add(op + ": " + text.substring(Math.max(0, start - 50), Math.min(text.length(), end + 30)).replace('\n', ' '));
        }
    }

    private String invent(boolean capitalised) {
        StringBuilder name = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        name.append(STEMS[random.nextInt(STEMS.length)]);
        String s = name.toString();
        return capitalised ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
    }

    /** One random edit after the first letter (deletion, doubling, substitution by a neighbour, transposition). */
    private String misspell(String word) {
        for (int attempt = 0; attempt < 10; attempt++) {
            int i = 1 + random.nextInt(word.length() - 2);
            String out = switch (random.nextInt(4)) {
                case 0 -> word.substring(0, i) + word.substring(i + 1);
                case 1 -> word.substring(0, i) + word.charAt(i) + word.substring(i);
                case 2 -> word.substring(0, i) + "aeioucmnrst".charAt(random.nextInt(11)) + word.substring(i + 1);
                default -> word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
            };
            String folded = fr.avec.text.FoldedText.fold(out);
            if (!out.equals(word) && !lexicon.contains(folded)) {
                return out;
            }
        }
        return null;
    }

    private static String swapUnit(String written) {
        String[][] swaps = {{"mg", "g"}, {"kg", "lb"}, {"mcg", "mg"}, {"ml", "l"}, {"mL", "L"}, {"years", "months"}, {"year", "month"},
            {"days", "weeks"}, {"weeks", "months"}, {"hours", "days"}, {"%", "mg"}, {"cm", "mm"}, {"pounds", "kg"}, {"months", "years"},
            {"minutes", "hours"}, {"units", "mg"}, {"day", "week"}};
        for (String[] swap : swaps) {
            Matcher m = Pattern.compile("(?<=[\\d\\s-])" + Pattern.quote(swap[0]) + "\\b").matcher(written);
            if (m.find()) {
                return written.substring(0, m.start()) + swap[1] + written.substring(m.end());
            }
            if (swap[0].equals("%") && written.endsWith("%")) {
                return written.substring(0, written.length() - 1) + " mg";
            }
        }
        return null;
    }

    /** « 1. », « 2) » numbering a list item: not a value, never changed. */
    private static boolean listNumber(String text, Quantity q) {
        if (q.hasUnit() || q.end() >= text.length() || text.charAt(q.end()) != '.' && text.charAt(q.end()) != ')') {
            return false;
        }
        String before = text.substring(0, q.start()).stripTrailing();
        return before.isEmpty() || before.endsWith(".") || before.endsWith(":") || before.endsWith("\n") || before.endsWith(";");
    }

    private static String replace(String text, int start, int end, String replacement) {
        return text.substring(0, start) + replacement + text.substring(end);
    }
}
