package fr.avec.server.estimate;

import fr.avec.estimate.Indicator;
import fr.avec.estimate.UsabilityScale;
import fr.avec.server.security.Role;
import fr.avec.server.web.AiUseGate;
import fr.avec.server.web.LocalAccounts;
import fr.avec.server.workbench.GatewayDrafts;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Estimer's pages: the dashboard of indicators against objectives (referent, DPO, administrator), the
 * monthly evaluation report in HTML and PDF, CSV and JSON exports, reference cases and drift replays,
 * services, each person's own figures, and the usability questionnaire. Thin: the work is in
 * {@link Indicators}, {@link EvaluationReport}, {@link DriftWatch} and the other parts.
 */
@Controller
public class EstimateController {

    /** Days shown by default on the dashboard. */
    static final int DEFAULT_DAYS = 31;
    private static final ZoneId LOCAL_ZONE = ZoneId.of("Europe/Paris");

    private final Indicators indicators;
    private final NeedsSheets needs;
    private final EvaluationReport reports;
    private final ReferenceCases references;
    private final DriftWatch drift;
    private final UsabilitySurveys surveys;
    private final EstimateConfiguration.Refresh refresh;
    private final GatewayDrafts drafts;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final LocalAccounts accounts;
    private final JsonMapper json = JsonMapper.builder().build();

