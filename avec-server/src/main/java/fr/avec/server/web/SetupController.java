package fr.avec.server.web;

import fr.avec.server.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The first-run page that creates the first administrator with the one-time link of {@link FirstRun}. */
@Controller
public class SetupController {

    private final FirstRun firstRun;
    private final LocalAccounts accounts;

    public SetupController(FirstRun firstRun, LocalAccounts accounts) {
        this.firstRun = firstRun;
        this.accounts = accounts;
    }

    @GetMapping("/setup")
    public String form(@RequestParam(required = false) String token, Model model) {
        checkToken(token);
        model.addAttribute("token", token);
        return "setup";
    }

    @PostMapping("/setup")
    public String create(@RequestParam String token, @RequestParam String username, @RequestParam String password,
                         @RequestParam(required = false) String fullName, @RequestParam(required = false) String jobTitle, Model model) {
        checkToken(token);
        try {
            LocalAccounts.checkPassword(password);
            if (!firstRun.spend(token)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            accounts.createOrUpdate(username, password, Role.ADMIN, fullName, jobTitle);
        } catch (IllegalArgumentException refused) {
            model.addAttribute("token", token);
            model.addAttribute("error", refused.getMessage());
            model.addAttribute("username", username);
            model.addAttribute("fullName", fullName);
            model.addAttribute("jobTitle", jobTitle);
            return "setup";
        }
        return "redirect:/login?created";
    }

    private void checkToken(String token) {
        if (!firstRun.accepts(token)) {
            // No hint whether a setup is pending: the link is the secret.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
