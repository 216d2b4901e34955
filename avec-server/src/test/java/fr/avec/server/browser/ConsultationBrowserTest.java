package fr.avec.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import fr.avec.server.AvecServer;
import fr.avec.server.gateway.FakeUpstream;
import fr.avec.server.learn.TrainedUsers;
import fr.avec.server.security.Role;
import fr.avec.server.web.LocalAccounts;
import fr.avec.testing.SharedData;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The consultation use case end to end in Chromium, against the real server (H2 database on disk, drug
 * database from the shared reference data) and a fake OpenAI-compatible upstream behind the gateway:
 * sign in, consent, paste a transcript, generate, see a planted wrong dose and an invented drug
 * highlighted, fix one, dismiss the other with a reason, survive a reload and a server restart, validate,
 * download the PDF and find the AI mention in it. Screenshots of each step go to target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultationBrowserTest {

    static final String PASSWORD = "correct-horse-battery-staple";
    static final String TRANSCRIPT = """
            Médecin : Bonjour, qu'est-ce qui vous amène ?
            Patient : J'ai mal à la gorge depuis trois jours, avec de la fièvre à 38,5.
            Médecin : Vous avez des antécédents ?
            Patient : De l'hypertension, je prends de l'amlodipine 5 mg le matin.
            Médecin : Pas d'allergie connue ?
            Patient : Non, aucune allergie.
            Médecin : Les amygdales sont rouges avec des points blancs et le test rapide est positif. C'est une angine à streptocoque. \
            Je vous prescris de l'amoxicilline 1 g matin et soir pendant 6 jours, et du paracétamol 1 g si besoin, sans dépasser 3 g par jour.
            """;
    /** What the fake model answers: a wrong dose (1,5 g for 1 g) and an invented drug are planted. */
    static final String DRAFT = """
            Motif : mal de gorge depuis trois jours avec fièvre à 38,5.
            Antécédents : hypertension traitée par amlodipine 5 mg le matin. Pas d'allergie connue.
            Histoire de la maladie : mal de gorge et fièvre depuis trois jours.
            Examen clinique : amygdales rouges avec points blancs, test rapide positif.
            Conclusion : angine à streptocoque.
            Conduite à tenir / traitement : amoxicilline 1,5 g matin et soir pendant 6 jours. Relais par Zorbicilline matin et soir. \
            Paracétamol 1 g si besoin, sans dépasser 3 g par jour.""";

    @TempDir
    static Path home;
    private final Path screenshots = Path.of("target", "screenshots", "consultation");
    private FakeUpstream upstream;
    private ConfigurableApplicationContext server;
    private Playwright playwright;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        Chromium.requireInstalled();
        Files.createDirectories(screenshots);
        upstream = new FakeUpstream();
        upstream.answer(DRAFT);
        server = startServer();
        server.getBean(LocalAccounts.class).createOrUpdate("dr.martin", PASSWORD, Role.CLINICIAN, "Dr Claire Martin", "médecin généraliste");
        // The usage charter gate stays on: the clinician acknowledges the version in force through the real service
        // (CharterBrowserTest covers doing it on the page).
        fr.avec.server.communicate.Charter charter = server.getBean(fr.avec.server.communicate.Charter.class);
        charter.acknowledge("dr.martin", charter.current().number());
        // The training gate stays on (production default); this clinician passes the path through the real service.
        // LearnBrowserTest covers the gate itself in the browser.
        TrainedUsers.complete(server, "dr.martin");
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    private ConfigurableApplicationContext startServer() {
        return SpringApplication.run(AvecServer.class, "--server.port=0", "--avec.home=" + home, "--avec.data-dir=" + SharedData.root(),
                "--avec.upstreams[0].name=local", "--avec.upstreams[0].base-url=" + upstream.baseUrl(),
                "--avec.upstreams[0].level=on_premise", "--avec.upstreams[0].models[0]=mistral-small-3.2",
                "--avec.upstreams[0].models[1]=whisper-1",
                "--logging.level.root=WARN");
    }

    private String base() {
        return "http://localhost:" + server.getBean(Environment.class).getProperty("local.server.port");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    private void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
    }

    private void signIn(Page page) {
        page.navigate(base() + "/");
        assertThat(page).hasURL(base() + "/login");
        page.getByLabel("Identifiant").fill("dr.martin");
        page.getByLabel("Mot de passe").fill(PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
    }

    private static Locator finding(Page page, String kind, String text) {
        return page.locator("#findings li.finding[data-kind=" + kind + "]").filter(new Locator.FilterOptions().setHasText(text));
    }

    @Test
    void fromTranscriptToValidatedPdfWithTheAiMention() throws Exception {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true).setLocale("fr-FR")
                .setViewportSize(1366, 900).setBypassCSP(true));
        Page page = context.newPage();
        List<String> consoleErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                consoleErrors.add(message.text());
            }
        });

        page.navigate(base() + "/");
        shot(page, "01-sign-in");
        signIn(page);
        assertThat(page.locator("h1")).hasText("Poste de travail");
        assertNoAccessibilityViolations(page, "home");

        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Nouvelle consultation").setExact(true))
                .first().click();
        page.getByLabel("Identifiant patient local (pseudonyme)").fill("PAT-0042");
        page.getByLabel("Le patient accepte l’enregistrement").check();
        page.getByLabel("Modèle de compte rendu").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Consultation de médecine générale (v1)"));
        page.getByLabel("Transcription de la consultation").fill(TRANSCRIPT);
        assertNoAccessibilityViolations(page, "start");
        shot(page, "02-start-consultation");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuer")).click();

        assertThat(page.locator("#generate")).isVisible();
        shot(page, "03-before-generation");
        page.locator("#generate").click();
        assertThat(page.locator("#note")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        String reviewUrl = page.url();
        long id = Long.parseLong(reviewUrl.substring(reviewUrl.lastIndexOf('/') + 1));
        assertThat(page.locator("#note")).hasValue(DRAFT);
        assertThat(page.locator(".badge.proposal")).hasText("Proposition de l’IA — à vérifier, non validée");

        // The planted errors are flagged, highlighted in the editor, and validation is refused.
        Locator invented = finding(page, "UNKNOWN_DRUG", "Zorbicilline");
        // Findings load right after the page; the first review may wait for the drug database on a busy machine.
        assertThat(invented).hasCount(1, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(30_000));
        Locator wrongDose = page.locator("#findings li.finding.sev-error").filter(new Locator.FilterOptions().setHasText("1,5"));
        assertThat(wrongDose.first()).isVisible();
        assertThat(page.locator("#highlights mark.sev-error")).not().hasCount(0);
        assertThat(page.locator("#highlights mark.sev-error").filter(new Locator.FilterOptions().setHasText("Zorbicilline"))).hasCount(1);
        assertNoAccessibilityViolations(page, "review");
        shot(page, "04-review-with-findings");

        wrongDose.first().locator(".finding-show").click();
        assertThat(wrongDose.first().locator(".passage-note")).hasText("Aucun passage correspondant dans la transcription.");
        invented.locator(".finding-show").click();
        assertThat(invented).hasClass(java.util.regex.Pattern.compile("current"));
        shot(page, "05-finding-selected");

        page.locator("#validate").click();
        assertThat(page.locator("#refused")).isVisible();
        assertThat(page.locator("#refused")).containsText("Zorbicilline");
        shot(page, "06-validation-refused");

        // Fix the dose in place; the autosave re-verifies and the finding goes.
        String fixed = DRAFT.replace("amoxicilline 1,5 g", "amoxicilline 1 g");
        page.locator("#note").fill(fixed);
        assertThat(page.locator("#findings li.finding.sev-error").filter(new Locator.FilterOptions().setHasText("1,5"))).hasCount(0);
        assertThat(page.locator("#save-status")).hasText("Enregistré.");

        // Dismiss the invented drug with a reason.
        invented = finding(page, "UNKNOWN_DRUG", "Zorbicilline");
        invented.getByLabel("Motif pour écarter cette alerte").fill("Préparation de la pharmacie de l’hôpital, nom vérifié");
        invented.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Écarter")).click();
        assertThat(finding(page, "UNKNOWN_DRUG", "Zorbicilline")).hasClass(java.util.regex.Pattern.compile("dismissed"));
        shot(page, "07-fixed-and-dismissed");

        // Nothing typed is lost: a reload, then a server restart, bring the edited text back.
        page.reload();
        assertThat(page.locator("#note")).hasValue(fixed);
        String before = base();
        server.close();
        server = startServer();
        assertThat(base()).isNotEqualTo(before);
        signIn(page);
        page.navigate(base() + "/consultations/" + id);
        assertThat(page.locator("#note")).hasValue(fixed);
        // A fresh server loads the drug database first.
        assertThat(finding(page, "UNKNOWN_DRUG", "Zorbicilline")).hasClass(java.util.regex.Pattern.compile("dismissed"),
                new com.microsoft.playwright.assertions.LocatorAssertions.HasClassOptions().setTimeout(30_000));

        page.locator("#validate").click();
        assertThat(page.locator(".badge.validated")).isVisible();
        String mention = page.locator("#mention").textContent();
        assertThat(mention).startsWith("Ce compte rendu a été établi avec l'assistance de Avec ")
                .contains("mistral-small-3.2").contains("validé par Dr Claire Martin, médecin généraliste le ");
        assertNoAccessibilityViolations(page, "document");
        shot(page, "08-validated-document");

        Download download = page.waitForDownload(() -> page.locator("#download-pdf").click());
        Path pdf = screenshots.resolve("compte-rendu.pdf");
        download.saveAs(pdf);
        String pdfText;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            pdfText = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(pdfText).contains("amoxicilline 1 g matin et soir").contains("Zorbicilline")
                .contains("Ce compte rendu a été établi avec l'assistance de Avec").contains("validé par Dr Claire Martin, médecin généraliste")
                .contains("IA utilisée : oui");

        Download text = page.waitForDownload(() -> page.locator("#download-txt").click());
        String exported = Files.readString(text.path(), StandardCharsets.UTF_8);
        assertThat(exported).startsWith(fixed.strip()).contains(mention).contains("IA utilisée : oui");

        // Another clinician sees nothing of it.
        server.getBean(LocalAccounts.class).createOrUpdate("dr.petit", PASSWORD, Role.CLINICIAN, "Dr Louis Petit", null);
        BrowserContext other = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"));
        Page otherPage = other.newPage();
        otherPage.navigate(base() + "/login");
        otherPage.getByLabel("Identifiant").fill("dr.petit");
        otherPage.getByLabel("Mot de passe").fill(PASSWORD);
        otherPage.locator("button[type=submit]").click();
        assertThat(otherPage.locator("h1")).hasText("Poste de travail");
        assertThat(otherPage.navigate(base() + "/consultations/" + id).status()).isEqualTo(404);
        assertThat(otherPage.navigate(base() + "/consultations/" + id + "/document.pdf").status()).isEqualTo(404);
        other.close();

        // The validation record: fates of the draft's findings, the diff, the model; the gateway audited the draft.
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        List<Map<String, Object>> fates = jdbc.sql("SELECT kind, flagged_text, fate, reason FROM finding_fate WHERE consultation_id = ?")
                .param(id).query().listOfRows();
        assertThat(fates).anySatisfy(f -> {
            assertThat(f.get("kind")).isEqualTo("UNKNOWN_DRUG");
            assertThat(f.get("fate")).isEqualTo("DISMISSED");
            assertThat((String) f.get("reason")).startsWith("Préparation de la pharmacie");
        });
        assertThat(fates).anySatisfy(f -> {
            assertThat((String) f.get("flagged_text")).contains("1,5");
            assertThat(f.get("fate")).isEqualTo("FIXED");
        });
        Map<String, Object> record = jdbc.sql("SELECT ai_used, validated_by, draft_diff, model_version, request_id FROM consultation WHERE id = ?")
                .param(id).query().singleRow();
        assertThat(record.get("ai_used")).isEqualTo(true);
        assertThat(record.get("validated_by")).isEqualTo("dr.martin");
        // draft_diff is encrypted at rest: read it through the storage.
        assertThat(server.getBean(fr.avec.server.workbench.Consultations.class).find(id).orElseThrow().draftDiff()).contains("-Conduite à tenir / traitement : amoxicilline 1,5 g")
                .contains("+Conduite à tenir / traitement : amoxicilline 1 g");
        assertThat(record.get("model_version")).isEqualTo("mistral-small-3.2");
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE request_id = ?").param(record.get("request_id")).query(String.class).single())
                .isEqualTo("dr.martin");
        assertThat(upstream.received()).anyMatch(body -> body.contains("angine à streptocoque") && body.contains("Conduite à tenir"));
        assertThat(consoleErrors).isEmpty();
        context.close();
    }

    @Test
    void anOmittedAllergyIsFlaggedAndAddedInOneClick() {
        String transcript = TRANSCRIPT.replace("Médecin : Pas d'allergie connue ?\nPatient : Non, aucune allergie.",
                "Médecin : Vous avez des allergies ?\nPatient : Oui, je suis allergique à l'aspirine.");
        String draft = DRAFT.replace(" Pas d'allergie connue.", "").replace("amoxicilline 1,5 g", "amoxicilline 1 g")
                .replace(" Relais par Zorbicilline matin et soir.", "");
        upstream.answer(draft);
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR").setBypassCSP(true));
        try {
            Page page = context.newPage();
            signIn(page);
            page.navigate(base() + "/consultations/new");
            page.getByLabel("Identifiant patient local (pseudonyme)").fill("PAT-0077");
            page.getByLabel("Le patient accepte l’enregistrement").check();
            page.getByLabel("Transcription de la consultation").fill(transcript);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuer")).click();
            page.locator("#generate").click();
            assertThat(page.locator("#note")).hasValue(draft, new com.microsoft.playwright.assertions.LocatorAssertions.HasValueOptions().setTimeout(60_000));

            // The allergy the draft dropped is an error-level omission, shown with its transcript passage.
            Locator omission = page.locator("#findings li.finding.sev-error[data-kind=OMISSION]")
                    .filter(new Locator.FilterOptions().setHasText("aspirine"));
            assertThat(omission).hasCount(1, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(30_000));
            omission.locator(".finding-show").click();
            assertThat(page.locator("#passage")).containsText("aspirine");
            shot(page, "10-omission-flagged");

            // One click adds the source sentence to the note; the autosave re-verifies and the omission goes.
            omission.locator(".finding-insert").click();
            assertThat(page.locator("#note")).hasValue(java.util.regex.Pattern.compile("allergique à l'aspirine"));
            assertThat(page.locator("#findings li.finding[data-kind=OMISSION]").filter(new Locator.FilterOptions().setHasText("aspirine")))
                    .hasCount(0, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(30_000));
            shot(page, "11-omission-added");
            page.locator("#validate").click();
            assertThat(page.locator(".badge.validated")).isVisible();
        } finally {
            upstream.answer(DRAFT);
            context.close();
        }
    }

    @Test
    void aPatientsOppositionRefusesEveryAiAction() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR").setBypassCSP(true));
        Page page = context.newPage();
        signIn(page);
        page.navigate(base() + "/oppositions");
        page.getByLabel("Identifiant patient local (pseudonyme)").fill("PAT-0099");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer l’opposition")).click();
        assertThat(page.locator("#opposition-state")).hasText("Le patient PAT-0099 s’oppose à l’usage de l’IA.");
        assertNoAccessibilityViolations(page, "oppositions");

        page.navigate(base() + "/consultations/new");
        page.getByLabel("Identifiant patient local (pseudonyme)").fill("PAT-0099");
        page.getByLabel("Le patient refuse : saisie ou dictée sans enregistrement").check();
        page.getByLabel("Transcription de la consultation").fill(TRANSCRIPT);
        int requestsBefore = upstream.received().size();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuer")).click();
        assertThat(page.locator("#start-error")).containsText("s’est opposé à l’usage de l’IA");
        shot(page, "09-opposition-refused");

        // Written without AI instead: no model call, and the record says so.
        page.getByLabel("Sans IA (je rédige moi-même)").check();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuer")).click();
        assertThat(page.locator(".badge")).hasText("Rédaction sans IA");
        page.locator("#note").fill("Motif : angine.\nConduite à tenir : amoxicilline 1 g matin et soir pendant 6 jours.");
        page.locator("#validate").click();
        assertThat(page.locator("#mention")).containsText("rédigé sans assistance d'une intelligence artificielle générative");
        assertThat(upstream.received()).hasSize(requestsBefore);
        context.close();
    }

    @Test
    void aRecordingNeedsTheConsentAndIsTranscribedThroughTheGateway() throws Exception {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR").setBypassCSP(true));
        Page page = context.newPage();
        signIn(page);
        page.navigate(base() + "/consultations/new");
        com.microsoft.playwright.options.FilePayload wav = new com.microsoft.playwright.options.FilePayload("consultation.wav", "audio/wav",
                fr.avec.server.workbench.ConsultationAudio.prepare(toneWav()).bytes());
        // Without the patient's agreement the file field is disabled, and the server refuses anyway.
        assertThat(page.getByLabel("Fichier audio (WAV, MP3 ou WebM)")).isDisabled();
        page.getByLabel("Le patient refuse : saisie ou dictée sans enregistrement").check();
        page.locator("#transcribe").click();
        assertThat(page.locator("#transcript-block .alert.error")).hasText("Aucun enregistrement sans l’accord du patient : saisissez ou dictez la transcription.");

        page.getByLabel("Le patient accepte l’enregistrement").check();
        page.getByLabel("Fichier audio (WAV, MP3 ou WebM)").setInputFiles(wav);
        page.locator("#transcribe").click();
        assertThat(page.locator("#transcript-block .alert.ok")).isVisible();
        // The fake transcription server's text, through the gateway (audio only to on_premise upstreams).
        assertThat(page.getByLabel("Transcription de la consultation")).hasValue(java.util.regex.Pattern.compile("douleur thoracique"));
        assertNoAccessibilityViolations(page, "start with a transcription");
        shot(page, "10-audio-transcribed");
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'audio.transcriptions' AND actor = 'dr.martin'")
                .query(Long.class).single()).isPositive();
        context.close();
    }

    /** Half a second of a 440 Hz tone, CD-quality stereo WAV. */
    static byte[] toneWav() throws Exception {
        float rate = 44_100;
        int frames = (int) (rate / 2);
        byte[] pcm = new byte[frames * 4];
        for (int i = 0; i < frames; i++) {
            short v = (short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8_000);
            for (int c = 0; c < 2; c++) {
                pcm[i * 4 + c * 2] = (byte) v;
                pcm[i * 4 + c * 2 + 1] = (byte) (v >> 8);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.sound.sampled.AudioSystem.write(new javax.sound.sampled.AudioInputStream(new java.io.ByteArrayInputStream(pcm),
                new javax.sound.sampled.AudioFormat(rate, 16, 2, true, false), frames), javax.sound.sampled.AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }

    /** Runs axe-core (WCAG 2 A and AA rules) on the page and fails on any violation. */
    private void assertNoAccessibilityViolations(Page page, String name) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(AxeCore.SOURCE));
        Object result = page.evaluate("async () => { const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}});"
                + " return r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        assertThat((List<?>) result).as("axe-core violations on the " + name + " page").isEmpty();
    }

    /** axe-core from its WebJar (test scope). */
    static final class AxeCore {
        static final String SOURCE = load();

        private static String load() {
            try (InputStream in = AxeCore.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe-core WebJar not on the test class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
