package fr.avec.data;

import fr.avec.data.bdpm.Bdpm;
import fr.avec.data.bdpm.BdpmFile;
import fr.avec.data.bdpm.BdpmPresentation;
import fr.avec.data.lexicon.LexiconFile;
import fr.avec.data.lexicon.Lexicons;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The reference data directory: installs data sets atomically (a new set is staged, validated by
 * loading it, and only then swapped in, so a failed import or download never destroys the current
 * data) and keeps a manifest of what is installed: checksums, row counts, encodings and dates.
 */
public final class DataStore {

    /** The manifest file name in the data directory. */
    public static final String MANIFEST = "manifest.properties";

    private final Path root;
    private final Clock clock;

    public DataStore(Path root, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
    }

    public DataStore(Path root) {
        this(root, Clock.systemUTC());
    }

    public Path root() {
        return root;
    }

    /** What is installed for one file. */
    public record InstalledFile(Dataset dataset, Path file, String sha256, long bytes, int rows, String encoding,
                                String source, Instant installedAt, LocalDate publishedOn) {
    }

    /** The outcome of installing data sets: what was installed and the lines skipped while validating. */
    public record InstallReport(List<InstalledFile> files, List<LineProblem> problems) {
        public InstallReport {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Installs the data sets found in {@code source}, a folder laid out like the data directory
     * ({@code bdpm/}, {@code lexicons/...}). Data sets absent from the source are left as they are.
     *
     * @param origin         what to record as the source (a folder or a URL)
     * @param publishedDates publication dates per file name when known (from the download), else empty
     * @throws IOException when the source holds no data set or a data set does not load; nothing is changed then
     */
    public InstallReport install(Path source, String origin, Map<String, LocalDate> publishedDates) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new NoSuchFileException(source.toString(), null, "not a folder");
        }
        List<Dataset> present = new ArrayList<>();
        for (Dataset dataset : Dataset.values()) {
            if (Files.isDirectory(source.resolve(dataset.folder()))) {
                present.add(dataset);
            }
        }
        if (present.isEmpty()) {
            throw new NoSuchFileException(source.toString(), null, "no bdpm/ or lexicons/ folder: not a reference data folder");
        }
        Files.createDirectories(root);
        Path staging = Files.createTempDirectory(root, ".staging-");
        try {
            List<InstalledFile> installed = new ArrayList<>();
            List<LineProblem> problems = new ArrayList<>();
            Instant now = clock.instant();
            List<InstalledFile> previous = status();
            for (Dataset dataset : present) {
                Path staged = staging.resolve(dataset.folder());
                List<Path> kept = copyKnownFiles(dataset, source.resolve(dataset.folder()), root.resolve(dataset.folder()), staged);
                for (InstalledFile file : validate(dataset, staged, origin, now, publishedDates, problems)) {
                    installed.add(kept.contains(file.file()) ? carriedOver(previous, file) : file);
                }
            }
            Properties manifest = readManifest();
            for (Dataset dataset : present) {
                swap(staging.resolve(dataset.folder()), root.resolve(dataset.folder()));
                manifest.keySet().removeIf(key -> key.toString().startsWith(dataset.folder() + "/"));
            }
            for (InstalledFile file : installed) {
                write(manifest, file);
            }
            writeManifest(manifest);
            return new InstallReport(installed, problems);
        } finally {
            deleteRecursively(staging);
        }
    }

    /** The files recorded in the manifest, in a stable order; empty when nothing was ever installed. */
    public List<InstalledFile> status() throws IOException {
        Properties manifest = readManifest();
        List<InstalledFile> files = new ArrayList<>();
        for (Dataset dataset : Dataset.values()) {
            for (Path file : dataset.files()) {
                String key = dataset.folder() + "/" + file.toString().replace('\\', '/');
                String sha = manifest.getProperty(key + ".sha256");
                if (sha == null) {
                    continue;
                }
                String published = manifest.getProperty(key + ".published");
                files.add(new InstalledFile(dataset, file, sha,
                        Long.parseLong(manifest.getProperty(key + ".bytes", "0")),
                        Integer.parseInt(manifest.getProperty(key + ".rows", "0")),
                        manifest.getProperty(key + ".encoding", ""),
                        manifest.getProperty(key + ".source", ""),
                        Instant.parse(manifest.getProperty(key + ".installed")),
                        published == null || published.isEmpty() ? null : LocalDate.parse(published)));
            }
        }
        return files;
    }

    /** Whether an installed file still has the checksum recorded when it was installed. */
    public boolean intact(InstalledFile file) throws IOException {
        Path path = root.resolve(file.dataset().folder()).resolve(file.file());
        return Files.isRegularFile(path) && sha256(path).equals(file.sha256());
    }

    /**
     * Stages the known files of a data set and returns those kept from the current installation. The
     * BDPM files are replaced together (one snapshot, never mixed); each lexicon is independent, so a
     * lexicon the source lacks is kept from the current installation.
     */
    private static List<Path> copyKnownFiles(Dataset dataset, Path from, Path current, Path to) throws IOException {
        int copied = 0;
        List<Path> kept = new ArrayList<>();
        for (Path file : dataset.files()) {
            Path source = from.resolve(file);
            Path existing = current.resolve(file);
            Path target = to.resolve(file);
            if (Files.isRegularFile(source)) {
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
                copied++;
            } else if (dataset == Dataset.LEXICONS && Files.isRegularFile(existing)) {
                Files.createDirectories(target.getParent());
                Files.copy(existing, target);
                kept.add(file);
            }
        }
        if (copied == 0) {
            throw new NoSuchFileException(from.toString(), null, "no known " + dataset.folder() + " file in this folder");
        }
        return kept;
    }

