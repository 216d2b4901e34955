package fr.avec.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Secrets from {@code *_FILE} variables, and none from a configuration file in production. */
class SecretSourcesTest {

    @TempDir
    Path folder;

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }

    private static MapPropertySource yaml(Map<String, Object> properties) {
        return new MapPropertySource("Config resource 'file [/etc/avec/application.yaml]' via location 'optional:file:/etc/avec/'", properties);
    }

    @Test
    void aFileVariableBecomesThePropertyWithRelaxedBinding() throws Exception {
        Path secret = Files.writeString(folder.resolve("db-password"), "s3cr3t-du-fichier\n");
        Path client = Files.writeString(folder.resolve("client"), "secret-client");
        StandardEnvironment environment = environment(Map.of("AVEC_DB_PASSWORD_FILE", secret.toString(),
                "AVEC_SSO_PROVIDERS_PSC_CLIENT_SECRET_FILE", client.toString(), "HOME_FILE", "/nowhere"));
        new SecretSources().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("avec.db.password")).isEqualTo("s3cr3t-du-fichier");
        assertThat(environment.getProperty("avec.sso.providers.psc.client-secret")).isEqualTo("secret-client");
    }

    @Test
    void anUnreadableFileStopsTheStartWithoutShowingAnything() {
        StandardEnvironment environment = environment(Map.of("AVEC_VAULT_KEY_FILE", folder.resolve("missing").toString()));
        assertThatThrownBy(() -> new SecretSources().postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("AVEC_VAULT_KEY_FILE names a file that cannot be read");
    }

    @Test
    void inProductionASecretInAConfigurationFileIsRefused() {
        StandardEnvironment environment = environment(Map.of());
        environment.getPropertySources().addLast(yaml(Map.of("avec.vault.key", "AAAA", "avec.db.password", "",
                "spring.datasource.password", "${avec.db.password}", "avec.upstreams[0].api-key", "sk-123", "avec.home", "/srv/avec")));
        // Allowed outside production (a laptop trial), refused with the production profile.
        new SecretSources().postProcessEnvironment(environment, new SpringApplication());
        environment.setActiveProfiles("production");
        assertThatThrownBy(() -> new SecretSources().postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("avec.vault.key").hasMessageContaining("avec.upstreams[0].api-key")
                .hasMessageNotContaining("avec.db.password").hasMessageNotContaining("AAAA").hasMessageNotContaining("sk-123");

        StandardEnvironment clean = environment(Map.of("AVEC_VAULT_KEY", "AAAA"));
        clean.getPropertySources().addLast(yaml(Map.of("avec.home", "/srv/avec", "avec.db.password", "")));
        clean.setActiveProfiles("production");
        new SecretSources().postProcessEnvironment(clean, new SpringApplication());
        assertThat(clean.getProperty("avec.vault.key")).isEqualTo("AAAA");
    }
}
