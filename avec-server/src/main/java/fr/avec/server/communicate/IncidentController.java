package fr.avec.server.communicate;

import fr.avec.server.security.Role;
import fr.avec.server.workbench.Consultations;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Signaler un problème »: the report form (from a document or one of its findings), the reporter's own reports,
 * and the AI referent's triage. The DPO and the administrator read every report; only the referent triages.
 */
@Controller
public class IncidentController {

    private final Incidents incidents;
    private final Consultations consultations;

    public IncidentController(Incidents incidents, Consultations consultations) {
        this.incidents = incidents;
        this.consultations = consultations;
    }

    @GetMapping("/incidents")
    public String list(Authentication user, Model model) {
        model.addAttribute("mine", incidents.reportedBy(user.getName()));
        model.addAttribute("all", readsAll(user) ? incidents.all() : null);
        model.addAttribute("mayTriage", mayTriage(user));
        return "communicate/incidents";
    }

    @GetMapping("/incidents/new")
    public String form(Authentication user, @RequestParam(required = false) Long consultation, @RequestParam(required = false) String finding,
                       @RequestParam(required = false) String severity, @RequestParam(required = false) Integer start,
                       @RequestParam(required = false) Integer end, Model model) {
        Incidents.Subject subject = subject(user, consultation, finding, severity, start, end);
        model.addAttribute("subject", subject);
        model.addAttribute("kinds", IncidentKind.values());
        model.addAttribute("form", Map.of("kind", IncidentKind.fromFinding(finding).name(), "description", ""));
        return "communicate/incident-new";
    }

    @PostMapping("/incidents")
    public String report(Authentication user, @RequestParam(required = false) Long consultation, @RequestParam(required = false) String finding,
                         @RequestParam(required = false) String severity, @RequestParam(required = false) Integer start,
                         @RequestParam(required = false) Integer end, @RequestParam(defaultValue = "") String kind,
                         @RequestParam(defaultValue = "") String description, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        Incidents.Subject subject = subject(user, consultation, finding, severity, start, end);
        String error = null;
        IncidentKind parsed = null;
        if (Arrays.stream(IncidentKind.values()).noneMatch(k -> k.name().equals(kind))) {
            error = "incident.error.kind";
        } else if (description.strip().length() > Incidents.MAX_TEXT) {
            error = "incident.error.tooLong";
        } else if (description.isBlank() && subject.consultationId() == null) {
            error = "incident.error.description";
        } else {
            parsed = IncidentKind.parse(kind);
        }
        if (error != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("error", error);
            model.addAttribute("subject", subject);
            model.addAttribute("kinds", IncidentKind.values());
            model.addAttribute("form", Map.of("kind", kind, "description", description));
            return "communicate/incident-new";
        }
        Incidents.Reported reported = incidents.report(user.getName(), parsed, subject, description);
        redirect.addFlashAttribute("reported", reported.replaced());
        return "redirect:/incidents/" + reported.incident().id();
    }

    @GetMapping("/incidents/{id}")
    public String show(@PathVariable long id, Authentication user, Model model) {
        Incident incident = visible(id, user);
        model.addAttribute("i", incident);
        model.addAttribute("history", incidents.history(id));
        model.addAttribute("mayTriage", mayTriage(user));
        model.addAttribute("ownDocument", incident.consultationId() != null && incident.reporter().equals(user.getName()));
        model.addAttribute("statuses", Incident.Status.values());
        model.addAttribute("channels", Vigilance.values());
        return "communicate/incident";
    }

    @PostMapping("/incidents/{id}/triage")
    public String triage(@PathVariable long id, Authentication user, @RequestParam(defaultValue = "") String status,
                         @RequestParam(defaultValue = "") String analysis, @RequestParam(defaultValue = "false") boolean informProvider,
                         @RequestParam(defaultValue = "NONE") String vigilance, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        if (!mayTriage(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Incident incident = incidents.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String error = null;
        Incident.Status newStatus = null;
        Vigilance channel = null;
        try {
            newStatus = Incident.Status.parse(status);
            channel = Vigilance.parse(vigilance);
        } catch (IllegalArgumentException unknown) {
            error = "incident.error.triage";
        }
        if (error == null && analysis.strip().length() > Incidents.MAX_TEXT) {
            error = "incident.error.tooLong";
        } else if (error == null && newStatus == Incident.Status.CLOSED && analysis.isBlank()) {
            error = "incident.error.closeWithoutAnalysis";
        }
        if (error != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("triageError", error);
            model.addAttribute("triageForm", Map.of("status", status, "analysis", analysis, "informProvider", informProvider,
                    "vigilance", vigilance));
            return show(incident.id(), user, model);
        }
        int replaced = incidents.triage(id, user.getName(), newStatus, analysis, informProvider, channel);
        redirect.addFlashAttribute("triaged", replaced);
        return "redirect:/incidents/" + id;
    }

    /** The subject of a report; a document must be the reporter's own (another's is reported as absent). */
    private Incidents.Subject subject(Authentication user, Long consultation, String finding, String severity, Integer start, Integer end) {
        if (consultation == null) {
            return Incidents.Subject.NONE;
        }
        consultations.find(consultation).filter(c -> c.owner().equals(user.getName()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            return finding == null || finding.isBlank() ? Incidents.Subject.document(consultation)
                    : new Incidents.Subject(consultation, finding, severity, start, end);
        } catch (IllegalArgumentException malformed) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }

    private Incident visible(long id, Authentication user) {
        return incidents.find(id).filter(i -> i.reporter().equals(user.getName()) || readsAll(user))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static boolean has(Authentication user, Role... roles) {
        return user.getAuthorities().stream().anyMatch(a -> Arrays.stream(roles).anyMatch(r -> r.authority().equals(a.getAuthority())));
    }

    private static boolean readsAll(Authentication user) {
        return has(user, Role.REFERENT, Role.DPO, Role.ADMIN);
    }

    private static boolean mayTriage(Authentication user) {
        return has(user, Role.REFERENT);
    }
}