    /** A file kept from the current installation keeps its recorded source and dates. */
    private static InstalledFile carriedOver(List<InstalledFile> previous, InstalledFile file) {
        return previous.stream()
                .filter(p -> p.dataset() == file.dataset() && p.file().equals(file.file()))
                .findFirst()
                .map(p -> new InstalledFile(file.dataset(), file.file(), file.sha256(), file.bytes(), file.rows(),
                        file.encoding(), p.source(), p.installedAt(), p.publishedOn()))
                .orElse(file);
    }

    private List<InstalledFile> validate(Dataset dataset, Path staged, String origin, Instant now,
                                         Map<String, LocalDate> publishedDates, List<LineProblem> problems) throws IOException {
        List<InstalledFile> files = new ArrayList<>();
        if (dataset == Dataset.BDPM) {
            Bdpm bdpm = Bdpm.load(staged);
            problems.addAll(bdpm.problems());
            LocalDate newest = newestDate(bdpm);
            for (BdpmFile file : BdpmFile.values()) {
                Path path = staged.resolve(file.fileName());
                if (Files.isRegularFile(path)) {
                    LocalDate published = publishedDates.getOrDefault(file.fileName(), newest);
                    files.add(describe(dataset, Path.of(file.fileName()), path, bdpm.rowCount(file),
                            bdpm.encodings().get(file).name(), origin, now, published));
                }
            }
        } else {
            Lexicons lexicons = Lexicons.load(staged);
            problems.addAll(lexicons.problems());
            for (LexiconFile file : LexiconFile.values()) {
                Path path = staged.resolve(file.relativePath());
                if (Files.isRegularFile(path)) {
                    files.add(describe(dataset, file.relativePath(), path, lexicons.rowCount(file),
                            ReferenceFile.read(path).charset().name(), origin, now, publishedDates.get(file.fileName())));
                }
            }
        }
        return files;
    }

    /** The newest date in the drug database: what the data is current to, when no publication date is known. */
    private static LocalDate newestDate(Bdpm bdpm) {
        return bdpm.presentations().stream().map(BdpmPresentation::declarationDate).filter(Objects::nonNull)
                .filter(d -> !d.isAfter(LocalDate.now().plusDays(1)))
                .max(Comparator.naturalOrder()).orElse(null);
    }

    private static InstalledFile describe(Dataset dataset, Path relative, Path path, int rows, String encoding,
                                          String origin, Instant now, LocalDate published) throws IOException {
        return new InstalledFile(dataset, relative, sha256(path), Files.size(path), rows, encoding, origin, now, published);
    }

    /** Replaces {@code target} by {@code staged}; the old folder is removed only once the new one is in place. */
    private static void swap(Path staged, Path target) throws IOException {
        Path previous = target.resolveSibling(".previous-" + target.getFileName() + "-" + System.nanoTime());
        boolean hadPrevious = Files.exists(target);
        if (hadPrevious) {
            move(target, previous);
        }
        try {
            move(staged, target);
        } catch (IOException e) {
            if (hadPrevious) {
                move(previous, target);
            }
            throw e;
        }
        if (hadPrevious) {
            deleteRecursively(previous);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private Properties readManifest() throws IOException {
        Properties properties = new Properties();
        Path path = root.resolve(MANIFEST);
        if (Files.exists(path)) {
            try (InputStream in = Files.newInputStream(path)) {
                properties.load(in);
            }
        }
        return properties;
    }

    private void writeManifest(Properties manifest) throws IOException {
        Path temporary = root.resolve(MANIFEST + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            // Sorted so that the manifest diffs cleanly between two updates.
            Properties sorted = new Properties() {
                @Override
                public synchronized java.util.Set<Map.Entry<Object, Object>> entrySet() {
                    return new TreeMap<>(manifest).entrySet();
                }
            };
            sorted.putAll(manifest);
            sorted.store(out, "Avec reference data: written by 'avec data import' and 'avec data update'");
        }
        move(temporary, root.resolve(MANIFEST));
    }

    private static void write(Properties manifest, InstalledFile file) {
        String key = file.dataset().folder() + "/" + file.file().toString().replace('\\', '/');
        manifest.setProperty(key + ".sha256", file.sha256());
        manifest.setProperty(key + ".bytes", Long.toString(file.bytes()));
        manifest.setProperty(key + ".rows", Integer.toString(file.rows()));
        manifest.setProperty(key + ".encoding", file.encoding());
        manifest.setProperty(key + ".source", file.source());
        manifest.setProperty(key + ".installed", file.installedAt().toString());
        manifest.setProperty(key + ".published", file.publishedOn() == null ? "" : file.publishedOn().toString());
    }

    /** The SHA-256 of a file, in lower-case hexadecimal. */
    public static String sha256(Path path) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
