package fr.avec.server.communicate;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The charter pages: everyone reads the version in force and acknowledges it; the AI referent publishes a new
 * version and sees who acknowledged it.
 */
@Controller
public class CharterController {

    private final Charter charter;

    public CharterController(Charter charter) {
        this.charter = charter;
    }

    @GetMapping("/charter")
    public String show(Principal user, Model model) {
        Charter.Version current = charter.current();
        model.addAttribute("v", current);
        model.addAttribute("acknowledgedAt", charter.acknowledgedAt(user.getName(), current.number()).orElse(null));
        model.addAttribute("history", charter.history());
        model.addAttribute("archived", false);
        return "communicate/charter";
    }

    @GetMapping("/charter/versions/{number}")
    public String version(@PathVariable int number, Principal user, Model model) {
        Charter.Version version = charter.version(number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("v", version);
        model.addAttribute("acknowledgedAt", charter.acknowledgedAt(user.getName(), number).orElse(null));
        model.addAttribute("history", charter.history());
        model.addAttribute("archived", number != charter.current().number());
        return "communicate/charter";
    }

    @PostMapping("/charter/acknowledge")
    public String acknowledge(Principal user, @RequestParam int version) {
        // The version read is sent back: acknowledging a page that a newer version replaced meanwhile is refused.
        return charter.acknowledge(user.getName(), version) ? "redirect:/charter?acknowledged" : "redirect:/charter?changed";
    }

    @GetMapping("/charter/edit")
    public String edit(Model model) {
        Charter.Version current = charter.current();
        model.addAttribute("v", current);
        model.addAttribute("form", Map.of("preambleFr", current.preambleFr(), "preambleEn", current.preambleEn(),
                "uses", current.usesAsLines(), "prohibitions", current.prohibitionsAsLines(), "changeNote", ""));
        model.addAttribute("acknowledgements", charter.acknowledgements(current.number()));
        return "communicate/charter-edit";
    }

    @PostMapping("/charter/edit")
    public String publish(Principal user, @RequestParam(defaultValue = "") String preambleFr, @RequestParam(defaultValue = "") String preambleEn,
                          @RequestParam(defaultValue = "") String uses, @RequestParam(defaultValue = "") String prohibitions,
                          @RequestParam(defaultValue = "") String changeNote, Model model, HttpServletResponse response) {
        try {
            Charter.Version published = charter.publish(user.getName(), preambleFr, preambleEn, uses, prohibitions, changeNote);
            return "redirect:/charter?published=" + published.number();
        } catch (Charter.EditRefused refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            Charter.Version current = charter.current();
            model.addAttribute("v", current);
            model.addAttribute("error", refused.messageKey());
            model.addAttribute("errorLine", refused.line());
            model.addAttribute("form", Map.of("preambleFr", preambleFr, "preambleEn", preambleEn, "uses", uses,
                    "prohibitions", prohibitions, "changeNote", changeNote));
            model.addAttribute("acknowledgements", charter.acknowledgements(current.number()));
            return "communicate/charter-edit";
        }
    }
}
