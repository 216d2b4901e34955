package fr.avec.server.communicate.transparency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The transparency register page and its PDF and JSON exports for the DPO. The period is given in days
 * ({@code from}, {@code to} inclusive, Paris time); by default the last twelve months.
 */
@Controller
public class TransparencyController {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final TransparencyReport reports;

    public TransparencyController(TransparencyReport reports) {
        this.reports = reports;
    }

    @GetMapping("/transparency")
    public String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        Period period = period(from, to);
        model.addAttribute("report", reports.over(period.start(), period.end()));
        model.addAttribute("from", period.from());
        model.addAttribute("to", period.to());
        return "transparency/index";
    }

    @GetMapping(path = "/transparency/report.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<TransparencyReport.Report> json(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Period period = period(from, to);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("registre-transparence.json").build().toString())
                .body(reports.over(period.start(), period.end()));
    }

    @GetMapping("/transparency/report.pdf")
    public ResponseEntity<byte[]> pdf(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Period period = period(from, to);
        byte[] body = TransparencyPdf.render(reports.over(period.start(), period.end()), period.from(), period.to());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("registre-transparence.pdf", StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }

    /** A period of whole days. */
    record Period(LocalDate from, LocalDate to) {
        Instant start() {
            return from.atStartOfDay(ZONE).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(ZONE).toInstant();
        }
    }

    static Period period(String from, String to) {
        LocalDate today = LocalDate.now(ZONE);
        try {
            LocalDate end = to == null || to.isBlank() ? today : LocalDate.parse(to);
            LocalDate start = from == null || from.isBlank() ? end.minusYears(1).plusDays(1) : LocalDate.parse(from);
            if (start.isAfter(end)) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the period starts after it ends");
            }
            return new Period(start, end);
        } catch (DateTimeParseException bad) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "dates are written YYYY-MM-DD");
        }
    }
}
