package fr.avec.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import fr.avec.server.storage.TestDatabases;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The database itself refuses to change or remove an audit event, on H2 and on PostgreSQL; appending still works. */
class AuditAppendOnlyTest {

    private HikariDataSource dataSource;
    private AuditTrail trail;
    private TestDatabases.Target pg;

    @AfterEach
    void close() throws Exception {
        if (trail != null) {
            trail.close();
        }
        if (dataSource != null) {
            dataSource.close();
        }
        TestDatabases.dropPostgresql(pg);
    }

    @Test
    void eventsCannotBeEditedOrDeletedOnH2() {
        appendOnly(TestDatabases.h2(), "h2");
    }

    @Test
    void eventsCannotBeEditedDeletedOrTruncatedOnPostgresql() {
        pg = TestDatabases.postgresql();
        JdbcTemplate jdbc = appendOnly(pg, "postgresql");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_event")).isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("append-only");
    }

    private JdbcTemplate appendOnly(TestDatabases.Target target, String vendor) {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(target.url());
        dataSource.setUsername(target.user());
        dataSource.setPassword(target.password());
        Flyway.configure().dataSource(dataSource).schemas(target.schema() == null ? new String[0] : new String[] {target.schema()})
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        trail = new AuditTrail(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), 16, Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            trail.record(AuditTrailTest.event("req-" + i, "dr.martin"));
        }
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET actor = 'quelqu.un' WHERE seq = 2"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE seq = 1"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        trail.record(AuditTrailTest.event("req-3", "dr.martin"));
        ChainCheck check = new AuditRecords(JdbcClient.create(dataSource)).verify();
        assertThat(check.valid()).isTrue();
        assertThat(check.events()).isEqualTo(4);
        return jdbc;
    }
}
