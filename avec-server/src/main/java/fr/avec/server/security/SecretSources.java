package fr.avec.server.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Secrets come from the environment or from files, never from a configuration file in production.
 * Every environment variable {@code AVEC_..._FILE} (or {@code SPRING_..._FILE}) names a file whose content
 * becomes the variable without {@code _FILE} (Docker and Kubernetes secrets: {@code AVEC_DB_PASSWORD_FILE=
 * /run/secrets/db}). With the Spring profile {@code production}, a secret (a password, client secret, API
 * key or encryption key) written in a configuration file such as {@code application.yaml} stops the start-up.
 */
public class SecretSources implements EnvironmentPostProcessor, Ordered {

    /** Name of the property source made from {@code *_FILE} variables. */
    public static final String FILES_SOURCE = "avecSecretFiles";

    /** Property names that hold secrets. */
    static final Pattern SECRET = Pattern.compile(".*(password|secret|api-key|apikey|content-key|vault\\.key|storage\\.keys)(\\[\\d+])?$");

    @Override
    public int getOrder() {
        // After the configuration files are loaded, so that the profile and their sources are known.
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> fromFiles = new LinkedHashMap<>();
        PropertySource<?> variables = environment.getPropertySources().get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        String[] names = variables instanceof EnumerablePropertySource<?> enumerable ? enumerable.getPropertyNames() : new String[0];
        for (String name : names) {
            Object value = variables.getProperty(name);
            if (name.endsWith("_FILE") && (name.startsWith("AVEC_") || name.startsWith("SPRING_")) && value instanceof String path) {
                try {
                    fromFiles.put(name.substring(0, name.length() - "_FILE".length()), stripFinalNewline(Files.readString(Path.of(path), StandardCharsets.UTF_8)));
                } catch (IOException | RuntimeException unreadable) {
                    // Fail closed, naming the variable and file but never their content.
                    throw new IllegalStateException(name + " names a file that cannot be read: " + path);
                }
            }
        }
        if (!fromFiles.isEmpty()) {
            SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(FILES_SOURCE, fromFiles);
            if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
                environment.getPropertySources().addBefore(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
            } else {
                environment.getPropertySources().addLast(source);
            }
        }
        if (environment.matchesProfiles("production")) {
            List<String> written = secretsInConfigurationFiles(environment);
            if (!written.isEmpty()) {
                throw new IllegalStateException("in production, secrets come from the environment or from files (*_FILE), "
                        + "not from a configuration file: move " + written + " out of it");
            }
        }
    }

    /** Secret properties with a value in a configuration file (placeholders and empty values do not count). */
    static List<String> secretsInConfigurationFiles(ConfigurableEnvironment environment) {
        List<String> found = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> names) || !source.getName().startsWith("Config resource")) {
                continue;
            }
            for (String name : names.getPropertyNames()) {
                Object value = source.getProperty(name);
                String text = value == null ? "" : value.toString().strip();
                if (SECRET.matcher(name.toLowerCase(Locale.ROOT)).matches() && !text.isEmpty() && !(text.startsWith("${") && text.endsWith("}"))) {
                    found.add(name);
                }
            }
        }
        return found;
    }

    private static String stripFinalNewline(String content) {
        return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    }
}
