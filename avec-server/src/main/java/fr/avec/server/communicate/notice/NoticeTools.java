package fr.avec.server.communicate.notice;

import fr.avec.communicate.PatientNotice;
import fr.avec.server.gateway.ConfidentialityLevel;
import fr.avec.server.learn.ToolRegister;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The tools a patient must be told about, read from the register of AI tools: described, marked in use,
 * and not public (a public service never receives patient data, so the notice does not list it). Hosting
 * follows the level the gateway really routes with.
 */
@Component
public class NoticeTools {

    private final ToolRegister register;

    public NoticeTools(ToolRegister register) {
        this.register = register;
    }

    /** The tools for the notice, in register order. */
    public List<PatientNotice.Tool> tools() {
        return register.tools().stream().filter(t -> t.described() && t.current().description().inUse())
                .map(NoticeTools::tool).flatMap(Optional::stream).toList();
    }

    static Optional<PatientNotice.Tool> tool(ToolRegister.Tool tool) {
        PatientNotice.Hosting hosting = switch (tool.effective()) {
            case ON_PREMISE -> PatientNotice.Hosting.ON_PREMISE;
            case HDS -> PatientNotice.Hosting.HDS;
            case EU_CONTRACT -> PatientNotice.Hosting.EU_CONTRACT;
            case PUBLIC -> null;
        };
        if (hosting == null || tool.effective() == ConfidentialityLevel.PUBLIC) {
            return Optional.empty();
        }
        ToolRegister.Description d = tool.current().description();
        String name = d.modelVersion() != null ? d.modelVersion() + (d.provider() != null ? " (" + d.provider() + ")" : "") : tool.name();
        String purpose = d.purpose() != null ? d.purpose() : "aide à la rédaction de documents";
        return Optional.of(new PatientNotice.Tool(name, purpose, d.purposeEn(), hosting));
    }
}
