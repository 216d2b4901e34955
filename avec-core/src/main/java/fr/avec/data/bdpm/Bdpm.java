package fr.avec.data.bdpm;

import fr.avec.data.LineProblem;
import fr.avec.data.ReferenceFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The national drug database (Base de données publique des médicaments, ANSM), read from the files
 * exactly as they are published: tab-separated, no header, each file in its own encoding. Malformed
 * lines are reported with their line number and skipped; the load never fails on one bad line.
 */
public record Bdpm(List<BdpmProduct> products, List<BdpmComposition> compositions,
                   List<BdpmPresentation> presentations, List<BdpmGenericGroup> genericGroups,
                   List<BdpmAtc> atc, List<BdpmPrescribingCondition> prescribingConditions,
                   List<BdpmAvailability> availability, Map<BdpmFile, Charset> encodings,
                   List<LineProblem> problems) {

    private static final Pattern CIS = Pattern.compile("\\d{8}");
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    public Bdpm {
        products = List.copyOf(products);
        compositions = List.copyOf(compositions);
        presentations = List.copyOf(presentations);
        genericGroups = List.copyOf(genericGroups);
        atc = List.copyOf(atc);
        prescribingConditions = List.copyOf(prescribingConditions);
        availability = List.copyOf(availability);
        encodings = Collections.unmodifiableMap(new EnumMap<>(encodings));
        problems = List.copyOf(problems);
    }

    /**
     * Loads the BDPM from a folder holding the published files.
     *
     * @throws NoSuchFileException when a required file is missing
     * @throws IOException         when a file cannot be read or decoded
     */
    public static Bdpm load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no BDPM folder");
        }
        Loader loader = new Loader(folder);
        List<BdpmProduct> products = loader.read(BdpmFile.PRODUCTS, Bdpm::product);
        List<BdpmComposition> compositions = loader.read(BdpmFile.COMPOSITIONS, Bdpm::composition);
        List<BdpmPresentation> presentations = loader.read(BdpmFile.PRESENTATIONS, Bdpm::presentation);
        List<BdpmGenericGroup> groups = loader.read(BdpmFile.GENERIC_GROUPS, Bdpm::genericGroup);
        List<BdpmAtc> atc = loader.read(BdpmFile.ATC, (f, r) -> new BdpmAtc(cis(f[0]), f[1].strip(), f[2].strip()));
        List<BdpmPrescribingCondition> conditions = loader.read(BdpmFile.PRESCRIBING_CONDITIONS,
                (f, r) -> new BdpmPrescribingCondition(cis(f[0]), f[1].strip()));
        List<BdpmAvailability> availability = loader.read(BdpmFile.AVAILABILITY, Bdpm::availability);
        return new Bdpm(products, compositions, presentations, groups, atc, conditions, availability,
                loader.encodings, loader.problems);
    }

    /** The number of rows read from a file (skipped lines excluded). */
    public int rowCount(BdpmFile file) {
        return switch (file) {
            case PRODUCTS -> products.size();
            case COMPOSITIONS -> compositions.size();
            case PRESENTATIONS -> presentations.size();
            case GENERIC_GROUPS -> genericGroups.size();
            case ATC -> atc.size();
            case PRESCRIBING_CONDITIONS -> prescribingConditions.size();
            case AVAILABILITY -> availability.size();
        };
    }

    private static BdpmProduct product(String[] f, List<String> remarks) {
        return new BdpmProduct(cis(f[0]), f[1].strip(), f[2].strip(), list(f[3]), f[4].strip(), f[5].strip(),
                f[6].strip().equalsIgnoreCase("Commercialisée"), date(f[7], "authorisation date", remarks), f[8].strip(),
                f[9].strip(), list(f[10]), f[11].strip().equalsIgnoreCase("Oui"));
    }

    private static BdpmComposition composition(String[] f, List<String> remarks) {
        String nature = f[6].strip();
        if (!nature.equals("SA") && !nature.equals("FT")) {
            throw new LineException("component nature is '" + nature + "', expected SA or FT");
        }
        return new BdpmComposition(cis(f[0]), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip(), f[5].strip(),
                nature, integer(f[7], "link number"));
    }

    private static BdpmPresentation presentation(String[] f, List<String> remarks) {
        return new BdpmPresentation(cis(f[0]), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip(),
                date(f[5], "declaration date", remarks), f[6].strip(), f[7].strip().equalsIgnoreCase("oui"), f[8].strip(),
                price(f[9]), f[12].strip());
    }

    private static BdpmGenericGroup genericGroup(String[] f, List<String> remarks) {
        return new BdpmGenericGroup(f[0].strip(), f[1].strip(), cis(f[2]), integer(f[3], "generic type"),
                integer(f[4], "sort order"));
    }

    private static BdpmAvailability availability(String[] f, List<String> remarks) {
        return new BdpmAvailability(cis(f[0]), f[1].strip(), f[2].strip(), f[3].strip(), optionalDate(f[4]),
                optionalDate(f[5]), optionalDate(f[6]), f[7].strip());
    }

    private static String cis(String field) {
        String value = field.strip();
        if (!CIS.matcher(value).matches()) {
            throw new LineException("CIS code '" + value + "' is not 8 digits");
        }
        return value;
    }

    private static int integer(String field, String what) {
        try {
            return Integer.parseInt(field.strip());
        } catch (NumberFormatException e) {
            throw new LineException(what + " '" + field.strip() + "' is not a number");
        }
    }

    private static List<String> list(String field) {
        return Arrays.stream(field.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A required date in dd/mm/yyyy; an odd one is reported and the row kept without it. */
    private static LocalDate date(String field, String what, List<String> remarks) {
        LocalDate date = optionalDate(field);
        if (date == null && !field.isBlank()) {
            remarks.add(what + " '" + field.strip() + "' is not a valid dd/mm/yyyy date; kept without date");
        }
        return date;
    }

    private static LocalDate optionalDate(String field) {
        var matcher = DATE.matcher(field.strip());
        if (!matcher.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(1)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Prices are written « 24,34 », and above a thousand euros « 1,466,29 » (comma as thousands separator too). */
    static BigDecimal price(String field) {
        String value = field.strip().replace(" ", "").replace("\u00a0", "");
        if (value.isEmpty()) {
            return null;
        }
        int decimal = value.lastIndexOf(',');
        String normalised = decimal < 0 ? value
                : value.substring(0, decimal).replace(",", "").replace(".", "") + "." + value.substring(decimal + 1);
        try {
            return new BigDecimal(normalised);
        } catch (NumberFormatException e) {
            throw new LineException("price '" + field.strip() + "' is not a number");
        }
    }

    /** A line that cannot be used; the message says why, never more than the offending field. */
    private static final class LineException extends RuntimeException {
        LineException(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses the fields of one line; non-fatal remarks (odd dates) go to {@code remarks} with the line's number. */
    private interface LineParser<T> {
        T parse(String[] fields, List<String> remarks);
    }

    /** Reads each file once and keeps what was learnt about it. */
    private static final class Loader {
        final Path folder;
        final Map<BdpmFile, Charset> encodings = new EnumMap<>(BdpmFile.class);
        final List<LineProblem> problems = new ArrayList<>();

        Loader(Path folder) {
            this.folder = folder;
        }

        <T> List<T> read(BdpmFile file, LineParser<T> parser) throws IOException {
            Path path = folder.resolve(file.fileName());
            if (!Files.exists(path)) {
                if (file.required()) {
                    throw new NoSuchFileException(path.toString(), null, "required BDPM file missing");
                }
                return List.of();
            }
            ReferenceFile content = ReferenceFile.read(path);
            encodings.put(file, content.charset());
            List<String> lines = content.lines();
            List<T> rows = new ArrayList<>(lines.size());
            List<String> remarks = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int lineNumber = i + 1;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != file.fields()) {
                    problems.add(new LineProblem(file.fileName(), lineNumber,
                            fields.length + " fields instead of " + file.fields() + "; line skipped"));
                    continue;
                }
                try {
                    rows.add(parser.parse(fields, remarks));
                } catch (LineException e) {
                    problems.add(new LineProblem(file.fileName(), lineNumber, e.getMessage() + "; line skipped"));
                }
                for (String remark : remarks) {
                    problems.add(new LineProblem(file.fileName(), lineNumber, remark));
                }
                remarks.clear();
            }
            return rows;
        }
    }
}
