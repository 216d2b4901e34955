package fr.avec.server.estimate;

import fr.avec.estimate.AlertPrecision;
import fr.avec.estimate.AutomationBias;
import fr.avec.estimate.Indicator;
import fr.avec.estimate.Objective;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The indicators of a period for a slice of the activity (use case, template, model, model version, service),
 * read from the daily roll-ups only, so that a year of a large hospital is a few thousand rows to sum. The
 * median edit rate comes from the 5 % histogram, interpolated within its bucket (at most 2.5 points off).
 */
public class Indicators {

    /** Validations in a period from which a person's share of rubber stamps is worth a warning. */
    public static final int SIGNAL_MINIMUM_VALIDATIONS = 10;
    /** Share of rubber stamps (unedited and faster than reading) that raises the automation-bias warning. */
    public static final double SIGNAL_SHARE = 0.5;

    private final JdbcClient jdbc;

    public Indicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A slice of the activity; a null dimension means all of them.
     *
     * @param from first day, inclusive
     * @param to   last day, inclusive
     */
    public record Filter(LocalDate from, LocalDate to, String useCase, String template, String model, String modelVersion, String service) {

        public Filter {
            if (from == null || to == null || to.isBefore(from)) {
                throw new IllegalArgumentException("a period needs a first activity_day on or before its last activity_day");
            }
            useCase = blankToNull(useCase);
            template = blankToNull(template);
            model = blankToNull(model);
            modelVersion = blankToNull(modelVersion);
            service = service == null || service.isBlank() ? null : service.strip();
        }

        /** The whole activity of a period. */
        public static Filter period(LocalDate from, LocalDate to) {
            return new Filter(from, to, null, null, null, null, null);
        }

        /** The same slice over another period. */
        public Filter during(LocalDate first, LocalDate last) {
            return new Filter(first, last, useCase, template, model, modelVersion, service);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** Sums over the documents of the slice. */
    public record Totals(long documents, long withoutAi, long unedited, long rejected, long rubberStamps, long findings,
                         long unresolvedDrugDocuments, double editRateSum, long secondsSum, long promptTokens, long completionTokens,
                         double energyWh, double gwpG, long[] histogram) {

        public long aiDocuments() {
            return documents - withoutAi;
        }

        public OptionalDouble medianEditRate() {
            return median(histogram);
        }

        public OptionalDouble meanEditRate() {
            return aiDocuments() == 0 ? OptionalDouble.empty() : OptionalDouble.of(editRateSum / aiDocuments());
        }

        public OptionalDouble meanSecondsToValidate() {
            return aiDocuments() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) secondsSum / aiDocuments());
        }

