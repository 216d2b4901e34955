package fr.avec.server.education;

import fr.avec.server.web.AiUseGate;
import fr.avec.server.web.AiUseGates;
import fr.avec.server.web.LocalAccounts;
import fr.avec.server.workbench.DraftStream;
import fr.avec.server.workbench.GatewayDrafts;
import fr.avec.verify.readability.Audience;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The patient education pages: the brief (topic, audience, format, sources), the draft streamed from the gateway,
 * review with findings and illustrations (generated or uploaded, each checked), validation, the leaflet and its
 * exports. Thin: the work is in {@link Materials}, {@link MaterialReviews}, {@link GatewayDrafts} and {@link LeafletExport}.
 */
@Controller
public class EducationController {

    private static final Logger LOG = LoggerFactory.getLogger(EducationController.class);
    static final int MAX_TOPIC = 500;
    static final int MAX_SOURCES = 200_000;
    static final int MAX_CAPTION = 500;

    private final Materials materials;
    private final MaterialReviews reviews;
    private final GatewayDrafts drafts;
    private final ImageGeneration images;
    private final AiUseGates gates;
    private final LocalAccounts accounts;

    public EducationController(Materials materials, MaterialReviews reviews, GatewayDrafts drafts, ImageGeneration images, AiUseGates gates,
                               LocalAccounts accounts) {
        this.materials = materials;
        this.reviews = reviews;
        this.drafts = drafts;
        this.images = images;
        this.gates = gates;
        this.accounts = accounts;
    }

    @GetMapping("/education")
    public String list(Principal user, Model model) {
        model.addAttribute("materials", materials.of(user.getName(), 50));
        model.addAttribute("models", drafts.models());
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("formats", Material.Format.values());
        return "education/list";
    }

