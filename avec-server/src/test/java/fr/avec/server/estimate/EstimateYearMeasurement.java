package fr.avec.server.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.estimate.Drift;
import fr.avec.estimate.Indicator;
import fr.avec.estimate.Objective;
import fr.avec.server.storage.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Estimer benchmark (not part of the build; run by name, see BENCHMARKS.md): a year of a 500-bed hospital
 * on PostgreSQL — the server's migrations, then avec-bench's generator script (2 million gateway requests,
 * 600,000 validated documents), then the real roll-ups and indicator queries, timed. Prints the figures.
 * Keeps the schema when {@code -Davec.bench.keep=true}.
 */
class EstimateYearMeasurement {

    static final Path SCRIPT = Path.of("..", "avec-bench", "src", "main", "sql", "estimate-year.sql");

    @Test
    void aYearOfA500BedHospital() throws Exception {
        TestDatabases.Target pg = TestDatabases.postgresql();
        try {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(pg.url(), pg.user(), pg.password());
            Flyway.configure().dataSource(dataSource).schemas(pg.schema()).locations("classpath:db/migration").load().migrate();
            long start = System.nanoTime();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(Files.readString(SCRIPT, StandardCharsets.UTF_8));
            }
            System.out.printf(Locale.ROOT, "data set generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            System.out.println("audit_event rows: " + jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single()
                    + ", document_analysis rows: " + jdbc.sql("SELECT COUNT(*) FROM document_analysis").query(Long.class).single());

            DocumentAnalyses analyses = new DocumentAnalyses(jdbc, transactions, 0.8);
            GatewayRollup gateway = new GatewayRollup(jdbc, transactions);
            time("roll-up of the documents (full rebuild, one-off)", 1, () -> {
                analyses.rollUpAll();
                return null;
            });
            time("roll-up of the audit trail (full rebuild, one-off)", 1, () -> {
                gateway.rebuild();
                return null;
            });
            jdbc.sql("ANALYZE").update();
            System.out.println("estimate_day rows: " + jdbc.sql("SELECT COUNT(*) FROM estimate_day").query(Long.class).single()
                    + ", estimate_gateway_day rows: " + jdbc.sql("SELECT COUNT(*) FROM estimate_gateway_day").query(Long.class).single());

            Indicators indicators = new Indicators(jdbc);
            List<Objective> objectives = List.of(new Objective(Indicator.EDIT_RATE_MEDIAN, Objective.Comparison.AT_MOST, 0.2),
                    new Objective(Indicator.WITHOUT_AI_SHARE, Objective.Comparison.AT_LEAST, 0.1),
                    new Objective(Indicator.UNRESOLVED_DRUG_FINDINGS, Objective.Comparison.AT_MOST, 0),
                    new Objective(Indicator.SUS_MEAN, Objective.Comparison.AT_LEAST, 68));
            Indicators.Filter year = new Indicators.Filter(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "consultation", null, null,
                    null, null);
            Indicators.Snapshot snapshot = time("indicators of the whole year", 5, () -> indicators.compute(year, objectives));
            assertThat(snapshot.totals().documents()).isEqualTo(600_000);
            assertThat(snapshot.requests()).isEqualTo(2_000_000);
            System.out.printf(Locale.ROOT, "  median edit rate %.3f, unedited %.3f, without AI %.3f, warnings %d, requests %d, %.1f kWh%n",
                    snapshot.totals().medianEditRate().orElse(Double.NaN), snapshot.value(Indicator.UNEDITED_SHARE).orElse(Double.NaN),
                    snapshot.value(Indicator.WITHOUT_AI_SHARE).orElse(Double.NaN), snapshot.signals().size(), snapshot.requests(),
                    snapshot.energyKwh());
            time("indicators of one month", 5, () -> indicators.compute(year.during(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30)),
                    objectives));
            time("indicators of one service over the year", 5, () -> indicators.compute(
                    new Indicators.Filter(year.from(), year.to(), "consultation", null, null, null, "Service 7"), objectives));
            time("indicators of one model version over the year", 5, () -> indicators.compute(
                    new Indicators.Filter(year.from(), year.to(), "consultation", null, null, "mistral-small-3.2-2509", null), objectives));
            time("12-month trend", 5, () -> indicators.months(year));
            NeedsSheets needs = new NeedsSheets(jdbc, transactions);
            EvaluationReport reports = new EvaluationReport(indicators, needs, new UsabilitySurveys(jdbc, java.time.Duration.ofDays(90)),
                    new DriftWatch(jdbc, new ReferenceCases(jdbc), null, null, Drift.Thresholds.DEFAULT), jdbc, dataSource);
            time("monthly evaluation report (December, with 12-month trend)", 5,
                    () -> reports.build(YearMonth.of(2025, 12), "consultation"));

            // A day of new activity: the incremental pass over one day's documents.
            time("incremental roll-up of one day", 5, () -> {
                analyses.rollUp(java.util.Set.of(LocalDate.of(2025, 12, 30)));
                return null;
            });
        } finally {
            if (!Boolean.getBoolean("avec.bench.keep")) {
                TestDatabases.dropPostgresql(pg);
            } else {
                System.out.println("schema kept: " + pg.schema());
            }
        }
    }

    private static <T> T time(String what, int runs, Supplier<T> work) {
        T result = null;
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            result = work.get();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        List<String> all = new ArrayList<>();
        for (double s : seconds) {
            all.add(String.format(Locale.ROOT, "%.3f", s));
        }
        System.out.printf(Locale.ROOT, "%-60s median %.3f s (runs: %s)%n", what, sorted[runs / 2], String.join(", ", all));
        return result;
    }
}
