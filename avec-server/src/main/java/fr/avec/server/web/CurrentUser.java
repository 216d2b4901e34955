package fr.avec.server.web;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in person ({@code me}, or null) in every page's model, for the header and signatures.
 * Limited to the page controllers: the gateway's API must not pay a database read per request.
 */
@ControllerAdvice(basePackages = {"fr.avec.server.web", "fr.avec.server.workbench", "fr.avec.server.literature",
        "fr.avec.server.education", "fr.avec.server.estimate", "fr.avec.server.learn", "fr.avec.server.communicate",
        "fr.avec.server.admin"})
public class CurrentUser {

    private final LocalAccounts accounts;

    public CurrentUser(LocalAccounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("me")
    public LocalAccounts.Account me(Principal principal) {
        return principal == null ? null : accounts.find(principal.getName()).orElse(null);
    }
}
