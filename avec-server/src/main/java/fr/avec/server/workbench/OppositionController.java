package fr.avec.server.workbench;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Records a patient's opposition to AI use (or its withdrawal) by local pseudonymous identifier. */
@Controller
public class OppositionController {

    private final PatientOppositions oppositions;

    public OppositionController(PatientOppositions oppositions) {
        this.oppositions = oppositions;
    }

    @GetMapping("/oppositions")
    public String form(@RequestParam(required = false) String patientRef, Model model) {
        if (patientRef != null && !patientRef.isBlank()) {
            model.addAttribute("patientRef", patientRef.strip());
            model.addAttribute("opposed", oppositions.opposed(patientRef));
        }
        return "oppositions";
    }

    @PostMapping("/oppositions")
    public String record(@RequestParam String patientRef, @RequestParam(defaultValue = "oppose") String action, Principal user,
                         Model model) {
        try {
            if (action.equals("withdraw")) {
                oppositions.withdraw(patientRef);
            } else {
                oppositions.record(patientRef, user.getName());
            }
        } catch (IllegalArgumentException bad) {
            model.addAttribute("error", true);
            return "oppositions";
        }
        return "redirect:/oppositions?patientRef=" + java.net.URLEncoder.encode(patientRef.strip(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
