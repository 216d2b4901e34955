package fr.avec.server.learn;

import fr.avec.server.web.AiUseGate;
import fr.avec.server.web.AiUseGates;
import fr.avec.server.workbench.NoteTemplate;
import fr.avec.server.workbench.NoteTemplates;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The test bench pages: case sets (import, or copy from a reference source), runs of candidate models,
 * one run's results, and the side-by-side comparison of several runs.
 */
@Controller
public class BenchController {

    /** Largest case file accepted. */
    static final long MAX_FILE = 20L * 1024 * 1024;

    private final CaseSets caseSets;
    private final BenchRuns runs;
    private final List<ReferenceCases> sources;
    private final NoteTemplates templates;
    private final AiUseGates gates;

    public BenchController(CaseSets caseSets, BenchRuns runs, List<ReferenceCases> sources, NoteTemplates templates, AiUseGates gates) {
        this.caseSets = caseSets;
        this.runs = runs;
        this.sources = List.copyOf(sources);
        this.templates = templates;
        this.gates = gates;
    }

    @GetMapping("/bench")
    public String index(Model model) {
        model.addAttribute("sets", caseSets.all());
        model.addAttribute("sources", sources);
        model.addAttribute("runs", runs.all());
        model.addAttribute("candidates", runs.candidates());
        if (!model.containsAttribute("instruction")) {
            model.addAttribute("instruction", templates.active().stream().findFirst().map(NoteTemplate::prompt).orElse(""));
        }
        return "bench/index";
    }

    @PostMapping(path = "/bench/sets", consumes = "multipart/form-data")
    public String importSet(@RequestParam(defaultValue = "") String name, @RequestParam(name = "file", required = false) MultipartFile file,
                            Principal user, Model model, HttpServletResponse response) throws IOException {
        String error = null;
        String detail = null;
        if (file == null || file.isEmpty()) {
            error = "bench.error.noFile";
        } else if (file.getSize() > MAX_FILE) {
            error = "bench.error.tooLarge";
        } else {
            try {
                List<BenchCase> cases = caseSets.parse(file.getOriginalFilename(), file.getBytes());
                String setName = name.isBlank() ? Optional.ofNullable(file.getOriginalFilename()).orElse("cases") : name;
                caseSets.store(setName, "import", cases, user.getName());
                return "redirect:/bench?imported";
            } catch (IllegalArgumentException unreadable) {
                error = "bench.error.file";
                // The parser's message names a line and the expected shape, never the case's text.
                detail = unreadable.getMessage();
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("error", error);
        model.addAttribute("errorDetail", detail);
        return index(model);
    }

    /** Copies the cases a reference source offers now into a stored case set. */
    @PostMapping("/bench/sets/from/{source}")
    public String fromSource(@PathVariable String source, Principal user, Model model, HttpServletResponse response) {
        ReferenceCases found = sources.stream().filter(s -> s.id().equals(source)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<BenchCase> cases = found.cases();
        if (cases.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("error", "bench.error.emptySource");
            return index(model);
        }
        caseSets.store(found.name(), found.id(), cases, user.getName());
        return "redirect:/bench?imported";
    }

    @PostMapping("/bench/runs")
    public String start(@RequestParam(required = false) Long caseSet, @RequestParam(name = "model", required = false) List<String> models,
                        @RequestParam(defaultValue = "") String instruction, Principal user, Model model, HttpServletResponse response) {
        String error = null;
        Optional<AiUseGate.Refusal> refusal = gates.check(user.getName(), AiUseGate.CONSULTATION);
        if (refusal.isPresent()) {
            error = refusal.get().messageKey();
            model.addAttribute("errorAction", refusal.get().actionPath());
        } else if (caseSet == null || caseSets.find(caseSet).isEmpty()) {
            error = "bench.error.caseSet";
        } else if (models == null || models.isEmpty()) {
            error = "bench.error.model";
        } else if (instruction.isBlank()) {
            error = "bench.error.instruction";
        }
        if (error == null) {
            List<Long> started = new ArrayList<>();
            try {
                for (String candidate : models.stream().distinct().toList()) {
                    started.add(runs.start(caseSet, candidate, instruction, user.getName()));
                }
            } catch (IllegalArgumentException refused) {
                error = "bench.error.model";
            }
            if (error == null) {
                return started.size() == 1 ? "redirect:/bench/runs/" + started.getFirst()
                        : "redirect:/bench/compare?" + String.join("&", started.stream().map(id -> "run=" + id).toList());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("error", error);
        model.addAttribute("instruction", instruction);
        return index(model);
    }

    @GetMapping("/bench/runs/{id}")
    public String run(@PathVariable long id, Model model) {
        BenchRuns.Run run = runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<BenchRuns.Result> results = runs.results(id);
        model.addAttribute("run", run);
        model.addAttribute("results", results);
        model.addAttribute("summary", BenchRuns.summary(caseSets.cases(run.caseSetId()).size(), results));
        return "bench/run";
    }

    /** Several runs side by side: their figures, then each case's outputs next to each other. */
    @GetMapping("/bench/compare")
    public String compare(@RequestParam(name = "run", required = false) List<Long> ids, Model model) {
        if (ids == null || ids.isEmpty() || ids.size() > 6) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "choose one to six runs");
        }
        List<BenchRuns.Run> chosen = new ArrayList<>();
        Map<Long, BenchRuns.Summary> summaries = new LinkedHashMap<>();
        Map<String, Map<Long, BenchRuns.Result>> byCase = new LinkedHashMap<>();
        Map<String, CaseSets.StoredCase> cases = new LinkedHashMap<>();
        for (long id : ids.stream().distinct().toList()) {
            BenchRuns.Run run = runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            chosen.add(run);
            List<CaseSets.StoredCase> stored = caseSets.cases(run.caseSetId());
            stored.forEach(c -> cases.putIfAbsent(run.caseSetId() + "/" + c.value().key(), c));
            List<BenchRuns.Result> results = runs.results(id);
            summaries.put(id, BenchRuns.summary(stored.size(), results));
            for (BenchRuns.Result result : results) {
                byCase.computeIfAbsent(run.caseSetId() + "/" + result.caseKey(), k -> new LinkedHashMap<>()).put(id, result);
            }
        }
        model.addAttribute("runs", chosen);
        model.addAttribute("summaries", summaries);
        model.addAttribute("cases", cases);
        model.addAttribute("byCase", byCase);
        model.addAttribute("running", chosen.stream().anyMatch(r -> r.status() == BenchRuns.Status.RUNNING));
        return "bench/compare";
    }
}
