package fr.avec.server.literature;

import fr.avec.server.web.AiUseGate;
import fr.avec.server.web.AiUseGates;
import fr.avec.server.web.LocalAccounts;
import fr.avec.server.workbench.DraftStream;
import fr.avec.server.workbench.GatewayDrafts;
import fr.avec.verify.source.Deduplication;
import fr.avec.verify.source.Reference;
import fr.avec.verify.source.ReferenceFormat;
import fr.avec.verify.source.ReferenceImport;
import fr.avec.verify.source.UnreadableReferences;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The literature synthesis pages: question and PICO, reference import and choice, the draft streamed from the
 * gateway, review with findings and « source consulted » ticks, validation, the document and its exports.
 * Thin: the work is in {@link Syntheses}, {@link SynthesisReviews}, {@link GatewayDrafts} and the core readers.
 */
@Controller
public class LiteratureController {

    private static final Logger LOG = LoggerFactory.getLogger(LiteratureController.class);
    static final int MAX_QUESTION = 2000;
    static final int MAX_FIELD = 1000;
    static final int MAX_TEXT = 400_000;

    private final Syntheses syntheses;
    private final SynthesisReviews reviews;
    private final GatewayDrafts drafts;
    private final AiUseGates gates;
    private final LocalAccounts accounts;

    public LiteratureController(Syntheses syntheses, SynthesisReviews reviews, GatewayDrafts drafts, AiUseGates gates, LocalAccounts accounts) {
        this.syntheses = syntheses;
        this.reviews = reviews;
        this.drafts = drafts;
        this.gates = gates;
        this.accounts = accounts;
    }

    @GetMapping("/literature")
    public String list(Principal user, Model model) {
        model.addAttribute("syntheses", syntheses.of(user.getName(), 50));
        model.addAttribute("models", drafts.models());
        return "literature/list";
    }

    @PostMapping("/literature")
    public String create(Principal user, @RequestParam(defaultValue = "") String question, @RequestParam(defaultValue = "") String population,
                         @RequestParam(defaultValue = "") String intervention, @RequestParam(defaultValue = "") String comparison,
                         @RequestParam(defaultValue = "") String outcome, @RequestParam(required = false) String model,
                         Model page, HttpServletResponse response) {
        String error = null;
        if (question.isBlank()) {
            error = "lit.error.question";
        } else if (question.length() > MAX_QUESTION || population.length() > MAX_FIELD || intervention.length() > MAX_FIELD
                || comparison.length() > MAX_FIELD || outcome.length() > MAX_FIELD) {
            error = "lit.error.tooLong";
        } else if (model == null || drafts.models().stream().noneMatch(m -> m.model().equals(model))) {
            error = "lit.error.model";
        }
        if (error != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            page.addAttribute("error", error);
            page.addAttribute("form", Map.of("question", question, "population", population, "intervention", intervention,
                    "comparison", comparison, "outcome", outcome));
            return list(user, page);
        }
        long id = syntheses.create(user.getName(), question, population, intervention, comparison, outcome, model);
        return "redirect:/literature/" + id;
    }

    @GetMapping("/literature/{id}")
    public String show(@PathVariable long id, Principal user, Model model) {
        Synthesis s = owned(id, user);
        model.addAttribute("s", s);
        model.addAttribute("references", syntheses.references(id));
        model.addAttribute("chosen", syntheses.chosen(id));
        return switch (s.status()) {
            case REFERENCES -> "literature/references";
            case REVIEW -> {
                model.addAttribute("account", accounts.find(s.owner()).orElse(null));
                yield "literature/review";
            }
            case VALIDATED -> {
                model.addAttribute("fates", reviews.fates(id));
                yield "literature/document";
            }
        };
    }

