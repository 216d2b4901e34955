package fr.avec.server.workbench;

import fr.avec.server.web.AiUseGate;
import fr.avec.server.web.AiUseGates;
import fr.avec.server.web.LocalAccounts;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The consultation pages: start (template, model, consent, transcript), draft generation streamed into
 * the page, review with findings, validation, document and exports. Thin: the work is in
 * {@link Consultations}, {@link GatewayDrafts} and {@link Reviews}.
 */
@Controller
public class WorkbenchController {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchController.class);
    /** Longest transcript accepted (a long consultation is about 60,000 characters). */
    static final int MAX_TRANSCRIPT = 400_000;

    private final Consultations consultations;
    private final NoteTemplates templates;
    private final GatewayDrafts drafts;
    private final Reviews reviews;
    private final PatientOppositions oppositions;
    private final LocalAccounts accounts;
    private final AiUseGates gates;

    public WorkbenchController(Consultations consultations, NoteTemplates templates, GatewayDrafts drafts, Reviews reviews,
                               PatientOppositions oppositions, LocalAccounts accounts, AiUseGates gates) {
        this.consultations = consultations;
        this.templates = templates;
        this.drafts = drafts;
        this.reviews = reviews;
        this.oppositions = oppositions;
        this.accounts = accounts;
        this.gates = gates;
    }

    @GetMapping("/")
    public String home(Principal user, Model model) {
        model.addAttribute("consultations", consultations.of(user.getName(), 50));
        model.addAttribute("account", accounts.find(user.getName()).orElse(null));
        return "home";
    }

    @GetMapping("/consultations/new")
    public String start(Model model) {
        model.addAttribute("templates", templates.active());
        model.addAttribute("models", drafts.models());
        model.addAttribute("audio", drafts.transcriptionAvailable());
        return "start";
    }

    @PostMapping("/consultations")
    public String create(Principal user, @RequestParam(required = false) String patientRef, @RequestParam(required = false) Long templateId,
                         @RequestParam(required = false) String model, @RequestParam(required = false) String consent,
                         @RequestParam(defaultValue = "ai") String mode, @RequestParam(defaultValue = "") String transcript,
                         Model page, HttpServletResponse response) {
        boolean withAi = !"manual".equals(mode);
        String error = null;
        Optional<AiUseGate.Refusal> refusal = withAi ? gates.check(user.getName(), AiUseGate.CONSULTATION) : Optional.empty();
        if (refusal.isPresent()) {
            error = refusal.get().messageKey();
            page.addAttribute("errorAction", refusal.get().actionPath());
        } else if (consent == null || !(consent.equals("GRANTED") || consent.equals("REFUSED"))) {
            error = "start.error.consent";
        } else if (transcript.length() > MAX_TRANSCRIPT) {
            error = "start.error.tooLong";
        } else if (withAi && transcript.isBlank()) {
            error = "start.error.transcript";
        } else if (withAi && (model == null || drafts.models().stream().noneMatch(m -> m.model().equals(model)))) {
            error = "start.error.model";
        } else if (withAi && (templateId == null || templates.find(templateId).filter(NoteTemplate::active).isEmpty())) {
            error = "start.error.template";
        } else if (withAi && oppositions.opposed(patientRef)) {
            error = "start.error.opposed";
        }
        if (error != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            page.addAttribute("error", error);
            page.addAttribute("templates", templates.active());
            page.addAttribute("models", drafts.models());
            page.addAttribute("audio", drafts.transcriptionAvailable());
            page.addAttribute("form", Map.of("patientRef", patientRef == null ? "" : patientRef, "transcript", transcript,
                    "consent", consent == null ? "" : consent, "mode", mode, "model", model == null ? "" : model,
                    "templateId", templateId == null ? "" : templateId.toString()));
            return "start";
        }
        long id = consultations.create(user.getName(), blankToNull(patientRef), withAi ? templateId : null, withAi ? model : null,
                Consultation.RecordingConsent.valueOf(consent), withAi, transcript);
        return "redirect:/consultations/" + id;
    }

    /**
     * Transcribes an uploaded or recorded consultation through the gateway, only with the patient's consent
     * to the recording and never for a patient opposed to AI; answers with the transcript field filled.
     */
    @PostMapping(path = "/consultations/transcribe", consumes = "multipart/form-data")
    public String transcribe(Principal user, @RequestParam(required = false) String consent, @RequestParam(required = false) String patientRef,
                             @RequestParam(name = "audio", required = false) org.springframework.web.multipart.MultipartFile audio,
                             @RequestParam(defaultValue = "") String transcript, Model model) throws IOException {
        model.addAttribute("form", Map.of("transcript", transcript));
        String error = null;
        if (!"GRANTED".equals(consent)) {
            error = "start.error.recordingConsent";
        } else if (oppositions.opposed(patientRef)) {
            error = "start.error.opposed";
        } else if (audio == null || audio.isEmpty()) {
            error = "start.error.noAudio";
        } else if (!drafts.transcriptionAvailable()) {
            error = "start.error.noTranscription";
        }
        if (error == null) {
            try {
                String text = drafts.transcribe(user.getName(), ConsultationAudio.prepare(audio.getBytes()));
                model.addAttribute("form", Map.of("transcript", transcript.isBlank() ? text : transcript.strip() + "\n" + text));
                model.addAttribute("transcribed", true);
            } catch (IllegalArgumentException unsupported) {
                error = "start.error.audioFormat";
            } catch (GatewayDrafts.DraftFailed failed) {
                model.addAttribute("gatewayError", failed.getMessage());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                error = "start.error.noTranscription";
            }
        }
        model.addAttribute("transcribeError", error);
        return "start :: transcript";
    }

    @GetMapping("/consultations/{id}")
    public String show(@PathVariable long id, Principal user, Model model) {
        Consultation consultation = owned(id, user);
        model.addAttribute("c", consultation);
        model.addAttribute("templateVersion", reviews.templateVersion(consultation));
        if (consultation.validated()) {
            model.addAttribute("fates", reviews.fates(id));
            return "document";
        }
        if (consultation.status() == Consultation.Status.TRANSCRIPT) {
            model.addAttribute("opposed", oppositions.opposed(consultation.patientRef()));
            return "generate";
        }
        return review(consultation, model);
    }

    /** The review page comes without its findings, which load right after: the editor never waits for verification. */
    private String review(Consultation consultation, Model model) {
        model.addAttribute("c", consultation);
        model.addAttribute("account", accounts.find(consultation.owner()).orElse(null));
        return "review";
    }

    /**
     * Generates the draft through the gateway and streams it to the page as JSON lines:
     * {@code {"delta": "..."}} pieces, then {@code {"done": "/consultations/ID"}} or {@code {"error": "..."}}.
     */
    @PostMapping(path = "/consultations/{id}/draft", produces = "application/x-ndjson")
    public void generate(@PathVariable long id, Principal user, HttpServletResponse response) throws IOException {
        Consultation consultation = owned(id, user);
        DraftStream stream = DraftStream.open(response);
        if (consultation.status() != Consultation.Status.TRANSCRIPT || !consultation.aiUsed()) {
            stream.done("/consultations/" + id);
            return;
        }
        if (oppositions.opposed(consultation.patientRef())) {
            stream.error("opposed");
            return;
        }
        if (gates.check(user.getName(), AiUseGate.CONSULTATION).isPresent()) {
            stream.error("locked");
            return;
        }
        NoteTemplate template = templates.find(consultation.templateId()).orElseThrow();
        stream.relay(deltas -> drafts.generate(user.getName(), consultation.model(), template.prompt(), consultation.transcript(), deltas),
                draft -> consultations.draftReady(id, draft.text(), draft.requestId(), draft.modelVersion()),
                "/consultations/" + id, LOG, "consultation", id);
    }


    /** Writes the document without AI from here on (before any draft). */
    @PostMapping("/consultations/{id}/without-ai")
    public String withoutAi(@PathVariable long id, Principal user) {
        owned(id, user);
        consultations.writeWithoutAi(id);
        return "redirect:/consultations/" + id;
    }

    /** Autosave: stores the text as typed and answers with the findings on it. */
    @PostMapping("/consultations/{id}/text")
    public String save(@PathVariable long id, Principal user, @RequestParam("text") String text, Model model) {
        Consultation consultation = owned(id, user);
        if (consultation.validated()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        consultations.saveWorkingText(id, text);
        return findings(consultations.find(id).orElseThrow(), model);
    }

    /** The findings on the text as saved, as the review page's fragment. */
    @GetMapping("/consultations/{id}/findings")
    public String findings(@PathVariable long id, Principal user, Model model) {
        return findings(owned(id, user), model);
    }

    @PostMapping("/consultations/{id}/dismiss")
    public String dismiss(@PathVariable long id, Principal user, @RequestParam String kind, @RequestParam("flagged") String flagged,
                          @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String text,
                          Model model, HttpServletResponse response) {
        Consultation consultation = owned(id, user);
        if (text != null && !consultation.validated()) {
            consultations.saveWorkingText(id, text);
            consultation = consultations.find(id).orElseThrow();
        }
        if (reason.isBlank()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("dismissError", kind + "\u0000" + flagged);
        } else {
            reviews.dismiss(consultation, kind, flagged, reason, user.getName());
        }
        return findings(consultation, model);
    }

    private String findings(Consultation consultation, Model model) {
        model.addAttribute("c", consultation);
        model.addAttribute("review", reviews.review(consultation));
        return "review :: findings";
    }

    @PostMapping("/consultations/{id}/validate")
    public String validate(@PathVariable long id, Principal user, @RequestParam("text") String text,
                           @RequestParam(required = false) String validatorTitle, RedirectAttributes redirect) {
        Consultation consultation = owned(id, user);
        LocalAccounts.Account validator = accounts.find(user.getName()).orElseThrow();
        try {
            reviews.validate(consultation, validator, validatorTitle, text);
        } catch (Reviews.ValidationRefused refused) {
            // Redirect after the refusal too, so that reloading the page never re-submits an older text.
            redirect.addFlashAttribute("refused", refused.blocking());
            return "redirect:/consultations/" + id;
        } catch (IllegalArgumentException empty) {
            redirect.addFlashAttribute("emptyText", true);
            return "redirect:/consultations/" + id;
        }
        redirect.addFlashAttribute("validatedNow", true);
        return "redirect:/consultations/" + id;
    }

    @GetMapping("/consultations/{id}/document.txt")
    public ResponseEntity<byte[]> text(@PathVariable long id, Principal user) {
        Consultation consultation = validatedOwned(id, user);
        return download(DocumentExport.text(consultation).getBytes(StandardCharsets.UTF_8),
                new MediaType("text", "plain", StandardCharsets.UTF_8), "compte-rendu-" + id + ".txt");
    }

    @GetMapping("/consultations/{id}/document.pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable long id, Principal user) {
        return download(DocumentExport.pdf(validatedOwned(id, user)), MediaType.APPLICATION_PDF, "compte-rendu-" + id + ".pdf");
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    private Consultation validatedOwned(long id, Principal user) {
        Consultation consultation = owned(id, user);
        if (!consultation.validated()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        return consultation;
    }

    /** The consultation if it belongs to the user; another's is reported as absent. */
    private Consultation owned(long id, Principal user) {
        return consultations.find(id).filter(c -> c.owner().equals(user.getName()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
