package fr.avec.server.communicate.notice;

import fr.avec.communicate.PatientNotice;
import fr.avec.verify.FindingKind;
import fr.avec.verify.Verifier;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
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
 * Patient information: the notice and the waiting-room poster generated from the register of AI tools, in
 * standard French, easy-to-read French and English, previewed as a page and downloaded as PDF. The
 * establishment and the contacts come from {@code avec.notice.*} and may be adjusted on the page.
 */
@Controller
public class NoticeController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    /** Longest contact text accepted: a desk, a phone number and an address fit well within it. */
    static final int MAX_FIELD = 300;

    private final NoticeTools tools;
    private final Verifier verifier;
    private final String establishment;
    private final String contact;
    private final String dpoContact;

    public NoticeController(NoticeTools tools, Verifier verifier, @Value("${avec.notice.establishment:}") String establishment,
                            @Value("${avec.notice.contact:}") String contact, @Value("${avec.notice.dpo-contact:}") String dpoContact) {
        this.tools = tools;
        this.verifier = verifier;
        this.establishment = establishment;
        this.contact = contact;
        this.dpoContact = dpoContact;
    }

    @GetMapping("/notice")
    public String page(@RequestParam(defaultValue = "standard_fr") String version, @RequestParam(required = false) String establishment,
                       @RequestParam(required = false) String contact, @RequestParam(required = false) String dpo, Model model) {
        PatientNotice.Context context = context(establishment, contact, dpo);
        PatientNotice.Version chosen = version(version);
        List<PatientNotice.Tool> inUse = tools.tools();
        model.addAttribute("context", context);
        model.addAttribute("version", chosen.name().toLowerCase(Locale.ROOT));
        model.addAttribute("versions", List.of("standard_fr", "easy_fr", "english"));
        model.addAttribute("complete", complete(context));
        if (!inUse.isEmpty()) {
            PatientNotice.Notice notice = PatientNotice.write(chosen, context, inUse);
            model.addAttribute("notice", notice);
            if (chosen != PatientNotice.Version.ENGLISH) {
                // The Kandel-Moles score is a French formula: the English version is not scored.
                model.addAttribute("readability", readability(verifier, notice));
            }
        }
        return "notice/index";
    }

    @GetMapping("/notice/leaflet.pdf")
    public ResponseEntity<byte[]> leaflet(@RequestParam(defaultValue = "standard_fr") String version,
                                          @RequestParam(required = false) String establishment, @RequestParam(required = false) String contact,
                                          @RequestParam(required = false) String dpo) {
        return pdf(version, context(establishment, contact, dpo), NoticePdf.Layout.LEAFLET);
    }

    @GetMapping("/notice/poster.pdf")
    public ResponseEntity<byte[]> poster(@RequestParam(defaultValue = "easy_fr") String version,
                                         @RequestParam(required = false) String establishment, @RequestParam(required = false) String contact,
                                         @RequestParam(required = false) String dpo) {
        return pdf(version, context(establishment, contact, dpo), NoticePdf.Layout.POSTER);
    }

    /** The readability findings of the Verify engine on the notice as patient material (sentences over 15 words, jargon, score). */
    static List<String> readability(Verifier verifier, PatientNotice.Notice notice) {
        return verifier.verify(notice.plainText(), List.of(), List.of(), Verifier.Options.DEFAULT.forPatients(READABILITY_TARGET)).findings()
                .stream().filter(f -> f.kind() == FindingKind.READABILITY).map(f -> f.message() + " — « " + f.text() + " »").toList();
    }

    /** 60 on the Kandel-Moles scale: standard French prose, the level patient material should reach. */
    static final double READABILITY_TARGET = 60;

    private ResponseEntity<byte[]> pdf(String version, PatientNotice.Context context, NoticePdf.Layout layout) {
        PatientNotice.Version chosen = version(version);
        List<PatientNotice.Tool> inUse = tools.tools();
        if (inUse.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "no tool in use in the register");
        }
        if (!complete(context)) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "the establishment and both contacts are required");
        }
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String footer = chosen == PatientNotice.Version.ENGLISH
                ? context.establishment() + " — information drawn from the register of AI tools on " + DATE_EN.format(today)
                : context.establishment() + " — information établie d’après le registre des outils d’IA le " + DATE.format(today);
        byte[] body = NoticePdf.render(PatientNotice.write(chosen, context, inUse), layout, footer);
        String name = (layout == NoticePdf.Layout.POSTER ? "affiche-ia-" : "notice-ia-") + chosen.name().toLowerCase(Locale.ROOT) + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private PatientNotice.Context context(String establishment, String contact, String dpo) {
        return new PatientNotice.Context(field(establishment, this.establishment), field(contact, this.contact), field(dpo, this.dpoContact));
    }

    private static boolean complete(PatientNotice.Context context) {
        return !context.establishment().isBlank() && !context.contact().isBlank() && !context.dpoContact().isBlank();
    }

    private static String field(String given, String configured) {
        String value = given == null || given.isBlank() ? configured : given;
        value = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        if (value.length() > MAX_FIELD) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a field is longer than " + MAX_FIELD + " characters");
        }
        return value;
    }

    private static PatientNotice.Version version(String id) {
        for (PatientNotice.Version version : PatientNotice.Version.values()) {
            if (version.name().equalsIgnoreCase(id)) {
                return version;
            }
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown version " + id);
    }
}