    /** Imports one or more files (PubMed XML or text, RIS, BibTeX, CSL-JSON, PDF); nothing is kept from a file that fails. */
    @PostMapping(path = "/literature/{id}/import", consumes = "multipart/form-data")
    public String importFiles(@PathVariable long id, Principal user, @RequestParam(name = "files", required = false) List<MultipartFile> files,
                              RedirectAttributes redirect) {
        Synthesis s = owned(id, user);
        if (s.status() != Synthesis.Status.REFERENCES) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        List<Reference> read = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty()) {
                continue;
            }
            String name = file.getOriginalFilename() == null ? "?" : file.getOriginalFilename();
            try {
                byte[] bytes = file.getBytes();
                List<Reference> refs = ReferenceImport.detect(bytes) == ReferenceFormat.CSL_JSON ? CslJson.read(bytes) : ReferenceImport.read(bytes);
                refs.stream().filter(Reference::identified).forEach(read::add);
            } catch (UnreadableReferences | IOException e) {
                problems.add(name + " : " + e.getMessage());
            }
        }
        if (read.isEmpty() && problems.isEmpty()) {
            problems.add("—");
            redirect.addFlashAttribute("importEmpty", true);
        }
        if (!read.isEmpty()) {
            try {
                Deduplication.Result result = syntheses.add(id, read);
                redirect.addFlashAttribute("imported", read.size() - result.duplicates());
                redirect.addFlashAttribute("duplicates", result.duplicates());
            } catch (IllegalArgumentException tooMany) {
                problems.add(tooMany.getMessage());
            }
        }
        redirect.addFlashAttribute("problems", problems.stream().filter(p -> !p.equals("—")).toList());
        return "redirect:/literature/" + id;
    }

    @PostMapping("/literature/{id}/choose")
    public String choose(@PathVariable long id, Principal user, @RequestParam(name = "chosen", required = false) List<Long> chosen) {
        Synthesis s = owned(id, user);
        if (s.status() != Synthesis.Status.REFERENCES) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        syntheses.choose(id, chosen == null ? List.of() : chosen);
        return "redirect:/literature/" + id;
    }

    /** Generates the draft through the gateway and streams it as JSON lines, as the consultation page expects. */
    @PostMapping(path = "/literature/{id}/draft", produces = "application/x-ndjson")
    public void generate(@PathVariable long id, Principal user, HttpServletResponse response) throws IOException {
        Synthesis s = owned(id, user);
        DraftStream stream = DraftStream.open(response);
        if (s.status() != Synthesis.Status.REFERENCES) {
            stream.done("/literature/" + id);
            return;
        }
        Optional<AiUseGate.Refusal> refusal = gates.check(user.getName(), AiUseGate.LITERATURE);
        if (refusal.isPresent()) {
            stream.error("locked");
            return;
        }
        List<SynthesisReference> chosen = syntheses.chosen(id);
        if (chosen.isEmpty()) {
            stream.error("no reference chosen");
            return;
        }
        stream.relay(deltas -> drafts.compose(user.getName(), s.model(), SynthesisPrompt.SYSTEM, SynthesisPrompt.message(s, chosen), deltas),
                draft -> syntheses.draftReady(id, draft.text(), draft.requestId(), draft.modelVersion()),
                "/literature/" + id, LOG, "synthesis", id);
    }


    @PostMapping("/literature/{id}/without-ai")
    public String withoutAi(@PathVariable long id, Principal user) {
        owned(id, user);
        syntheses.writeWithoutAi(id);
        return "redirect:/literature/" + id;
    }

    /** Autosave: stores the text as typed and answers with the findings on it. */
    @PostMapping("/literature/{id}/text")
    public String save(@PathVariable long id, Principal user, @RequestParam("text") String text, Model model) {
        Synthesis s = owned(id, user);
        if (s.validated() || text.length() > MAX_TEXT) {
            throw new ResponseStatusException(s.validated() ? HttpStatus.CONFLICT : HttpStatus.CONTENT_TOO_LARGE);
        }
        syntheses.saveWorkingText(id, text);
        return findings(syntheses.find(id).orElseThrow(), model);
    }

    @GetMapping("/literature/{id}/findings")
    public String findings(@PathVariable long id, Principal user, Model model) {
        return findings(owned(id, user), model);
    }

    @PostMapping("/literature/{id}/dismiss")
    public String dismiss(@PathVariable long id, Principal user, @RequestParam String kind, @RequestParam("flagged") String flagged,
                          @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String text,
                          Model model, HttpServletResponse response) {
        Synthesis s = owned(id, user);
        if (s.validated()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        if (text != null) {
            syntheses.saveWorkingText(id, text);
            s = syntheses.find(id).orElseThrow();
        }
        if (reason.isBlank()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("dismissError", kind + "\u0000" + flagged);
        } else {
            reviews.decisions().dismiss(SynthesisReviews.USE_CASE, id, kind, flagged, reason, user.getName());
        }
        return findings(s, model);
    }

    private String findings(Synthesis s, Model model) {
        model.addAttribute("s", s);
        model.addAttribute("review", reviews.review(s));
        return "literature/review :: findings";
    }

    /** Ticks or unticks « source consulted »; the text typed so far is saved with it. */
    @PostMapping("/literature/{id}/references/{referenceId}/consulted")
    public String consulted(@PathVariable long id, @PathVariable long referenceId, Principal user,
                            @RequestParam(defaultValue = "false") boolean consulted, @RequestParam(required = false) String text) {
        Synthesis s = owned(id, user);
        if (s.validated()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        if (text != null) {
            syntheses.saveWorkingText(id, text);
        }
        syntheses.consulted(id, referenceId, user.getName(), consulted);
        return "redirect:/literature/" + id + "#references";
    }

    @PostMapping("/literature/{id}/validate")
    public String validate(@PathVariable long id, Principal user, @RequestParam("text") String text,
                           @RequestParam(required = false) String validatorTitle, RedirectAttributes redirect) {
        Synthesis s = owned(id, user);
        LocalAccounts.Account validator = accounts.find(user.getName()).orElseThrow();
        try {
            reviews.validate(s, validator, validatorTitle, text);
        } catch (SynthesisReviews.ValidationRefused refused) {
            redirect.addFlashAttribute("refused", refused.blocking());
            redirect.addFlashAttribute("notConsulted", refused.notConsulted());
            return "redirect:/literature/" + id;
        } catch (IllegalArgumentException empty) {
            redirect.addFlashAttribute("emptyText", true);
            return "redirect:/literature/" + id;
        }
        redirect.addFlashAttribute("validatedNow", true);
        return "redirect:/literature/" + id;
    }

    @GetMapping("/literature/{id}/synthesis.pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable long id, Principal user) {
        Synthesis s = validatedOwned(id, user);
        return download(SynthesisExport.pdf(s, syntheses.chosen(id)), MediaType.APPLICATION_PDF, "synthese-" + id + ".pdf");
    }

    @GetMapping("/literature/{id}/synthesis.md")
    public ResponseEntity<byte[]> markdown(@PathVariable long id, Principal user) {
        Synthesis s = validatedOwned(id, user);
        return download(SynthesisExport.markdown(s, syntheses.chosen(id)).getBytes(StandardCharsets.UTF_8),
                new MediaType("text", "markdown", StandardCharsets.UTF_8), "synthese-" + id + ".md");
    }

    static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    private Synthesis validatedOwned(long id, Principal user) {
        Synthesis s = owned(id, user);
        if (!s.validated()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return s;
    }

    /** Someone else's synthesis does not exist for this user. */
    private Synthesis owned(long id, Principal user) {
        return syntheses.find(id).filter(s -> s.owner().equals(user.getName()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
