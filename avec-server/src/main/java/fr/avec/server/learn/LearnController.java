package fr.avec.server.learn;

import fr.avec.learn.Quiz;
import fr.avec.learn.TrainingCatalog;
import fr.avec.learn.TrainingModule;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The training path pages: the list of modules with the person's standing, one module with its quiz, the
 * quiz result with the explanation of each wrong answer, and the AI referent's list of who has passed.
 */
@Controller
public class LearnController {

    private static final Parser MARKDOWN = Parser.builder().build();
    // Module texts are ours, but raw HTML is escaped anyway: the page's CSP and the writers' mistakes.
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private final TrainingRecords records;
    private final TrainingGate gate;

    public LearnController(TrainingRecords records, TrainingGate gate) {
        this.records = records;
        this.gate = gate;
    }

    @GetMapping("/learn")
    public String index(Principal user, Locale locale, Model model) {
        TrainingCatalog catalog = TrainingCatalog.forLocale(locale);
        model.addAttribute("modules", records.status(user.getName(), catalog));
        model.addAttribute("current", records.current(user.getName()));
        model.addAttribute("required", gate.required());
        model.addAttribute("refresherDays", records.refresher().toDays());
        return "learn/index";
    }

    @GetMapping("/learn/{id}")
    public String module(@PathVariable String id, Locale locale, Model model) {
        TrainingModule module = module(id, locale);
        model.addAttribute("module", module);
        model.addAttribute("html", HTML.render(MARKDOWN.parse(module.markdown())));
        return "learn/module";
    }

    /** Grades the quiz (fields {@code q0}, {@code q1}... holding the chosen answer's index) and records the attempt. */
    @PostMapping("/learn/{id}")
    public String answer(@PathVariable String id, @RequestParam Map<String, String> form, Principal user, Locale locale, Model model) {
        TrainingModule module = module(id, locale);
        Map<Integer, Integer> answers = new HashMap<>();
        for (int q = 0; q < module.questions().size(); q++) {
            String value = form.get("q" + q);
            if (value != null && value.matches("\\d{1,2}")) {
                answers.put(q, Integer.parseInt(value));
            }
        }
        Quiz.Grade grade = records.submit(user.getName(), module, answers);
        TrainingCatalog catalog = TrainingCatalog.forLocale(locale);
        List<TrainingModule> modules = catalog.modules();
        int index = modules.indexOf(module);
        model.addAttribute("module", module);
        model.addAttribute("grade", grade);
        model.addAttribute("answers", answers);
        model.addAttribute("next", index + 1 < modules.size() ? modules.get(index + 1) : null);
        model.addAttribute("current", records.current(user.getName()));
        model.addAttribute("passMark", (int) Math.round(Quiz.PASS_MARK * 100));
        return "learn/result";
    }

    /** Who has passed, for the AI referent (and the administrator). */
    @GetMapping("/learn/people")
    public String people(Model model) {
        model.addAttribute("people", records.everyone());
        model.addAttribute("refresherDays", records.refresher().toDays());
        return "learn/people";
    }

    private static TrainingModule module(String id, Locale locale) {
        return TrainingCatalog.forLocale(locale).module(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
