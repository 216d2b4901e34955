package fr.avec.server.web;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person ({@code me}, or null) in every page's model, for the header and signatures. */
@ControllerAdvice
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
