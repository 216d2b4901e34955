package fr.avec.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code avec} command: entry point of the command-line tool. */
@Command(name = "avec",
        mixinStandardHelpOptions = true,
        versionProvider = AvecCommand.Version.class,
        description = "Avec: trust layer for generative AI in health care (HAS A.V.E.C. guide).",
        subcommands = {ServeCommand.class, DeidCommand.class, CheckCommand.class, DataCommand.class, KeysCommand.class, UsersCommand.class,
                AuditCommand.class, BackupCommand.class, RestoreCommand.class, CommandLine.HelpCommand.class})
public final class AvecCommand implements Runnable {

    /** Exit code for bad usage or unreadable input (CONTRACTS.md). */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (see avec --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code; used by tests too. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = newCommandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new AvecCommand());
        commandLine.setParameterExceptionHandler(AvecCommand::usageError);
        commandLine.setExecutionExceptionHandler(AvecCommand::executionError);
        commandLine.setExitCodeExceptionMapper(error -> EXIT_USAGE);
        return commandLine;
    }

    /** Bad usage: one line on stderr, exit code 2, no usage dump that would bury the message. */
    private static int usageError(CommandLine.ParameterException error, String[] args) {
        PrintWriter err = error.getCommandLine().getErr();
        err.println("avec: " + error.getMessage() + " (try: " + error.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return EXIT_USAGE;
    }

    /** A failure while running: one line naming the problem, never a stack trace with possible patient text. */
    private static int executionError(Exception error, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String message = error instanceof UsageException || error instanceof IOException || error instanceof java.io.UncheckedIOException
                ? error.getMessage()
                : error.getClass().getSimpleName() + ": " + error.getMessage();
        err.println("avec: " + message);
        err.flush();
        return EXIT_USAGE;
    }

    /** Reads the version stamped by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = AvecCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"avec " + properties.getProperty("version", "development"),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
