package fr.avec.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Avec web application and gateway. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AvecServer {

    public static void main(String[] args) {
        SpringApplication.run(AvecServer.class, args);
    }
}
