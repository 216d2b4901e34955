package fr.avec.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page: the password form (handled by Spring Security) and a button per single sign-on provider. */
@Controller
public class LoginController {

    private final LocalAccounts accounts;
    private final fr.avec.server.security.SignOnProviders providers;
    private final fr.avec.server.security.SignInAttempts attempts;

    public LoginController(LocalAccounts accounts, fr.avec.server.security.SignOnProviders providers,
                           fr.avec.server.security.SignInAttempts attempts) {
        this.accounts = accounts;
        this.providers = providers;
        this.attempts = attempts;
    }

    @GetMapping("/login")
    public String login(@org.springframework.web.bind.annotation.RequestParam(required = false) String sso, Model model) {
        model.addAttribute("noAccount", !accounts.anyoneCanSignIn() && !providers.any());
        model.addAttribute("providers", providers.offered());
        model.addAttribute("lockMinutes", Math.max(1, attempts.lock().toMinutes()));
        // Only known reasons are shown; anything else in the parameter is ignored.
        if (sso != null && java.util.Set.of("refused.claims", "refused.exists", "refused.role", "refused.disabled", "failed").contains(sso)) {
            model.addAttribute("ssoError", "sso." + sso);
        }
        return "login";
    }
}
