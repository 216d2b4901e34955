package fr.avec.server.estimate;

import fr.avec.server.web.AiUseGate;
import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Offers the usability questionnaire on the workbench's home page when it is due for the signed-in person. */
@ControllerAdvice(basePackages = "fr.avec.server.workbench")
public class UsabilityInvitation {

    private final UsabilitySurveys surveys;

    public UsabilityInvitation(UsabilitySurveys surveys) {
        this.surveys = surveys;
    }

    @ModelAttribute("susDue")
    public boolean susDue(Principal principal, jakarta.servlet.http.HttpServletRequest request) {
        // Only the home page shows the invitation; autosaves and streams must not pay for the look-up.
        return principal != null && "/".equals(request.getServletPath()) && surveys.due(principal.getName(), AiUseGate.CONSULTATION);
    }
}
