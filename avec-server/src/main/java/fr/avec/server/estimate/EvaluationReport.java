package fr.avec.server.estimate;

import fr.avec.estimate.Indicator;
import fr.avec.estimate.Objective;
import fr.avec.estimate.UsabilityScale;
import fr.avec.estimate.impact.ImpactMethod;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The periodic evaluation report for the AI committee (monthly by default): indicators against the needs
 * sheet's objectives with the trend over twelve months, automation-bias warnings, precision of Avec's alerts,
 * drift replays, incidents, environmental cost with its method and uncertainty, and recommendations
 * derived from thresholds. Rendered as HTML by the page and as PDF by {@link ReportPdf}.
 */
public class EvaluationReport {

    /** Alerts of a kind resolved at least this often are judged on their precision. */
    static final int PRECISION_MINIMUM = 10;
    /** Below this precision, a kind of alert cries wolf: clinicians learn to ignore it. */
    static final double PRECISION_FLOOR = 0.5;
    /** Below this share of documents written without AI, skills may fall asleep (the guide's warning). */
    static final double WITHOUT_AI_FLOOR = 0.05;
    /** Mean SUS score of an average product (Sauro's benchmark); below it usability is a concern. */
    static final double SUS_AVERAGE = 68;
    /**
     * Stated uncertainty of the energy estimate: EcoLogits models GPU energy and latency by regression on
     * public measurements and assumes the hardware, batch and load; its authors present the figures as
     * orders of magnitude. We state a factor of two either way.
     */
    static final double UNCERTAINTY_FACTOR = 2;

    private static final List<String> INCIDENT_TABLES = List.of("incident_report", "incident", "incidents");

