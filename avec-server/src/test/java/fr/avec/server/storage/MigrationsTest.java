package fr.avec.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every migration must apply on both the embedded H2 default and PostgreSQL. */
class MigrationsTest {

    private TestDatabases.Target pg;

    @AfterEach
    void dropSchema() {
        TestDatabases.dropPostgresql(pg);
    }

    @Test
    void allMigrationsApplyOnH2() throws Exception {
        migrateAndCheck(TestDatabases.h2());
    }

    @Test
    void allMigrationsApplyOnPostgresql() throws Exception {
        pg = TestDatabases.postgresql();
        migrateAndCheck(pg);
    }

    private void migrateAndCheck(TestDatabases.Target target) throws Exception {
        Flyway flyway = Flyway.configure()
                .dataSource(target.url(), target.user(), target.password())
                .schemas(target.schema() == null ? new String[0] : new String[] {target.schema()})
                .locations("classpath:db/migration", "classpath:db/vendor/" + (target.url().startsWith("jdbc:h2:") ? "h2" : "postgresql"))
                .load();
        MigrateResult result = flyway.migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        // A second run must find nothing to do: migrations are idempotent through Flyway's history.
        assertThat(flyway.migrate().migrationsExecuted).isZero();

        try (Connection connection = DriverManager.getConnection(target.url(), target.user(), target.password());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO reference_data_import (dataset, file_name, sha256, row_count, published_on, imported_at) "
                    + "VALUES ('bdpm', 'CIS_bdpm.txt', '" + "a".repeat(64) + "', 15848, DATE '2026-04-28', CURRENT_TIMESTAMP)");
            try (ResultSet rows = statement.executeQuery("SELECT dataset, row_count, skipped_rows FROM reference_data_import")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("bdpm");
                assertThat(rows.getInt(2)).isEqualTo(15848);
                assertThat(rows.getInt(3)).isZero();
            }
        }
    }
}