        /** A share of AI documents, or empty without any. */
        public OptionalDouble ofAi(long count) {
            return aiDocuments() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count / aiDocuments());
        }
    }

    /** One day of the slice. */
    public record DayPoint(LocalDate day, long documents, long withoutAi, double editRateSum, double energyWh) {

        public OptionalDouble meanEditRate() {
            long ai = documents - withoutAi;
            return ai == 0 ? OptionalDouble.empty() : OptionalDouble.of(editRateSum / ai);
        }
    }

    /** The slice split by one dimension (template, model version, service). */
    public record Part(String name, long documents, long withoutAi, double editRateSum, long unedited, long rubberStamps) {

        public OptionalDouble meanEditRate() {
            long ai = documents - withoutAi;
            return ai == 0 ? OptionalDouble.empty() : OptionalDouble.of(editRateSum / ai);
        }

        public OptionalDouble uneditedShare() {
            long ai = documents - withoutAi;
            return ai == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) unedited / ai);
        }
    }

    /** Findings of one kind raised on drafts and what became of them. */
    public record KindCount(String kind, long raised, long fixed, long dismissed, long accepted) {

        /** Fixed / (fixed + dismissed): the share of resolved alerts that were true ({@link AlertPrecision}). */
        public double precision() {
            return new AlertPrecision.KindPrecision(kind, (int) fixed, (int) dismissed).precision();
        }
    }

    /** Gateway traffic of one use case (every request, with or without a document). */
    public record Traffic(String useCase, long requests, long refused, long promptTokens, long completionTokens, double energyKwh,
                          double gwpKg, long unestimated) {
    }

    /** An objective of the needs sheet with the value measured and its status. */
    public record ObjectiveStatus(Objective objective, OptionalDouble value, Objective.Status status) {
    }

    /** Everything the dashboard and the report show for one slice and period. */
    public record Snapshot(Filter filter, Totals totals, List<DayPoint> days, List<Part> byTemplate, List<Part> byModelVersion,
                           List<Part> byService, List<KindCount> findings, List<Traffic> traffic, List<AutomationBias.Signal> signals,
                           OptionalDouble susMean, long susResponses, List<ObjectiveStatus> objectives) {

        /** The value of an indicator in this snapshot, or empty when there is no data for it. */
        public OptionalDouble value(Indicator indicator) {
            Totals t = totals;
            return switch (indicator) {
                case EDIT_RATE_MEDIAN -> t.medianEditRate();
                case UNEDITED_SHARE -> t.ofAi(t.unedited());
                case REJECTED_SHARE -> t.ofAi(t.rejected());
                case WITHOUT_AI_SHARE -> t.documents() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) t.withoutAi() / t.documents());
                case UNRESOLVED_DRUG_FINDINGS -> t.documents() == 0 ? OptionalDouble.empty() : OptionalDouble.of(t.unresolvedDrugDocuments());
                case FINDINGS_PER_DOCUMENT -> t.aiDocuments() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) t.findings() / t.aiDocuments());
                case ENERGY_WH_PER_DOCUMENT -> t.aiDocuments() == 0 ? OptionalDouble.empty() : OptionalDouble.of(t.energyWh() / t.aiDocuments());
                case SUS_MEAN -> susMean;
            };
        }

        public long requests() {
            return traffic.stream().mapToLong(Traffic::requests).sum();
        }

        public double energyKwh() {
            return traffic.stream().mapToDouble(Traffic::energyKwh).sum();
        }

        public double gwpKg() {
            return traffic.stream().mapToDouble(Traffic::gwpKg).sum();
        }

        public long unestimated() {
            return traffic.stream().mapToLong(Traffic::unestimated).sum();
        }
    }

    /** Computes the snapshot of a slice and evaluates the objectives on it. */
    public Snapshot compute(Filter filter, List<Objective> objectives) {
        Where where = where(filter, true);
        Totals totals = totals(where);
        List<DayPoint> days = jdbc.sql("SELECT activity_day, SUM(documents), SUM(without_ai), SUM(edit_rate_sum), SUM(energy_wh) FROM estimate_day"
                        + where.sql + " GROUP BY activity_day ORDER BY activity_day")
                .params(where.params)
                .query((rs, n) -> new DayPoint(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5)))
                .list();
        Where findingWhere = where(filter, false);
        List<KindCount> findings = jdbc.sql("SELECT kind, SUM(raised), SUM(fixed), SUM(dismissed), SUM(accepted) FROM estimate_finding_day"
                        + findingWhere.sql + " GROUP BY kind ORDER BY SUM(raised) DESC, kind")
                .params(findingWhere.params)
                .query((rs, n) -> new KindCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
        List<Traffic> traffic = jdbc.sql("SELECT use_case, SUM(requests), SUM(refused), SUM(prompt_tokens), SUM(completion_tokens), "
                        + "SUM(energy_kwh), SUM(gwp_kg), SUM(unestimated) FROM estimate_gateway_day WHERE activity_day >= ? AND activity_day <= ? "
                        + "GROUP BY use_case ORDER BY use_case")
                .params(filter.from(), filter.to())
                .query((rs, n) -> new Traffic(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getDouble(6),
                        rs.getDouble(7), rs.getLong(8)))
                .list();
        // Per person and day roll-up: the use case and service filters apply; template and model do not (a habit is a person's).
        StringBuilder ownerSql = new StringBuilder(" WHERE activity_day >= ? AND activity_day <= ?");
        List<Object> ownerParams = new ArrayList<>(List.of(filter.from(), filter.to()));
        add(ownerSql, ownerParams, "use_case", filter.useCase());
        add(ownerSql, ownerParams, "service", filter.service());
        ownerParams.add(SIGNAL_MINIMUM_VALIDATIONS);
        ownerParams.add(SIGNAL_SHARE);
        List<AutomationBias.Signal> signals = jdbc.sql("SELECT owner, SUM(validations), SUM(rubber_stamps) FROM estimate_owner_day" + ownerSql
                        + " GROUP BY owner HAVING SUM(validations) >= ? "
                        // Typed: H2 would otherwise give the parameter the type of the sum and round the share to an integer.
                        + "AND SUM(rubber_stamps) >= CAST(? AS DOUBLE PRECISION) * SUM(validations) ORDER BY owner")
                .params(ownerParams)
                .query((rs, n) -> new AutomationBias.Signal(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                .list();
        double[] sus = {Double.NaN, 0};
        StringBuilder susSql = new StringBuilder("SELECT AVG(score), COUNT(*) FROM sus_response WHERE answered_at >= ? AND answered_at < ?");
        List<Object> susParams = new ArrayList<>(List.of(filter.from().atStartOfDay().atOffset(ZoneOffset.UTC),
                filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)));
        if (filter.useCase() != null) {
            susSql.append(" AND use_case = ?");
            susParams.add(filter.useCase());
        }
        jdbc.sql(susSql.toString()).params(susParams).query((rs, n) -> {
            sus[1] = rs.getLong(2);
            sus[0] = sus[1] == 0 ? Double.NaN : rs.getDouble(1);
            return null;
        }).list();
        Snapshot partial = new Snapshot(filter, totals, days, parts(where, "template_code"), parts(where, "model_version"),
                parts(where, "service"), findings, traffic, signals, Double.isNaN(sus[0]) ? OptionalDouble.empty() : OptionalDouble.of(sus[0]),
                (long) sus[1], List.of());
        List<ObjectiveStatus> statuses = new ArrayList<>();
        for (Objective objective : objectives) {
            OptionalDouble value = partial.value(objective.indicator());
            statuses.add(new ObjectiveStatus(objective, value, objective.evaluate(value)));
        }
        return new Snapshot(filter, totals, days, partial.byTemplate(), partial.byModelVersion(), partial.byService(), findings, traffic,
                signals, partial.susMean(), partial.susResponses(), List.copyOf(statuses));
    }

    /** One month of the slice. */
    public record MonthPoint(java.time.YearMonth month, Totals totals) {
    }

    /** The slice month by month (months without documents are absent). */
    public List<MonthPoint> months(Filter filter) {
        Where where = where(filter, true);
        return jdbc.sql("SELECT EXTRACT(YEAR FROM activity_day) AS y, EXTRACT(MONTH FROM activity_day) AS m, " + TOTALS + " FROM estimate_day" + where.sql
                        + " GROUP BY EXTRACT(YEAR FROM activity_day), EXTRACT(MONTH FROM activity_day) ORDER BY y, m")
                .params(where.params)
                .query((rs, n) -> new MonthPoint(java.time.YearMonth.of(rs.getInt(1), rs.getInt(2)), totals(rs, 2)))
                .list();
    }

    private static final String TOTALS = totalsColumns();

    private static String totalsColumns() {
        StringBuilder columns = new StringBuilder("COALESCE(SUM(documents), 0), COALESCE(SUM(without_ai), 0), COALESCE(SUM(unedited), 0), "
                + "COALESCE(SUM(rejected), 0), COALESCE(SUM(rubber_stamps), 0), COALESCE(SUM(findings), 0), "
                + "COALESCE(SUM(unresolved_drug), 0), COALESCE(SUM(edit_rate_sum), 0), COALESCE(SUM(seconds_sum), 0), "
                + "COALESCE(SUM(prompt_tokens), 0), COALESCE(SUM(completion_tokens), 0), COALESCE(SUM(energy_wh), 0), "
                + "COALESCE(SUM(gwp_g), 0)");
        for (int i = 0; i < DocumentAnalyses.BUCKETS; i++) {
            columns.append(", COALESCE(SUM(h").append(i).append("), 0)");
        }
        return columns.toString();
    }

    private Totals totals(Where where) {
        return jdbc.sql("SELECT " + TOTALS + " FROM estimate_day" + where.sql)
                .params(where.params)
                .query((rs, n) -> totals(rs, 0))
                .single();
    }

    /** Reads the {@link #TOTALS} columns that start after {@code offset} columns. */
    private static Totals totals(ResultSet rs, int offset) throws SQLException {
        long[] histogram = new long[DocumentAnalyses.BUCKETS];
        for (int i = 0; i < histogram.length; i++) {
            histogram[i] = rs.getLong(offset + 14 + i);
        }
        return new Totals(rs.getLong(offset + 1), rs.getLong(offset + 2), rs.getLong(offset + 3), rs.getLong(offset + 4),
                rs.getLong(offset + 5), rs.getLong(offset + 6), rs.getLong(offset + 7), rs.getDouble(offset + 8), rs.getLong(offset + 9),
                rs.getLong(offset + 10), rs.getLong(offset + 11), rs.getDouble(offset + 12), rs.getDouble(offset + 13), histogram);
    }

    private List<Part> parts(Where where, String column) {
        return jdbc.sql("SELECT " + column + ", SUM(documents), SUM(without_ai), SUM(edit_rate_sum), SUM(unedited), SUM(rubber_stamps) "
                        + "FROM estimate_day" + where.sql + " GROUP BY " + column + " ORDER BY SUM(documents) DESC, " + column)
                .params(where.params)
                .query((rs, n) -> new Part(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getLong(5), rs.getLong(6)))
                .list();
    }

    /** The median of an edit-rate histogram, interpolated linearly inside the bucket where it falls. */
    public static OptionalDouble median(long[] histogram) {
        long count = 0;
        for (long bucket : histogram) {
            count += bucket;
        }
        if (count == 0) {
            return OptionalDouble.empty();
        }
        double half = count / 2.0;
        long cumulative = 0;
        for (int i = 0; i < histogram.length; i++) {
            if (histogram[i] > 0 && cumulative + histogram[i] >= half) {
                double within = (half - cumulative) / histogram[i];
                return OptionalDouble.of(Math.min(1.0, (i + within) / histogram.length));
            }
            cumulative += histogram[i];
        }
        return OptionalDouble.of(1.0);
    }

    /** The distinct values of a dimension in the roll-ups, for the filter lists. */
    public Map<String, List<String>> dimensions() {
        Map<String, List<String>> values = new TreeMap<>();
        for (String column : List.of("use_case", "template_code", "model", "model_version", "service")) {
            values.put(column, jdbc.sql("SELECT DISTINCT " + column + " FROM estimate_day ORDER BY " + column).query(String.class).list());
        }
        return values;
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(Filter filter, boolean withTemplateVersion) {
        StringBuilder sql = new StringBuilder(" WHERE activity_day >= ? AND activity_day <= ?");
        List<Object> params = new ArrayList<>(List.of(filter.from(), filter.to()));
        add(sql, params, "use_case", filter.useCase());
        add(sql, params, "template_code", filter.template());
        add(sql, params, "model", filter.model());
        add(sql, params, "model_version", filter.modelVersion());
        add(sql, params, "service", filter.service());
        return new Where(sql.toString(), params);
    }

    private static void add(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
