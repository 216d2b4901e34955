package fr.avec.server.estimate;

import fr.avec.estimate.Indicator;
import fr.avec.estimate.Objective;
import fr.avec.server.security.Role;
import fr.avec.server.web.AiUseGate;
import fr.avec.server.web.LocalAccounts;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
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
 * The needs sheets: read by the referent, the DPO and the administrator; written by the referent and the
 * administrator; signed off by the DPO (the sign-off is recorded with its date and withdrawn by a change).
 */
@Controller
public class NeedsController {

    /** The use cases offered when creating a sheet. */
    static final List<String> USE_CASES = List.of(AiUseGate.CONSULTATION, AiUseGate.LITERATURE, AiUseGate.EDUCATION);

    private final NeedsSheets sheets;
    private final LocalAccounts accounts;

    public NeedsController(NeedsSheets sheets, LocalAccounts accounts) {
        this.sheets = sheets;
        this.accounts = accounts;
    }

    @GetMapping("/needs")
    public String list(Model page) {
        Map<String, NeedsSheets.Sheet> byUseCase = new java.util.LinkedHashMap<>();
        for (NeedsSheets.Sheet sheet : sheets.all()) {
            byUseCase.put(sheet.useCase(), sheet);
        }
        page.addAttribute("sheets", byUseCase);
        List<String> useCases = new ArrayList<>(USE_CASES);
        byUseCase.keySet().stream().filter(u -> !useCases.contains(u)).forEach(useCases::add);
        page.addAttribute("useCases", useCases);
        return "estimate/needs";
    }

    @GetMapping("/needs/{useCase}")
    public String show(@PathVariable String useCase, Principal principal, Model page) {
        page.addAttribute("useCase", useCase);
        NeedsSheets.Sheet sheet = sheets.find(useCase).orElse(null);
        page.addAttribute("sheet", sheet);
        Map<String, Objective> objectives = new java.util.HashMap<>();
        if (sheet != null) {
            sheet.objectives().forEach(o -> objectives.put(o.indicator().name(), o));
        }
        page.addAttribute("objectives", objectives);
        page.addAttribute("indicators", Indicator.values());
        page.addAttribute("editor", mayEdit(account(principal)));
        page.addAttribute("dpo", account(principal).role() == Role.DPO);
        return "estimate/needs-sheet";
    }

    @PostMapping("/needs/{useCase}")
    public String save(@PathVariable String useCase, @RequestParam Map<String, String> form, Principal principal, Model page,
                       HttpServletResponse response) {
        LocalAccounts.Account me = account(principal);
        if (!mayEdit(me)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            List<Objective> objectives = new ArrayList<>();
            for (Indicator indicator : Indicator.values()) {
                String target = form.getOrDefault("target." + indicator.name(), "").strip().replace(',', '.');
                if (target.isEmpty()) {
                    continue;
                }
                double value;
                try {
                    value = Double.parseDouble(target);
                } catch (NumberFormatException notANumber) {
                    throw new IllegalArgumentException("needs.error.target");
                }
                // Shares are typed as percentages on the form.
                if (indicator.share()) {
                    value = value / 100;
                }
                try {
                    objectives.add(new Objective(indicator, Objective.Comparison.valueOf(form.getOrDefault("comparison." + indicator.name(), "AT_MOST")),
                            value));
                } catch (IllegalArgumentException outOfRange) {
                    throw new IllegalArgumentException("needs.error.target");
                }
            }
            sheets.save(useCase, form.get("task"), form.get("dataInvolved"), form.get("expectedGain"), form.get("alternatives"), objectives,
                    me.name());
        } catch (IllegalArgumentException invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            page.addAttribute("error", invalid.getMessage() != null && invalid.getMessage().startsWith("needs.") ? invalid.getMessage()
                    : "needs.error.target");
            page.addAttribute("form", form);
            return show(useCase, principal, page);
        }
        return "redirect:/needs/" + useCase + "?saved";
    }

    @PostMapping("/needs/{useCase}/sign")
    public String sign(@PathVariable String useCase, Principal principal) {
        LocalAccounts.Account me = account(principal);
        if (me.role() != Role.DPO) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (!sheets.sign(useCase, me.name())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/needs/" + useCase + "?signed";
    }

    private static boolean mayEdit(LocalAccounts.Account me) {
        return me.role() == Role.REFERENT || me.role() == Role.ADMIN;
    }

    private LocalAccounts.Account account(Principal principal) {
        return accounts.find(principal.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
