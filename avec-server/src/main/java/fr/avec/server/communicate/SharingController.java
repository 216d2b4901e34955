package fr.avec.server.communicate;

import fr.avec.server.security.Role;
import fr.avec.server.workbench.NoteTemplate;
import fr.avec.server.workbench.NoteTemplates;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
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

/** Experience sharing pages: read what is published, propose a note or a prompt, and the referent's moderation. */
@Controller
public class SharingController {

    private final ExperienceSharing sharing;
    private final NoteTemplates templates;

    public SharingController(ExperienceSharing sharing, NoteTemplates templates) {
        this.sharing = sharing;
        this.templates = templates;
    }

    @GetMapping("/sharing")
    public String list(Authentication user, Model model) {
        model.addAttribute("published", sharing.published());
        model.addAttribute("mine", sharing.by(user.getName()));
        model.addAttribute("mayModerate", IncidentController.has(user, Role.REFERENT));
        model.addAttribute("templates", templates.active());
        return "communicate/sharing";
    }

    @GetMapping("/sharing/new")
    public String form(@RequestParam(required = false) Long template, Model model) {
        Optional<NoteTemplate> source = template == null ? Optional.empty() : templates.find(template);
        if (template != null && source.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("form", source.<Map<String, Object>>map(t -> Map.of("kind", "PROMPT", "title", t.title(), "body", t.prompt(),
                        "template", t.id(), "templateLabel", label(t)))
                .orElse(Map.of("kind", "NOTE", "title", "", "body", "", "template", "", "templateLabel", "")));
        return "communicate/sharing-new";
    }

    @PostMapping("/sharing")
    public String propose(Authentication user, @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String title,
                          @RequestParam(defaultValue = "") String body, @RequestParam(required = false) Long template, Model model,
                          HttpServletResponse response, RedirectAttributes redirect) {
        Optional<NoteTemplate> source = template == null ? Optional.empty() : templates.find(template);
        try {
            SharedItem.Kind parsed = "NOTE".equals(kind) ? SharedItem.Kind.NOTE : "PROMPT".equals(kind) ? SharedItem.Kind.PROMPT : null;
            sharing.propose(user.getName(), parsed, title, body, source.map(NoteTemplate::id).orElse(null));
        } catch (ExperienceSharing.Refused refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("error", refused.messageKey());
            model.addAttribute("labels", refused.labels().stream().sorted().map(Enum::name).toList());
            model.addAttribute("form", Map.of("kind", kind, "title", title, "body", body,
                    "template", source.<Object>map(NoteTemplate::id).orElse(""), "templateLabel", source.map(SharingController::label).orElse("")));
            return "communicate/sharing-new";
        }
        redirect.addFlashAttribute("proposed", true);
        return "redirect:/sharing";
    }

    @GetMapping("/sharing/moderation")
    public String moderation(Model model) {
        model.addAttribute("pending", sharing.pending());
        return "communicate/sharing-moderation";
    }

    @PostMapping("/sharing/moderation/{id}")
    public String moderate(@PathVariable long id, Authentication user, @RequestParam(defaultValue = "") String decision,
                           @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        if (!decision.equals("publish") && !decision.equals("reject")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        sharing.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            boolean done = sharing.moderate(id, user.getName(), decision.equals("publish"), note);
            redirect.addFlashAttribute(done ? "moderated" : "alreadyModerated", decision);
        } catch (ExperienceSharing.Refused refused) {
            redirect.addFlashAttribute("moderationError", refused.messageKey());
            redirect.addFlashAttribute("labels", refused.labels().stream().sorted().map(Enum::name).toList());
        }
        return "redirect:/sharing/moderation";
    }

    private static String label(NoteTemplate template) {
        return template.title() + " (v" + template.version() + ")";
    }
}
