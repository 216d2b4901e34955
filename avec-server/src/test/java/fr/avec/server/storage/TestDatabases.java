package fr.avec.server.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for tests: a private in-memory H2, and a private schema on the PostgreSQL named by
 * {@code AVEC_TEST_PG_URL} (default the local one). Without PostgreSQL the tests are skipped with the
 * reason, except in CI ({@code CI=true}), which always has one and must run them.
 */
public final class TestDatabases {

    public static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private TestDatabases() {
    }

    /** A JDBC URL, user and password for one test. */
    public record Target(String url, String user, String password, String schema) {
    }

    public static Target h2() {
        String name = "avec_" + UUID.randomUUID().toString().replace("-", "");
        return new Target("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa", "", null);
    }

    /** Creates a fresh schema on the test PostgreSQL; skips (or fails in CI) when none answers. */
    public static Target postgresql() {
        String url = env("AVEC_TEST_PG_URL", DEFAULT_PG_URL);
        String user = env("AVEC_TEST_PG_USER", "postgres");
        String password = env("AVEC_TEST_PG_PASSWORD", "");
        String schema = "avec_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException unreachable) {
            String reason = "PostgreSQL not reachable at " + url + " (" + unreachable.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason + ": CI must run the PostgreSQL tests");
            }
            Assumptions.abort(reason);
        }
        String separator = url.contains("?") ? "&" : "?";
        return new Target(url + separator + "currentSchema=" + schema, user, password, schema);
    }

    /** Drops a schema made by {@link #postgresql()}. */
    public static void dropPostgresql(Target target) {
        if (target == null || target.schema() == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(target.url(), target.user(), target.password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + target.schema() + " CASCADE");
        } catch (SQLException ignored) {
            // A leftover schema in a test database is harmless; the test result is what matters.
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
