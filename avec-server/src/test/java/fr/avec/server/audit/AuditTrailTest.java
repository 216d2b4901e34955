package fr.avec.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import fr.avec.server.storage.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit chain on H2 and PostgreSQL: concurrent appends form one valid chain; any tampering is detected. */
class AuditTrailTest {

    private final List<AutoCloseable> open = new ArrayList<>();
    private TestDatabases.Target pg;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
        TestDatabases.dropPostgresql(pg);
    }

    @Test
    void concurrentRequestsFormOneValidChainOnH2() throws Exception {
        concurrentAppendsAndTampering(TestDatabases.h2());
    }

    @Test
    void concurrentRequestsFormOneValidChainOnPostgresql() throws Exception {
        pg = TestDatabases.postgresql();
        concurrentAppendsAndTampering(pg);
    }

    @Test
    void twoInstancesOnOnePostgresqlExtendTheSameChain() throws Exception {
        pg = TestDatabases.postgresql();
        HikariDataSource first = dataSource(pg);
        HikariDataSource second = dataSource(pg);
        AuditTrail a = trail(first);
        AuditTrail b = trail(second);
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            futures.add((i % 2 == 0 ? a : b).append(event("req-" + i, "dr.martin")));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        assertThat(futures.stream().map(CompletableFuture::join).distinct()).hasSize(200);

        ChainCheck check = new AuditRecords(JdbcClient.create(first)).verify();
        assertThat(check.valid()).isTrue();
        assertThat(check.events()).isEqualTo(200);
    }

    @Test
    void aStoppedDatabaseFailsTheRecordAndTheNextChecks() throws Exception {
        TestDatabases.Target h2 = TestDatabases.h2();
        HikariDataSource dataSource = dataSource(h2);
        AuditTrail trail = trail(dataSource);
        trail.record(event("req-ok", "dr.martin"));
        new JdbcTemplate(dataSource).execute("DROP TABLE audit_event");

        assertThatThrownBy(() -> trail.record(event("req-lost", "dr.martin"))).isInstanceOf(AuditUnavailableException.class);
        assertThat(trail.healthy()).isFalse();
        assertThatThrownBy(trail::ensureWritable).isInstanceOf(AuditUnavailableException.class);
    }

    private void concurrentAppendsAndTampering(TestDatabases.Target target) throws Exception {
        HikariDataSource dataSource = dataSource(target);
        AuditTrail trail = trail(dataSource);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Long>> done = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                int n = i;
                done.add(CompletableFuture.supplyAsync(() -> trail.record(event("req-" + n, n % 3 == 0 ? "dr.martin" : "ide.durand")), clients));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        }
        AuditRecords records = new AuditRecords(JdbcClient.create(dataSource));
        ChainCheck check = records.verify();
        assertThat(check.valid()).isTrue();
        assertThat(check.events()).isEqualTo(300);

        AuditRecords.Page page = records.page(new AuditRecords.Filter("dr.martin", null, null, null, null, null), 0, 10);
        assertThat(page.total()).isEqualTo(100);
        assertThat(page.events()).hasSize(10).allSatisfy(e -> assertThat(e.event().actor()).isEqualTo("dr.martin"));
        StoredAuditEvent stored = page.events().getFirst();
        assertThat(stored.event().categories()).containsEntry("NOM", 2).containsEntry("DATE", 1);
        assertThat(stored.event().energyKwh()).isEqualTo(8.793920288122926e-6);

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // Someone lowers the token count of event 120: its hash no longer matches.
        jdbc.update("UPDATE audit_event SET completion_tokens = 1 WHERE seq = 120");
        ChainCheck edited = records.verify();
        assertThat(edited.valid()).isFalse();
        assertThat(edited.brokenAt()).isEqualTo(120);
        jdbc.update("UPDATE audit_event SET completion_tokens = 17 WHERE seq = 120");
        assertThat(records.verify().valid()).isTrue();

        // Someone deletes event 50.
        jdbc.update("DELETE FROM audit_event WHERE seq = 50");
        ChainCheck deleted = records.verify();
        assertThat(deleted.valid()).isFalse();
        assertThat(deleted.brokenAt()).isEqualTo(50);
    }

    private HikariDataSource dataSource(TestDatabases.Target target) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(target.url());
        dataSource.setUsername(target.user());
        dataSource.setPassword(target.password());
        dataSource.setMaximumPoolSize(4);
        Flyway.configure().dataSource(dataSource).schemas(target.schema() == null ? new String[0] : new String[] {target.schema()})
                .locations("classpath:db/migration").load().migrate();
        open.add(dataSource);
        return dataSource;
    }

    private AuditTrail trail(HikariDataSource dataSource) {
        AuditTrail trail = new AuditTrail(new JdbcTemplate(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                64, Duration.ofSeconds(5));
        open.add(trail::close);
        return trail;
    }

    static AuditEvent event(String requestId, String actor) {
        return new AuditEvent(requestId, Instant.now(), actor, "clinician", "chat.completions", "compte-rendu", "hds-mistral",
                "mistral-small", "hds", "released", 200, 42, 17, 812, 640, Map.of("NOM", 2, "DATE", 1),
                Map.of("NUMBER_NOT_IN_SOURCE", 1), "buffer_then_release", 8.793920288122926e-6, 1.0281578e-6, "ecologits-0.9",
                "metadata", null);
    }
}
