package fr.avec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * Starts the web application and the gateway. The server is a separate Spring Boot jar so that the
 * other subcommands start in well under a second; this command runs it with the same JVM.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the web application and the gateway (embedded H2 database under ~/.avec by default).",
                "Any Spring Boot option is passed on, e.g. --server.port=9090 or --avec.db.url=jdbc:postgresql://..."})
final class ServeCommand implements Callable<Integer> {

    @Unmatched
    List<String> springOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path jar = ServerJar.locate();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-XX:+UseSerialGC");
        command.add("-Duser.home=" + System.getProperty("user.home"));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(springOptions);
        Process server = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
        return server.waitFor();
    }

    /** Finds the server jar: {@code -Davec.server.jar}, else beside the CLI jar in a source checkout. */
    static final class ServerJar {
        private ServerJar() {
        }

        static Path locate() throws Exception {
            String property = System.getProperty("avec.server.jar");
            List<Path> candidates = new ArrayList<>();
            if (property != null) {
                candidates.add(Path.of(property));
            }
            Path cliJar = Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path moduleTarget = cliJar.getParent();
            if (moduleTarget != null && moduleTarget.getParent() != null && moduleTarget.getParent().getParent() != null) {
                candidates.add(moduleTarget.getParent().getParent().resolve("avec-server/target/avec-server.jar"));
            }
            for (Path candidate : candidates) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
            throw new UsageException("the server jar was not found (looked in " + candidates
                    + "); build it with ./mvnw -DskipTests package");
        }
    }
}
