package fr.avec.server.workbench;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The AI referent's page for the use-case templates: each save is a new version. */
@Controller
public class TemplateController {

    private final NoteTemplates templates;

    public TemplateController(NoteTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/templates")
    public String list(Model model) {
        model.addAttribute("templates", templates.active());
        return "templates";
    }

    @PostMapping("/templates/{code}")
    public String revise(@PathVariable String code, @RequestParam String title, @RequestParam String prompt, Principal user) {
        templates.revise(code, title, prompt, user.getName());
        return "redirect:/templates?saved=" + code;
    }
}
