package fr.avec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an administration command inside the server jar (same configuration and database as
 * {@code avec serve}, no web server) and returns its exit code; its output goes straight to ours.
 */
final class ServerAdmin {

    private ServerAdmin() {
    }

    static int run(List<String> adminArgs, List<String> springOptions) throws Exception {
        Path jar = ServeCommand.ServerJar.locate();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Duser.home=" + System.getProperty("user.home"));
        command.add("-jar");
        command.add(jar.toString());
        command.add("admin");
        command.addAll(adminArgs);
        command.addAll(springOptions);
        Process server = new ProcessBuilder(command).inheritIO().start();
        return server.waitFor();
    }
}
