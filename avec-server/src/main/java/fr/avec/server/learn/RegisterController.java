package fr.avec.server.learn;

import fr.avec.server.gateway.ConfidentialityLevel;
import fr.avec.server.security.Role;
import fr.avec.server.web.LocalAccounts;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The register of AI tools: the list, one tool with its history and its test-bench results, and the form
 * the AI referent and the administrator edit it with (the DPO reads).
 */
@Controller
public class RegisterController {

    private final ToolRegister register;
    private final BenchRuns runs;

    public RegisterController(ToolRegister register, BenchRuns runs) {
        this.register = register;
        this.runs = runs;
    }

    /** The form's fields as posted. */
    public record Form(String provider, String modelVersion, String purpose, String purposeEn, String hosting, String hdsStatus,
                       String dataReuse, String retention, String medicalDevice, String knownLimits, String level, String inUse) {

        ToolRegister.Description description() {
            ToolRegister.HdsStatus hds = hdsStatus == null || hdsStatus.isBlank() ? ToolRegister.HdsStatus.UNKNOWN
                    : ToolRegister.HdsStatus.valueOf(hdsStatus.toUpperCase(Locale.ROOT));
            ConfidentialityLevel declared = level == null || level.isBlank() ? null : ConfidentialityLevel.valueOf(level.toUpperCase(Locale.ROOT));
            return new ToolRegister.Description(provider, modelVersion, purpose, purposeEn, hosting, hds, dataReuse, retention, medicalDevice,
                    knownLimits, declared, "on".equals(inUse) || "true".equals(inUse));
        }
    }

    @GetMapping("/register")
    public String list(Model model) {
        model.addAttribute("tools", register.tools());
        return "register/list";
    }

    @GetMapping("/register/{name}")
    public String show(@PathVariable String name, Model model) {
        return page(tool(name), model);
    }

    @PostMapping("/register/{name}")
    public String save(@PathVariable String name, @ModelAttribute Form form, Principal user, Model model, HttpServletResponse response) {
        ToolRegister.Tool tool = tool(name);
        LocalAccounts.Account me = (LocalAccounts.Account) model.getAttribute("me");
        try {
            register.describe(tool.name(), form.description(), user.getName(), me == null ? Role.REFERENT.id() : me.role().id());
        } catch (ToolRegister.LevelRaised raised) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("error", "register.error.raised");
            model.addAttribute("form", form);
            return page(tool, model);
        } catch (IllegalArgumentException invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("error", "register.error.invalid");
            model.addAttribute("form", form);
            return page(tool, model);
        }
        return "redirect:/register/" + tool.name() + "?saved";
    }

    private String page(ToolRegister.Tool tool, Model model) {
        model.addAttribute("tool", tool);
        model.addAttribute("history", register.history(tool.name()));
        model.addAttribute("levels", ConfidentialityLevel.values());
        model.addAttribute("hdsStatuses", ToolRegister.HdsStatus.values());
        model.addAttribute("runs", runs.ofUpstream(tool.name()));
        LocalAccounts.Account me = (LocalAccounts.Account) model.getAttribute("me");
        model.addAttribute("mayEdit", me != null && (me.role() == Role.REFERENT || me.role() == Role.ADMIN));
        return "register/tool";
    }

    private ToolRegister.Tool tool(String name) {
        return register.tool(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
