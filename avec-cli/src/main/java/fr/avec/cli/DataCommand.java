package fr.avec.cli;

import fr.avec.data.DataDirectory;
import fr.avec.data.DataDownload;
import fr.avec.data.DataStore;
import fr.avec.data.Dataset;
import fr.avec.data.LineProblem;
import fr.avec.data.OfficialSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code avec data}: installs and describes the reference data (BDPM drug database, name and place lexicons). */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Fetches, imports or describes the reference data (BDPM drug database, name and place lexicons).",
        subcommands = {DataCommand.Import.class, DataCommand.Update.class, DataCommand.Status.class})
final class DataCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: import, update or status");
    }

    /** The {@code --data DIR} option shared by the subcommands. */
    static final class DataOption {
        @Option(names = "--data", paramLabel = "DIR",
                description = "Reference data folder (default: $AVEC_DATA_DIR, then ~/.avec/data).")
        Path data;

        DataDirectory directory() {
            return DataDirectory.resolve(Optional.ofNullable(data));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Imports a folder laid out like the published data: bdpm/ with the ANSM files, lexicons/<name>/<file>.",
                    "The folder is validated first; the current data is replaced only when it loads."})
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "Folder holding bdpm/ and/or lexicons/.")
        Path source;

        @Mixin
        DataOption dataOption;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!Files.isDirectory(source)) {
                throw new UsageException("no such folder: " + source);
            }
            DataDirectory directory = dataOption.directory();
            DataStore.InstallReport report = install(() -> new DataStore(directory.root())
                    .install(source.toAbsolutePath().normalize(), source.toAbsolutePath().normalize().toString(), Map.of()));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Imported %d files from %s into %s%n", report.files().size(), source, directory.root());
            printProblems(out, report.problems());
            return 0;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Downloads the current official files (ANSM BDPM, INSEE communes, La Poste postal codes) and installs them.",
                    "Nothing is replaced unless every file arrives whole and loads; offline, the current data is kept.",
                    "First names, family names and establishments are installed with 'avec data import'."})
    static final class Update implements Callable<Integer> {
        @Mixin
        DataOption dataOption;

        @Option(names = "--mirror", paramLabel = "URL",
                description = "A local mirror holding bdpm/<file> and lexicons/<folder>/<file> (for hospitals without internet access).")
        URI mirror;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300", description = "Time allowed per file (default ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (mirror != null && (mirror.getScheme() == null || !mirror.getScheme().startsWith("http"))) {
                throw new UsageException("--mirror must be an http(s) URL, not " + mirror);
            }
            DataDirectory directory = dataOption.directory();
            PrintWriter err = spec.commandLine().getErr();
            ProgressBar progress = new ProgressBar(err, System.console() != null);
            DataDownload download = new DataDownload(Duration.ofSeconds(15), Duration.ofSeconds(timeoutSeconds));
            DataStore.InstallReport report = install(() -> download.update(new DataStore(directory.root()),
                    OfficialSource.all(mirror), progress));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Updated %d files in %s%n", report.files().size(), directory.root());
            printProblems(out, report.problems());
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Shows the reference data installed: files, row counts, encodings, publication and installation dates.")
    static final class Status implements Callable<Integer> {
        @Mixin
        DataOption dataOption;

        @Option(names = "--verify", description = "Also recompute each file's SHA-256 and compare it with the one recorded.")
        boolean verify;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            DataDirectory directory = dataOption.directory();
            PrintWriter out = spec.commandLine().getOut();
            DataStore store = new DataStore(directory.root());
            List<DataStore.InstalledFile> files = store.status();
            out.printf("Reference data folder: %s (%s)%n", directory.root(), switch (directory.origin()) {
                case OPTION -> "--data";
                case ENVIRONMENT -> "$AVEC_DATA_DIR";
                case DEFAULT -> "default";
            });
            if (files.isEmpty()) {
                out.println("Nothing installed. Run 'avec data import DIR' or 'avec data update'.");
                return 0;
            }
            DateTimeFormatter installed = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
            boolean damaged = false;
            for (Dataset dataset : Dataset.values()) {
                List<DataStore.InstalledFile> ofSet = files.stream().filter(f -> f.dataset() == dataset).toList();
                out.println(dataset == Dataset.BDPM ? "BDPM (national drug database, ANSM)" : "Lexicons (names, places, establishments)");
                if (ofSet.isEmpty()) {
                    out.println("  not installed");
                    continue;
                }
                for (DataStore.InstalledFile file : ofSet) {
                    String check = "";
                    if (verify) {
                        boolean intact = store.intact(file);
                        damaged |= !intact;
                        check = intact ? "  checksum ok" : "  CHECKSUM MISMATCH or file missing";
                    }
                    out.printf(Locale.ROOT, "  %-56s %,9d rows  %-12s dated %-10s  installed %s  sha256 %s%s%n",
                            file.file().toString().replace('\\', '/'), file.rows(), file.encoding(),
                            file.publishedOn() == null ? "unknown" : file.publishedOn(),
                            installed.format(file.installedAt()), file.sha256().substring(0, 12), check);
                }
                out.printf("  source: %s%n", ofSet.get(0).source());
            }
            if (damaged) {
                throw new UsageException("some reference files changed since they were installed; run 'avec data import' or 'avec data update' again");
            }
            return 0;
        }
    }

    private interface Installation {
        DataStore.InstallReport run() throws IOException;
    }

    /** Runs an installation, turning its failures into one clear line (the current data is untouched). */
    private static DataStore.InstallReport install(Installation installation) {
        try {
            return installation.run();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UsageException(e.getFile() + ": " + (e.getReason() == null ? "not found" : e.getReason()) + "; the current data is kept");
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UsageException(message.contains("current data") ? message : message + "; the current data is kept", e);
        }
    }

    private static void printProblems(PrintWriter out, List<LineProblem> problems) {
        if (problems.isEmpty()) {
            out.println("No line skipped.");
            return;
        }
        out.printf("%d lines skipped or amended:%n", problems.size());
        problems.stream().limit(20).forEach(p -> out.println("  " + p));
        if (problems.size() > 20) {
            out.printf("  ... and %d more%n", problems.size() - 20);
        }
    }

    /** A progress bar on stderr: redrawn in place on a terminal, one line per file otherwise. */
    static final class ProgressBar implements DataDownload.Progress {
        private final PrintWriter err;
        private final boolean terminal;
        private long lastDrawn = -1;

        ProgressBar(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void update(OfficialSource source, long received, long total) {
            if (!terminal || received - lastDrawn < (1 << 18)) {
                return;
            }
            lastDrawn = received;
            String name = source.target().getFileName().toString();
            if (total > 0) {
                int width = 30;
                int filled = (int) (width * received / total);
                err.printf("\r  %-32s [%s%s] %3d%%", name, "#".repeat(filled), " ".repeat(width - filled), 100 * received / total);
            } else {
                err.printf("\r  %-32s %,d kB", name, received / 1024);
            }
            err.flush();
        }

        @Override
        public void done(OfficialSource source, long bytes) {
            lastDrawn = -1;
            err.printf("%s  %-32s %,d kB done%n", terminal ? "\r" : "", source.target().getFileName(), bytes / 1024);
            err.flush();
        }
    }
}