    public EstimateController(Indicators indicators, NeedsSheets needs, EvaluationReport reports, ReferenceCases references, DriftWatch drift,
                              UsabilitySurveys surveys, EstimateConfiguration.Refresh refresh, GatewayDrafts drafts, MessageSource messages,
                              JdbcClient jdbc, LocalAccounts accounts) {
        this.accounts = accounts;
        this.indicators = indicators;
        this.needs = needs;
        this.reports = reports;
        this.references = references;
        this.drift = drift;
        this.surveys = surveys;
        this.refresh = refresh;
        this.drafts = drafts;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    /** The indicator labels for the pages, in the order of {@link Indicator}. */
    @ModelAttribute("indicatorList")
    public List<Indicator> indicatorList() {
        return List.of(Indicator.values());
    }

    private Indicators.Filter filter(String from, String to, String useCase, String template, String model, String modelVersion, String service) {
        LocalDate today = LocalDate.now(LOCAL_ZONE);
        try {
            LocalDate last = to == null || to.isBlank() ? today : LocalDate.parse(to);
            LocalDate first = from == null || from.isBlank() ? last.minusDays(DEFAULT_DAYS - 1) : LocalDate.parse(from);
            if (first.isBefore(last.minusYears(5))) {
                throw new IllegalArgumentException("period too long");
            }
            return new Indicators.Filter(first, last, useCase == null ? AiUseGate.CONSULTATION : useCase, template, model, modelVersion, service);
        } catch (DateTimeParseException | IllegalArgumentException bad) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "estimate.error.period");
        }
    }

    @GetMapping("/estimate")
    public String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(required = false) String useCase, @RequestParam(required = false) String template,
                            @RequestParam(required = false) String model, @RequestParam(required = false) String modelVersion,
                            @RequestParam(required = false) String service, Model page) {
        refresh.now();
        Indicators.Filter filter = filter(from, to, useCase, template, model, modelVersion, service);
        Indicators.Snapshot snapshot = indicators.compute(filter, needs.objectives(filter.useCase()));
        page.addAttribute("f", filter);
        page.addAttribute("s", snapshot);
        page.addAttribute("dimensions", indicators.dimensions());
        page.addAttribute("charts", dashboardCharts(snapshot));
        page.addAttribute("runs", drift.runs(filter.useCase(), 5));
        page.addAttribute("sheet", needs.find(filter.useCase()).orElse(null));
        page.addAttribute("month", YearMonth.from(filter.to()).toString());
        page.addAttribute("query", query(filter));
        return "estimate/dashboard";
    }

    private static List<Chart> dashboardCharts(Indicators.Snapshot s) {
        List<String> days = new ArrayList<>();
        List<Double> volumes = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (LocalDate day = s.filter().from(); !day.isAfter(s.filter().to()); day = day.plusDays(1)) {
            LocalDate current = day;
            days.add(day.getDayOfMonth() + "/" + day.getMonthValue());
            Indicators.DayPoint point = s.days().stream().filter(p -> p.day().equals(current)).findFirst().orElse(null);
            volumes.add(point == null ? 0.0 : point.documents());
            rates.add(point == null ? Double.NaN : point.meanEditRate().orElse(Double.NaN));
        }
        double editTarget = s.objectives().stream().filter(o -> o.objective().indicator() == Indicator.EDIT_RATE_MEDIAN)
                .mapToDouble(o -> o.objective().target()).findFirst().orElse(Double.NaN);
        List<String> buckets = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        for (int i = 0; i < s.totals().histogram().length; i++) {
            buckets.add(Integer.toString(i * 5));
            counts.add((double) s.totals().histogram()[i]);
        }
        return List.of(
                new Chart(Chart.Kind.BAR, "Documents validés par jour", days, volumes, Double.NaN, false),
                new Chart(Chart.Kind.LINE, "Taux de correction moyen par jour", days, rates, editTarget, true),
                new Chart(Chart.Kind.BAR, "Répartition des taux de correction (%, tranches de 5)", buckets, counts, Double.NaN, false));
    }

    private static String query(Indicators.Filter f) {
        StringBuilder q = new StringBuilder("from=" + f.from() + "&to=" + f.to());
        for (var entry : new String[][] {{"useCase", f.useCase()}, {"template", f.template()}, {"model", f.model()},
                {"modelVersion", f.modelVersion()}, {"service", f.service()}}) {
            if (entry[1] != null) {
                q.append('&').append(entry[0]).append('=').append(java.net.URLEncoder.encode(entry[1], StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }

    @GetMapping("/estimate/report")
    public String report(@RequestParam(required = false) String month, @RequestParam(required = false) String useCase, Model page) {
        refresh.now();
        page.addAttribute("r", reports.build(month(month), useCase(useCase)));
        return "estimate/report";
    }

    @GetMapping("/estimate/report.pdf")
    public ResponseEntity<byte[]> reportPdf(@RequestParam(required = false) String month, @RequestParam(required = false) String useCase,
                                            Locale locale) {
        refresh.now();
        EvaluationReport.Report report = reports.build(month(month), useCase(useCase));
        byte[] pdf = new ReportPdf(messages, locale).render(report);
        return download(pdf, MediaType.APPLICATION_PDF, "evaluation-" + report.useCase() + "-" + report.month() + ".pdf");
    }

    private static YearMonth month(String month) {
        try {
            return month == null || month.isBlank() ? YearMonth.now(LOCAL_ZONE).minusMonths(1) : YearMonth.parse(month);
        } catch (DateTimeParseException bad) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "estimate.error.month");
        }
    }

    private static String useCase(String useCase) {
        if (useCase == null || useCase.isBlank()) {
            return AiUseGate.CONSULTATION;
        }
        if (!useCase.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "estimate.error.useCase");
        }
        return useCase;
    }

    /** The daily roll-up rows of the slice, one line per day and dimension, for a spreadsheet. */
    @GetMapping("/estimate/export.csv")
    public ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String useCase, @RequestParam(required = false) String template,
                                      @RequestParam(required = false) String model, @RequestParam(required = false) String modelVersion,
                                      @RequestParam(required = false) String service) {
        refresh.now();
        List<Map<String, Object>> rows = rows(filter(from, to, useCase, template, model, modelVersion, service));
        StringBuilder csv = new StringBuilder();
        if (!rows.isEmpty()) {
            csv.append(String.join(",", rows.getFirst().keySet())).append("\r\n");
        } else {
            csv.append(String.join(",", EXPORT_COLUMNS)).append("\r\n");
        }
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (Object value : row.values()) {
                cells.add(csvCell(value));
            }
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return download(csv.toString().getBytes(StandardCharsets.UTF_8), new MediaType("text", "csv", StandardCharsets.UTF_8),
                "indicateurs.csv");
    }

    /** The same rows and the computed indicators with their objective statuses, as JSON. */
    @GetMapping("/estimate/export.json")
    public ResponseEntity<byte[]> exportJson(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                             @RequestParam(required = false) String useCase, @RequestParam(required = false) String template,
                                             @RequestParam(required = false) String model, @RequestParam(required = false) String modelVersion,
                                             @RequestParam(required = false) String service) {
        refresh.now();
        Indicators.Filter filter = filter(from, to, useCase, template, model, modelVersion, service);
        Indicators.Snapshot s = indicators.compute(filter, needs.objectives(filter.useCase()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", filter.from().toString());
        body.put("to", filter.to().toString());
        body.put("useCase", filter.useCase());
        Map<String, Object> values = new LinkedHashMap<>();
        for (Indicator indicator : Indicator.values()) {
            OptionalDouble value = s.value(indicator);
            values.put(indicator.name(), value.isPresent() ? value.getAsDouble() : null);
        }
        body.put("indicators", values);
        body.put("objectives", s.objectives().stream().map(o -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("indicator", o.objective().indicator().name());
            line.put("comparison", o.objective().comparison().name());
            line.put("target", o.objective().target());
            line.put("value", o.value().isPresent() ? o.value().getAsDouble() : null);
            line.put("status", o.status().name());
            return line;
        }).toList());
        body.put("alertPrecision", s.findings().stream().map(k -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("kind", k.kind());
            line.put("raised", k.raised());
            line.put("fixed", k.fixed());
            line.put("dismissed", k.dismissed());
            line.put("accepted", k.accepted());
            line.put("precision", Double.isNaN(k.precision()) ? null : k.precision());
            return line;
        }).toList());
        body.put("automationBiasWarnings", s.signals().size());
        body.put("gateway", s.traffic());
        body.put("days", rows(filter));
        return download(json.writeValueAsBytes(body), MediaType.APPLICATION_JSON, "indicateurs.json");
    }

    private static final List<String> EXPORT_COLUMNS = List.of("activity_day", "use_case", "template_code", "template_version", "model",
            "model_version", "service", "documents", "without_ai", "unedited", "rejected", "rubber_stamps", "findings", "unresolved_drug",
            "edit_rate_sum", "seconds_sum", "prompt_tokens", "completion_tokens", "energy_wh", "gwp_g");

    private List<Map<String, Object>> rows(Indicators.Filter f) {
        StringBuilder sql = new StringBuilder("SELECT " + String.join(", ", EXPORT_COLUMNS) + " FROM estimate_day WHERE activity_day >= ? AND activity_day <= ?");
        List<Object> params = new ArrayList<>(List.of(f.from(), f.to()));
        for (var entry : new String[][] {{"use_case", f.useCase()}, {"template_code", f.template()}, {"model", f.model()},
                {"model_version", f.modelVersion()}, {"service", f.service()}}) {
            if (entry[1] != null) {
                sql.append(" AND ").append(entry[0]).append(" = ?");
                params.add(entry[1]);
            }
        }
        sql.append(" ORDER BY activity_day, use_case, template_code, model_version, service");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < EXPORT_COLUMNS.size(); i++) {
                Object value = rs.getObject(i + 1);
                row.put(EXPORT_COLUMNS.get(i), value instanceof java.sql.Date date ? date.toLocalDate().toString() : value);
            }
            return row;
        }).list();
    }

    private static String csvCell(Object value) {
        String text = value == null ? "" : value.toString();
        // A cell starting with =, +, - or @ would run as a formula in a spreadsheet.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.E]+")) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    @GetMapping("/estimate/references")
    public String references(Model page) {
        refresh.now();
        page.addAttribute("candidates", references.candidates(100));
        return "estimate/references";
    }

    @PostMapping("/estimate/references/{id}")
    public String mark(@PathVariable long id, @RequestParam(defaultValue = "mark") String action,
                       java.security.Principal principal) {
        LocalAccounts.Account me = account(principal);
        requireReferent(me);
        if ("unmark".equals(action)) {
            references.unmark(id);
        } else if (!references.mark(id, AiUseGate.CONSULTATION, me.name())) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "estimate.error.notReference");
        }
        return "redirect:/estimate/references";
    }

    @GetMapping("/estimate/drift")
    public String driftRuns(Model page) {
        page.addAttribute("runs", drift.runs(null, 50));
        page.addAttribute("models", drafts.models());
        page.addAttribute("cases", references.cases(AiUseGate.CONSULTATION).size());
        return "estimate/drift";
    }

    @PostMapping("/estimate/drift")
    public String startDrift(@RequestParam String model, java.security.Principal principal) {
        LocalAccounts.Account me = account(principal);
        requireReferent(me);
        if (drafts.models().stream().noneMatch(m -> m.model().equals(model))) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "estimate.error.model");
        }
        drift.start(AiUseGate.CONSULTATION, model, "on demand by " + me.name());
        return "redirect:/estimate/drift";
    }

    @GetMapping("/estimate/services")
    public String services(Model page) {
        page.addAttribute("assignments", jdbc.sql("SELECT u.name, COALESCE(s.service, '') FROM avec_user u LEFT JOIN estimate_service s "
                        + "ON s.user_name = u.name WHERE u.password_hash IS NOT NULL ORDER BY u.name")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list());
        return "estimate/services";
    }

    @PostMapping("/estimate/services")
    public String assign(@RequestParam String user, @RequestParam(defaultValue = "") String service,
                         java.security.Principal principal) {
        LocalAccounts.Account me = account(principal);
        requireReferent(me);
        if (service.length() > 128 || user.length() > 128) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "estimate.error.service");
        }
        jdbc.sql("DELETE FROM estimate_service WHERE user_name = ?").param(user).update();
        if (!service.isBlank()) {
            jdbc.sql("INSERT INTO estimate_service (user_name, service) VALUES (?, ?)").params(user, service.strip()).update();
        }
        return "redirect:/estimate/services";
    }

    /** A person's own figures over the last three months (any signed-in person, only their own). */
    @GetMapping("/estimate/me")
    public String mine(java.security.Principal principal, Model page) {
        LocalAccounts.Account me = account(principal);
        refresh.now();
        LocalDate today = LocalDate.now(LOCAL_ZONE);
        Mine mine = jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN ai_used THEN 0 ELSE 1 END), AVG(CASE WHEN ai_used THEN edit_rate END), "
                        + "SUM(CASE WHEN unedited THEN 1 ELSE 0 END), SUM(CASE WHEN rubber_stamp THEN 1 ELSE 0 END), SUM(findings), SUM(energy_wh) "
                        + "FROM document_analysis WHERE owner = ? AND activity_day >= ?")
                .params(me.name(), today.minusMonths(3))
                .query((rs, n) -> new Mine(rs.getLong(1), rs.getLong(2), rs.getObject(3) == null ? Double.NaN : rs.getDouble(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getDouble(7)))
                .single();
        page.addAttribute("mine", mine);
        page.addAttribute("since", today.minusMonths(3));
        page.addAttribute("warning", mine.documents() - mine.withoutAi() >= Indicators.SIGNAL_MINIMUM_VALIDATIONS
                && mine.rubberStamps() >= Indicators.SIGNAL_SHARE * (mine.documents() - mine.withoutAi()));
        page.addAttribute("susDue", surveys.due(me.name(), AiUseGate.CONSULTATION));
        return "estimate/me";
    }

    /** A person's own figures. */
    public record Mine(long documents, long withoutAi, double meanEditRate, long unedited, long rubberStamps, long findings, double energyWh) {
    }

    @GetMapping("/estimate/sus")
    public String sus(Model page, Locale locale) {
        page.addAttribute("statements", locale.getLanguage().equals("en") ? UsabilityScale.STATEMENTS_EN : UsabilityScale.STATEMENTS_FR);
        return "estimate/sus";
    }

    @PostMapping("/estimate/sus")
    public String answerSus(@RequestParam Map<String, String> form, java.security.Principal principal, Model page,
                            Locale locale, HttpServletResponse response) {
        LocalAccounts.Account me = account(principal);
        List<Integer> answers = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String answer = form.get("q" + i);
            if (answer == null || !answer.matches("[1-5]")) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                page.addAttribute("error", "sus.error.incomplete");
                page.addAttribute("answers", form);
                return sus(page, locale);
            }
            answers.add(Integer.parseInt(answer));
        }
        double score = surveys.answer(me.name(), AiUseGate.CONSULTATION, answers);
        page.addAttribute("score", score);
        page.addAttribute("adjective", UsabilityScale.adjectiveFr(score));
        return "estimate/sus-done";
    }

    private LocalAccounts.Account account(java.security.Principal principal) {
        return accounts.find(principal.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    private static void requireReferent(LocalAccounts.Account me) {
        if (me == null || !(me.role() == Role.REFERENT || me.role() == Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