    @PostMapping("/education")
    public String create(Principal user, @RequestParam(defaultValue = "") String topic, @RequestParam(defaultValue = "ADULT") String audience,
                         @RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "LEAFLET") String format,
                         @RequestParam(defaultValue = "") String sources, @RequestParam(required = false) String model,
                         Model page, HttpServletResponse response) {
        String error = null;
        Audience a = parse(Audience.class, audience);
        Material.Format f = parse(Material.Format.class, format);
        if (topic.isBlank()) {
            error = "edu.error.topic";
        } else if (topic.length() > MAX_TOPIC || sources.length() > MAX_SOURCES || language.length() > 64) {
            error = "lit.error.tooLong";
        } else if (a == null || f == null) {
            error = "edu.error.audience";
        } else if (a == Audience.OTHER_LANGUAGE && language.isBlank()) {
            error = "edu.error.language";
        } else if (model == null || drafts.models().stream().noneMatch(m -> m.model().equals(model))) {
            error = "lit.error.model";
        }
        if (error != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            page.addAttribute("error", error);
            page.addAttribute("form", Map.of("topic", topic, "sources", sources, "language", language, "audience", audience, "format", format));
            return list(user, page);
        }
        long id = materials.create(user.getName(), topic, a, language, f, sources, model);
        return "redirect:/education/" + id;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    @GetMapping("/education/{id}")
    public String show(@PathVariable long id, Principal user, Model model) {
        Material m = owned(id, user);
        model.addAttribute("m", m);
        model.addAttribute("images", materials.images(id));
        model.addAttribute("imageGeneration", images.available());
        model.addAttribute("imageWh", ImageImpact.WH_PER_IMAGE);
        model.addAttribute("imageTimesText", ImageImpact.TIMES_TEXT);
        return switch (m.status()) {
            case BRIEF -> "education/brief";
            case REVIEW -> {
                model.addAttribute("account", accounts.find(m.owner()).orElse(null));
                yield "education/review";
            }
            case VALIDATED -> {
                model.addAttribute("fates", reviews.fates(id));
                yield "education/document";
            }
        };
    }

    @PostMapping(path = "/education/{id}/draft", produces = "application/x-ndjson")
    public void generate(@PathVariable long id, Principal user, HttpServletResponse response) throws IOException {
        Material m = owned(id, user);
        DraftStream stream = DraftStream.open(response);
        if (m.status() != Material.Status.BRIEF) {
            stream.done("/education/" + id);
            return;
        }
        if (gates.check(user.getName(), AiUseGate.EDUCATION).isPresent()) {
            stream.error("locked");
            return;
        }
        stream.relay(deltas -> drafts.compose(user.getName(), m.model(), MaterialPrompt.system(m), MaterialPrompt.message(m), deltas),
                draft -> materials.draftReady(id, draft.text(), draft.requestId(), draft.modelVersion()),
                "/education/" + id, LOG, "material", id);
    }


    @PostMapping("/education/{id}/without-ai")
    public String withoutAi(@PathVariable long id, Principal user) {
        owned(id, user);
        materials.writeWithoutAi(id);
        return "redirect:/education/" + id;
    }

    @PostMapping("/education/{id}/text")
    public String save(@PathVariable long id, Principal user, @RequestParam("text") String text, Model model) {
        Material m = owned(id, user);
        if (m.validated() || text.length() > MAX_SOURCES) {
            throw new ResponseStatusException(m.validated() ? HttpStatus.CONFLICT : HttpStatus.CONTENT_TOO_LARGE);
        }
        materials.saveWorkingText(id, text);
        return findings(materials.find(id).orElseThrow(), model);
    }

    @GetMapping("/education/{id}/findings")
    public String findings(@PathVariable long id, Principal user, Model model) {
        return findings(owned(id, user), model);
    }

    @PostMapping("/education/{id}/dismiss")
    public String dismiss(@PathVariable long id, Principal user, @RequestParam String kind, @RequestParam("flagged") String flagged,
                          @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String text,
                          Model model, HttpServletResponse response) {
        Material m = owned(id, user);
        if (m.validated()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        if (text != null) {
            materials.saveWorkingText(id, text);
            m = materials.find(id).orElseThrow();
        }
        if (reason.isBlank()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("dismissError", kind + "\u0000" + flagged);
        } else {
            reviews.decisions().dismiss(MaterialReviews.USE_CASE, id, kind, flagged, reason, user.getName());
        }
        return findings(m, model);
    }

    private String findings(Material m, Model model) {
        model.addAttribute("m", m);
        model.addAttribute("review", reviews.review(m));
        return "education/review :: findings";
    }

    /** Uploads an illustration (PNG or JPEG); the text typed so far is saved with it. */
    @PostMapping(path = "/education/{id}/images", consumes = "multipart/form-data")
    public String upload(@PathVariable long id, Principal user, @RequestParam(name = "image", required = false) MultipartFile image,
                         @RequestParam(defaultValue = "") String caption, @RequestParam(required = false) String text,
                         RedirectAttributes redirect) throws IOException {
        Material m = editable(id, user, text);
        byte[] bytes = image == null ? new byte[0] : image.getBytes();
        String type = bytes.length == 0 || bytes.length > ImageFiles.MAX_BYTES ? null : ImageFiles.type(bytes);
        if (caption.isBlank() || caption.length() > MAX_CAPTION) {
            redirect.addFlashAttribute("imageError", "edu.error.caption");
        } else if (type == null) {
            redirect.addFlashAttribute("imageError", "edu.error.image");
        } else {
            materials.addImage(m.id(), caption.strip(), type, bytes, MaterialImage.Origin.UPLOADED, null, null);
        }
        return "redirect:/education/" + id + "#images";
    }

    /** Generates an illustration through the image upstream, when one is configured. */
    @PostMapping("/education/{id}/images/generate")
    public String generateImage(@PathVariable long id, Principal user, @RequestParam(defaultValue = "") String caption,
                                @RequestParam(required = false) String text, RedirectAttributes redirect) {
        Material m = editable(id, user, text);
        if (caption.isBlank() || caption.length() > MAX_CAPTION) {
            redirect.addFlashAttribute("imageError", "edu.error.caption");
            return "redirect:/education/" + id + "#images";
        }
        if (gates.check(user.getName(), AiUseGate.EDUCATION).isPresent()) {
            redirect.addFlashAttribute("imageError", "lit.locked");
            return "redirect:/education/" + id + "#images";
        }
        String prompt = ImageGeneration.prompt(m.topic(), caption.strip());
        try {
            byte[] png = images.generate(prompt);
            materials.addImage(m.id(), caption.strip(), ImageFiles.type(png), png, MaterialImage.Origin.GENERATED, prompt, ImageImpact.WH_PER_IMAGE);
        } catch (ImageGeneration.Failed failed) {
            redirect.addFlashAttribute("imageFailure", failed.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return "redirect:/education/" + id + "#images";
    }

    @GetMapping("/education/{id}/images/{imageId}")
    public ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable long imageId, Principal user) {
        owned(id, user);
        MaterialImage meta = materials.images(id).stream().filter(i -> i.id() == imageId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] bytes = materials.imageContent(id, imageId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(meta.contentType())).header("X-Content-Type-Options", "nosniff").body(bytes);
    }

    /** The professional's three checks of an image: medical accuracy, rights of use, no stereotype. */
    @PostMapping("/education/{id}/images/{imageId}/check")
    public String check(@PathVariable long id, @PathVariable long imageId, Principal user, @RequestParam(defaultValue = "false") boolean accuracy,
                        @RequestParam(defaultValue = "false") boolean rights, @RequestParam(defaultValue = "false") boolean stereotypes,
                        @RequestParam(required = false) String text) {
        editable(id, user, text);
        materials.check(id, imageId, accuracy, rights, stereotypes, user.getName());
        return "redirect:/education/" + id + "#images";
    }

    @PostMapping("/education/{id}/images/{imageId}/delete")
    public String deleteImage(@PathVariable long id, @PathVariable long imageId, Principal user, @RequestParam(required = false) String text) {
        editable(id, user, text);
        materials.deleteImage(id, imageId);
        return "redirect:/education/" + id + "#images";
    }

    @PostMapping("/education/{id}/validate")
    public String validate(@PathVariable long id, Principal user, @RequestParam("text") String text,
                           @RequestParam(required = false) String validatorTitle, RedirectAttributes redirect) {
        Material m = owned(id, user);
        LocalAccounts.Account validator = accounts.find(user.getName()).orElseThrow();
        try {
            reviews.validate(m, validator, validatorTitle, text);
        } catch (MaterialReviews.ValidationRefused refused) {
            redirect.addFlashAttribute("refused", refused.blocking());
            redirect.addFlashAttribute("uncheckedImages", refused.uncheckedImages());
            return "redirect:/education/" + id;
        } catch (IllegalArgumentException empty) {
            redirect.addFlashAttribute("emptyText", true);
            return "redirect:/education/" + id;
        }
        redirect.addFlashAttribute("validatedNow", true);
        return "redirect:/education/" + id;
    }

    @GetMapping("/education/{id}/leaflet.pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable long id, Principal user) {
        Material m = validatedOwned(id, user);
        return download(LeafletExport.pdf(m, illustrations(id)), MediaType.APPLICATION_PDF, "document-patient-" + id + ".pdf");
    }

    @GetMapping("/education/{id}/leaflet.html")
    public ResponseEntity<byte[]> html(@PathVariable long id, Principal user) {
        Material m = validatedOwned(id, user);
        return download(LeafletExport.html(m, illustrations(id)).getBytes(StandardCharsets.UTF_8), new MediaType("text", "html", StandardCharsets.UTF_8),
                "document-patient-" + id + ".html");
    }

    private List<LeafletExport.Illustration> illustrations(long id) {
        List<LeafletExport.Illustration> out = new ArrayList<>();
        for (MaterialImage i : materials.images(id)) {
            materials.imageContent(id, i.id()).ifPresent(bytes -> out.add(new LeafletExport.Illustration(i.caption(), i.contentType(), bytes)));
        }
        return out;
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    /** The material, still under review, with the text typed so far saved first. */
    private Material editable(long id, Principal user, String text) {
        Material m = owned(id, user);
        if (m.status() != Material.Status.REVIEW) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        if (text != null) {
            materials.saveWorkingText(id, text);
        }
        return m;
    }

    private Material validatedOwned(long id, Principal user) {
        Material m = owned(id, user);
        if (!m.validated()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return m;
    }

    private Material owned(long id, Principal user) {
        return materials.find(id).filter(m -> m.owner().equals(user.getName()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

}
