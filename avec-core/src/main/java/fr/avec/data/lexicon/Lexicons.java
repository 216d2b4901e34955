package fr.avec.data.lexicon;

import fr.avec.data.LineProblem;
import fr.avec.data.ReferenceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The open lexicons of names and places that the pseudonymizer uses: first names and family names
 * (INSEE), communes (COG), postal codes (La Poste) and health establishments (FINESS). Malformed lines
 * are reported with their line number and skipped.
 */
public record Lexicons(List<FirstName> firstNames, List<String> familyNames, List<Commune> communes,
                       List<PostalCode> postalCodes, List<HealthEstablishment> establishments,
                       List<LexiconFile> missing, List<LineProblem> problems) {

    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
    private static final Pattern INSEE_CODE = Pattern.compile("(\\d{2}|2A|2B)\\d{3}");
    private static final Pattern FINESS = Pattern.compile("(\\d{2}|2A|2B)\\d{7}");

    public Lexicons {
        firstNames = List.copyOf(firstNames);
        familyNames = List.copyOf(familyNames);
        communes = List.copyOf(communes);
        postalCodes = List.copyOf(postalCodes);
        establishments = List.copyOf(establishments);
        missing = List.copyOf(missing);
        problems = List.copyOf(problems);
    }

    /** No lexicon at all: the pseudonymizer then works from context rules alone. */
    public static Lexicons empty() {
        return new Lexicons(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(LexiconFile.values()), List.of());
    }

    /**
     * Loads every lexicon found under a {@code lexicons/} folder. A missing file is listed in
     * {@link #missing()}, not an error: each lexicon improves recall, none is required.
     *
     * @throws NoSuchFileException when the folder itself does not exist
     */
    public static Lexicons load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no lexicons folder");
        }
        Loader loader = new Loader(folder);
        List<FirstName> firstNames = loader.read(LexiconFile.FIRST_NAMES, f -> {
            FirstName.Sex sex = switch (f[1].strip()) {
                case "1" -> FirstName.Sex.MALE;
                case "2" -> FirstName.Sex.FEMALE;
                default -> throw new IllegalArgumentException("sex '" + f[1].strip() + "' is neither 1 nor 2");
            };
            return new FirstName(name(f[0]), sex, Long.parseLong(f[2].strip()));
        });
        List<String> familyNames = loader.read(LexiconFile.FAMILY_NAMES, f -> name(f[0]));
        List<Commune> communes = loader.read(LexiconFile.COMMUNES, f -> {
            String code = f[1].strip();
            if (!INSEE_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("INSEE code '" + code + "' is not valid");
            }
            return new Commune(f[0].strip(), code, required(f[3], "commune name"), f[2].strip());
        });
        List<PostalCode> postalCodes = loader.read(LexiconFile.POSTAL_CODES, f -> {
            String code = f[2].strip();
            if (!POSTAL_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("postal code '" + code + "' is not 5 digits");
            }
            return new PostalCode(code, required(f[1], "commune name"), f[0].strip(), f[3].strip());
        });
        List<HealthEstablishment> establishments = loader.read(LexiconFile.HEALTH_ESTABLISHMENTS, f -> {
            String finess = f[0].strip();
            if (!FINESS.matcher(finess).matches()) {
                throw new IllegalArgumentException("FINESS '" + finess + "' is not 9 characters (2 digits or 2A/2B, then 7 digits)");
            }
            return new HealthEstablishment(finess, required(f[1], "name"), f[2].strip());
        });
        return new Lexicons(firstNames, familyNames, communes, postalCodes, establishments, loader.missing, loader.problems);
    }

    /** The number of rows read from a file (skipped lines excluded). */
    public int rowCount(LexiconFile file) {
        return switch (file) {
            case FIRST_NAMES -> firstNames.size();
            case FAMILY_NAMES -> familyNames.size();
            case COMMUNES -> communes.size();
            case POSTAL_CODES -> postalCodes.size();
            case HEALTH_ESTABLISHMENTS -> establishments.size();
        };
    }

    private static String name(String field) {
        String value = field.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty name");
        }
        return value.toUpperCase(Locale.ROOT);
    }

    private static String required(String field, String what) {
        String value = field.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty " + what);
        }
        return value;
    }

    /** Splits a delimited line; double-quoted fields may hold the separator and doubled quotes. */
    static String[] split(String line, char separator) {
        if (separator == '\0') {
            return new String[] {line};
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }

    /** Parses one row whose fields are given in the order of {@link LexiconFile#columns()}. */
    private interface RowParser<T> {
        T parse(String[] fields);
    }

    private static final class Loader {
        final Path folder;
        final List<LexiconFile> missing = new ArrayList<>();
        final List<LineProblem> problems = new ArrayList<>();

        Loader(Path folder) {
            this.folder = folder;
        }

        <T> List<T> read(LexiconFile file, RowParser<T> parser) throws IOException {
            Path path = folder.resolve(file.relativePath());
            if (!Files.isRegularFile(path)) {
                missing.add(file);
                return List.of();
            }
            List<String> lines = ReferenceFile.read(path).lines();
            List<T> result = new ArrayList<>(lines.size());
            int[] indexes = {0};
            int first = 0;
            if (!file.columns().isEmpty()) {
                indexes = columnIndexes(file, path, lines.isEmpty() ? "" : lines.get(0));
                first = 1;
            }
            int needed = Arrays.stream(indexes).max().orElse(0) + 1;
            String[] selected = new String[indexes.length];
            for (int i = first; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = split(line, file.separator());
                if (fields.length < needed) {
                    problems.add(new LineProblem(file.fileName(), i + 1, fields.length + " fields instead of at least " + needed + "; line skipped"));
                    continue;
                }
                for (int c = 0; c < indexes.length; c++) {
                    selected[c] = fields[indexes[c]];
                }
                try {
                    result.add(parser.parse(selected));
                } catch (IllegalArgumentException e) {
                    problems.add(new LineProblem(file.fileName(), i + 1, e.getMessage() + "; line skipped"));
                }
            }
            return result;
        }

        /** Finds the needed columns in the header by name, so that a reordered or extended file still reads. */
        private static int[] columnIndexes(LexiconFile file, Path path, String headerLine) throws IOException {
            String[] header = split(headerLine, file.separator());
            int[] indexes = new int[file.columns().size()];
            for (int c = 0; c < indexes.length; c++) {
                indexes[c] = -1;
                List<String> alternatives = List.of(file.columns().get(c).split("\\|"));
                for (int h = 0; h < header.length && indexes[c] < 0; h++) {
                    String name = header[h].strip().replaceFirst("^\\uFEFF", "").replaceFirst("^#", "").toLowerCase(Locale.ROOT);
                    if (alternatives.contains(name)) {
                        indexes[c] = h;
                    }
                }
                if (indexes[c] < 0) {
                    throw new ReferenceFile.MalformedReferenceFileException(path + ": header has no column '"
                            + file.columns().get(c) + "'; is this the right file?");
                }
            }
            return indexes;
        }
    }
}