    private final Indicators indicators;
    private final NeedsSheets needs;
    private final UsabilitySurveys surveys;
    private final DriftWatch drift;
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public EvaluationReport(Indicators indicators, NeedsSheets needs, UsabilitySurveys surveys, DriftWatch drift, JdbcClient jdbc,
                            DataSource dataSource) {
        this.indicators = indicators;
        this.needs = needs;
        this.surveys = surveys;
        this.drift = drift;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** A recommendation as a message key of the estimate bundle and its arguments. */
    public record Recommendation(String key, List<Object> args) {
        public Object[] arguments() {
            return args.toArray();
        }
    }

    /** An objective's status this month and last month. */
    public record ObjectiveLine(Indicators.ObjectiveStatus now, Indicators.ObjectiveStatus before) {
    }

    /**
     * Everything the report shows.
     *
     * @param incidents incidents recorded in the period, or empty when this installation has no incident register
     */
    public record Report(YearMonth month, String useCase, Indicators.Snapshot snapshot, Indicators.Snapshot previous,
                         List<ObjectiveLine> objectives, List<Indicators.MonthPoint> trend, List<DriftWatch.Run> driftRuns,
                         OptionalLong incidents, List<UsabilitySurveys.MonthScore> sus, List<Recommendation> recommendations,
                         List<Chart> charts, String impactMethod, double uncertaintyFactor, boolean signed) {

        /** Energy of every gateway request of the period, Wh (a month of a small team is well under a kWh). */
        public double energyWh() {
            return snapshot.energyKwh() * 1000;
        }

        public double gwpG() {
            return snapshot.gwpKg() * 1000;
        }

        public double energyWhLow() {
            return energyWh() / uncertaintyFactor;
        }

        public double energyWhHigh() {
            return energyWh() * uncertaintyFactor;
        }

        public String susAdjective() {
            return snapshot.susMean().isPresent() ? UsabilityScale.adjectiveFr(snapshot.susMean().getAsDouble()) : "";
        }
    }

    /** The report of one month for one use case (all documents of that use case). */
    public Report build(YearMonth month, String useCase) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<Objective> objectives = needs.objectives(useCase);
        Indicators.Filter filter = new Indicators.Filter(first, last, useCase, null, null, null, null);
        Indicators.Snapshot now = indicators.compute(filter, objectives);
        YearMonth before = month.minusMonths(1);
        Indicators.Snapshot previous = indicators.compute(filter.during(before.atDay(1), before.atEndOfMonth()), objectives);
        List<ObjectiveLine> lines = new ArrayList<>();
        for (int i = 0; i < now.objectives().size(); i++) {
            lines.add(new ObjectiveLine(now.objectives().get(i), previous.objectives().get(i)));
        }
        List<Indicators.MonthPoint> trend = indicators.months(filter.during(month.minusMonths(11).atDay(1), last));
        List<DriftWatch.Run> runs = drift.runs(useCase, 200).stream()
                .filter(r -> !r.startedAt().isBefore(first.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                        && r.startedAt().isBefore(last.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
                .toList();
        OptionalLong incidents = incidents(first, last);
        boolean signed = needs.find(useCase).map(NeedsSheets.Sheet::signed).orElse(false);
        List<Chart> charts = charts(month, now, trend, objectives);
        Report partial = new Report(month, useCase, now, previous, lines, trend, runs, incidents,
                surveys.trend(useCase, month.minusMonths(11).atDay(1)), List.of(), charts, ImpactMethod.ECOLOGITS_0_9.version(),
                UNCERTAINTY_FACTOR, signed);
        return new Report(month, useCase, now, previous, lines, trend, runs, incidents, partial.sus(), recommendations(partial), charts,
                partial.impactMethod(), UNCERTAINTY_FACTOR, signed);
    }

    private static List<Chart> charts(YearMonth month, Indicators.Snapshot now, List<Indicators.MonthPoint> trend, List<Objective> objectives) {
        List<Chart> charts = new ArrayList<>();
        List<String> dayLabels = new ArrayList<>();
        List<Double> volumes = new ArrayList<>();
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate day = month.atDay(d);
            dayLabels.add(Integer.toString(d));
            volumes.add(now.days().stream().filter(p -> p.day().equals(day)).mapToDouble(Indicators.DayPoint::documents).sum());
        }
        charts.add(new Chart(Chart.Kind.BAR, "Documents validés par jour", dayLabels, volumes, Double.NaN, false));
        double editTarget = objectives.stream().filter(o -> o.indicator() == Indicator.EDIT_RATE_MEDIAN).mapToDouble(Objective::target)
                .findFirst().orElse(Double.NaN);
        charts.add(new Chart(Chart.Kind.LINE, "Taux de correction médian par mois",
                trend.stream().map(p -> p.month().toString()).toList(),
                trend.stream().map(p -> p.totals().medianEditRate().orElse(Double.NaN)).toList(), editTarget, true));
        List<String> buckets = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        long[] histogram = now.totals().histogram();
        for (int i = 0; i < histogram.length; i++) {
            buckets.add((i * 5) + "");
            counts.add((double) histogram[i]);
        }
        charts.add(new Chart(Chart.Kind.BAR, "Répartition des taux de correction (%, tranches de 5)", buckets, counts, Double.NaN, false));
        charts.add(new Chart(Chart.Kind.LINE, "Part validée sans modification, par mois",
                trend.stream().map(p -> p.month().toString()).toList(),
                trend.stream().map(p -> p.totals().ofAi(p.totals().unedited()).orElse(Double.NaN)).toList(),
                objectives.stream().filter(o -> o.indicator() == Indicator.UNEDITED_SHARE).mapToDouble(Objective::target).findFirst()
                        .orElse(Double.NaN), true));
        charts.add(new Chart(Chart.Kind.BAR, "Énergie estimée par jour (Wh)", dayLabels,
                dayLabels.stream().map(d -> now.days().stream().filter(p -> p.day().equals(month.atDay(Integer.parseInt(d))))
                        .mapToDouble(Indicators.DayPoint::energyWh).sum()).toList(), Double.NaN, false));
        return charts;
    }

    /** Recommendations from the thresholds, most pressing first. */
    static List<Recommendation> recommendations(Report report) {
        List<Recommendation> list = new ArrayList<>();
        Indicators.Snapshot s = report.snapshot();
        if (s.totals().documents() == 0) {
            list.add(new Recommendation("report.rec.noData", List.of()));
            return list;
        }
        for (DriftWatch.Run run : report.driftRuns()) {
            if (run.degraded()) {
                list.add(new Recommendation("report.rec.drift", List.of(run.model() + (run.modelVersion() == null ? "" : " " + run.modelVersion()),
                        run.reasons() == null ? "" : run.reasons())));
            }
        }
        for (ObjectiveLine line : report.objectives()) {
            if (line.now().status() == Objective.Status.NOT_MET) {
                list.add(new Recommendation("report.rec.objective." + line.now().objective().indicator().name(),
                        List.of(line.now().objective().describeFr())));
            }
        }
        if (report.objectives().isEmpty()) {
            list.add(new Recommendation("report.rec.noObjectives", List.of(report.useCase())));
        } else if (!report.signed()) {
            list.add(new Recommendation("report.rec.notSigned", List.of(report.useCase())));
        }
        if (!s.signals().isEmpty()) {
            list.add(new Recommendation("report.rec.automationBias", List.of(s.signals().size())));
        }
        for (Indicators.KindCount kind : s.findings()) {
            if (kind.fixed() + kind.dismissed() >= PRECISION_MINIMUM && kind.precision() < PRECISION_FLOOR) {
                list.add(new Recommendation("report.rec.precision", List.of(kind.kind(), Math.round(kind.precision() * 100))));
            }
        }
        OptionalDouble withoutAi = s.value(Indicator.WITHOUT_AI_SHARE);
        if (withoutAi.isPresent() && withoutAi.getAsDouble() < WITHOUT_AI_FLOOR) {
            list.add(new Recommendation("report.rec.withoutAi", List.of(Math.round(withoutAi.getAsDouble() * 1000) / 10.0)));
        }
        if (s.susMean().isPresent() && s.susMean().getAsDouble() < SUS_AVERAGE) {
            list.add(new Recommendation("report.rec.sus", List.of(Math.round(s.susMean().getAsDouble()))));
        } else if (s.susResponses() == 0) {
            list.add(new Recommendation("report.rec.noSus", List.of()));
        }
        if (s.unestimated() > 0) {
            list.add(new Recommendation("report.rec.unestimated", List.of(s.unestimated())));
        }
        if (list.isEmpty()) {
            list.add(new Recommendation("report.rec.none", List.of()));
        }
        return list;
    }

    /** Incidents recorded in the period, when the installation has an incident register (a table named like one). */
    OptionalLong incidents(LocalDate first, LocalDate last) {
        Optional<String[]> table = incidentTable();
        if (table.isEmpty()) {
            return OptionalLong.empty();
        }
        String name = table.get()[0];
        String dateColumn = table.get()[1];
        if (dateColumn == null) {
            return OptionalLong.of(jdbc.sql("SELECT COUNT(*) FROM " + name).query(Long.class).single());
        }
        return OptionalLong.of(jdbc.sql("SELECT COUNT(*) FROM " + name + " WHERE " + dateColumn + " >= ? AND " + dateColumn + " < ?")
                .params(first.atStartOfDay().atOffset(java.time.ZoneOffset.UTC), last.plusDays(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC))
                .query(Long.class).single());
    }

    /** The incident table and its date column, looked up in the database's own catalogue (names are never user input). */
    private Optional<String[]> incidentTable() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String candidate : INCIDENT_TABLES) {
                for (String name : List.of(candidate, candidate.toUpperCase(Locale.ROOT))) {
                    try (ResultSet tables = meta.getTables(null, connection.getSchema(), name, new String[] {"TABLE"})) {
                        if (tables.next()) {
                            return Optional.of(new String[] {candidate, dateColumn(meta, connection.getSchema(), name)});
                        }
                    }
                }
            }
        } catch (SQLException unreadable) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String dateColumn(DatabaseMetaData meta, String schema, String table) throws SQLException {
        for (String column : List.of("reported_at", "created_at", "occurred_at")) {
            for (String name : List.of(column, column.toUpperCase(Locale.ROOT))) {
                try (ResultSet columns = meta.getColumns(null, schema, table, name)) {
                    if (columns.next()) {
                        return column;
                    }
                }
            }
        }
        return null;
    }
}
