package fr.avec.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the form is handled by Spring Security. */
@Controller
public class LoginController {

    private final LocalAccounts accounts;

    public LoginController(LocalAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    public String login(Model model) {
        model.addAttribute("noAccount", !accounts.anyoneCanSignIn());
        return "login";
    }
}
