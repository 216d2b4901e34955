package fr.avec.server;

import fr.avec.server.admin.AdminCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Avec web application and gateway. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AvecServer {

    public static void main(String[] args) {
        if (args.length > 1 && args[0].equals("admin") && args[1].equals("users")) {
            // `avec users create`: the workbench's local accounts, same configuration and database.
            System.exit(fr.avec.server.web.UsersAdmin.run(Arrays.copyOfRange(args, 1, args.length),
                    new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)),
                    System.out, System.err));
        }
        if (args.length > 1 && args[0].equals("admin") && (args[1].equals("backup") || args[1].equals("restore"))) {
            // `avec backup` and `avec restore`: the embedded database of the same configuration.
            System.exit(fr.avec.server.admin.BackupCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("admin")) {
            // `avec keys create` and `avec audit verify`: same configuration and database, no web server.
            System.exit(AdminCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(AvecServer.class, args);
    }
}
