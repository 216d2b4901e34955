package fr.avec.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import fr.avec.learn.TrainingCatalog;
import fr.avec.learn.TrainingModule;
import fr.avec.server.AvecServer;
import fr.avec.server.gateway.FakeUpstream;
import fr.avec.server.learn.TrainedUsers;
import fr.avec.server.security.Role;
import fr.avec.server.web.LocalAccounts;
import fr.avec.testing.SharedData;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Apprendre and Communiquer in Chromium against the real server and a fake model upstream: a clinician who
 * has not passed the training path cannot generate a draft, takes the quizzes (one failed, then all passed) and
 * then can; the AI referent describes the tool in the register (audited), runs the test bench on an imported
 * case set, compares, prints the patient notice and poster (rendered to PNG for review) and exports the
 * transparency register; the DPO reads the register but cannot edit it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LearnBrowserTest {

    static final String PASSWORD = "correct-horse-battery-staple";
    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @TempDir
    static Path home;
    private final Path screenshots = Path.of("target", "screenshots", "learn");
    private FakeUpstream upstream;
    private ConfigurableApplicationContext server;
    private Playwright playwright;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        Chromium.requireInstalled();
        Files.createDirectories(screenshots);
        upstream = new FakeUpstream();
        upstream.answer(ConsultationBrowserTest.DRAFT);
        server = SpringApplication.run(AvecServer.class, "--server.port=0", "--avec.home=" + home, "--avec.data-dir=" + SharedData.root(),
                "--avec.upstreams[0].name=local", "--avec.upstreams[0].base-url=" + upstream.baseUrl(),
                "--avec.upstreams[0].level=on_premise", "--avec.upstreams[0].models[0]=mistral-small-3.2",
                "--avec.upstreams[0].models[1]=ministral-8b",
                // One model's size is known (energy estimated), the other's not (shown as unknown, never guessed).
                "--avec.upstreams[0].model-sizes[0].model=mistral-small-3.2", "--avec.upstreams[0].model-sizes[0].active-billions=24",
                "--avec.notice.establishment=Centre de santé des Lilas", "--logging.level.root=WARN");
        LocalAccounts accounts = server.getBean(LocalAccounts.class);
        accounts.createOrUpdate("dr.durand", PASSWORD, Role.CLINICIAN, "Dr Anne Durand", "médecin généraliste");
        accounts.createOrUpdate("ref.leroy", PASSWORD, Role.REFERENT, "Marc Leroy", "référent IA");
        accounts.createOrUpdate("dpo.simon", PASSWORD, Role.DPO, "Léa Simon", "DPO");
        // The usage charter is not under test here: everyone acknowledges it through the real service.
        AiReady.acknowledged(server, "dr.durand", "ref.leroy", "dpo.simon");
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
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

    private String base() {
        return "http://localhost:" + server.getBean(Environment.class).getProperty("local.server.port");
    }

    private Page signIn(BrowserContext context, String user) {
        Page page = context.newPage();
        page.navigate(base() + "/login");
        page.getByLabel("Identifiant").fill(user);
        page.getByLabel("Mot de passe").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page.locator("h1")).hasText("Poste de travail");
        return page;
    }

    private BrowserContext context() {
        return browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR").setViewportSize(1366, 900).setBypassCSP(true));
    }

    private void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
    }

    private static void axe(Page page, String name) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(ConsultationBrowserTest.AxeCore.SOURCE));
        Object result = page.evaluate("async () => { const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}});"
                + " return r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        assertThat((List<?>) result).as("axe-core violations on the " + name + " page").isEmpty();
    }

    private void startConsultation(Page page, String patient) {
        page.navigate(base() + "/consultations/new");
        page.getByLabel("Identifiant patient local (pseudonyme)").fill(patient);
        page.getByLabel("Le patient accepte l’enregistrement").check();
        page.getByLabel("Transcription de la consultation").fill(ConsultationBrowserTest.TRANSCRIPT);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuer")).click();
    }

    @Test
    @Order(1)
    void aClinicianWhoHasNotPassedTheTrainingCannotGenerateAndCanOncePassed() {
        try (BrowserContext context = context()) {
            Page page = signIn(context, "dr.durand");
            startConsultation(page, "PAT-0101");
            Locator refused = page.locator("#start-error");
            assertThat(refused).containsText("Les fonctions d’IA sont fermées tant que le parcours de formation n’est pas validé");
            assertThat(page.locator("#generate")).hasCount(0);
            shot(page, "01-generation-refused");
            refused.getByRole(AriaRole.LINK).click();
            assertThat(page).hasURL(base() + "/learn");
            assertThat(page.locator("#learn-state")).hasText("Les fonctions d’IA vous seront ouvertes quand tous les modules seront validés.");
            axe(page, "learn");
            shot(page, "02-training-path");

            List<TrainingModule> modules = TrainingCatalog.forLocale(Locale.FRENCH).modules();
            // A failed attempt first: every question answered wrongly; the result explains the right answers.
            TrainingModule first = modules.getFirst();
            page.navigate(base() + "/learn/" + first.id());
            assertThat(page.locator("h1")).hasText(first.title());
            assertThat(page.locator("article.module-text")).containsText("HAS");
            axe(page, "module");
            shot(page, "03-module");
            for (int q = 0; q < first.questions().size(); q++) {
                int wrong = first.questions().get(q).correct() == 0 ? 1 : 0;
                page.locator("input[name=q" + q + "][value='" + wrong + "']").check();
            }
            page.locator("#quiz button[type=submit]").click();
            assertThat(page.locator("#quiz-result")).containsText("Module non validé : 0 bonnes réponses sur " + first.questions().size());
            assertThat(page.locator(".wrong-answer")).hasCount(first.questions().size());
            axe(page, "quiz result");
            shot(page, "04-quiz-failed");

            for (TrainingModule module : modules) {
                page.navigate(base() + "/learn/" + module.id());
                for (int q = 0; q < module.questions().size(); q++) {
                    page.locator("input[name=q" + q + "][value='" + module.questions().get(q).correct() + "']").check();
                }
                page.locator("#quiz button[type=submit]").click();
                assertThat(page.locator("#quiz-result")).hasText("Module validé : " + module.questions().size() + " bonnes réponses sur "
                        + module.questions().size() + ".");
            }
            assertThat(page.locator("#path-done")).isVisible();
            shot(page, "05-path-passed");
            page.navigate(base() + "/learn");
            assertThat(page.locator("#learn-state")).hasText("Votre parcours est validé : les fonctions d’IA vous sont ouvertes.");

            startConsultation(page, "PAT-0102");
            page.locator("#generate").click();
            assertThat(page.locator("#note")).hasValue(ConsultationBrowserTest.DRAFT, new LocatorAssertions.HasValueOptions().setTimeout(60_000));
            shot(page, "06-draft-after-training");
        }
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_attempt WHERE user_name = 'dr.durand' AND passed = FALSE").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void theReferentDescribesATool() {
        // The bench is a use of AI too: the referent passes the training through the real service (the UI path is test 1).
        TrainedUsers.complete(server, "ref.leroy");
        try (BrowserContext context = context()) {
            Page page = signIn(context, "ref.leroy");
            page.navigate(base() + "/learn/people");
            assertThat(page.locator("#people tr[data-user='dr.durand']")).containsText("Parcours validé");
            assertThat(page.locator("#people tr[data-user='dpo.simon']")).containsText("Parcours à faire ou à repasser");
            shot(page, "07-who-passed");

            page.navigate(base() + "/register");
            page.locator("#tools tr[data-tool=local] a").click();
            page.getByLabel("Fournisseur", EXACT).fill("Mistral AI (poids ouverts), servi par la DSI");
            page.getByLabel("Modèle et version", EXACT).fill("Mistral Small 3.2 (2506)");
            page.getByLabel("Finalité", EXACT).fill("Proposer le compte rendu d’une consultation à partir de sa transcription");
            page.getByLabel("Finalité (en anglais, pour la notice)", EXACT).fill("Drafting the report of a consultation from its transcript");
            page.getByLabel("Hébergement (lieu, prestataire)", EXACT).fill("Serveur de l’établissement, salle informatique du site principal");
            page.getByLabel("Certification HDS de l’hébergeur", EXACT).selectOption("not_applicable");
            page.getByLabel("Réutilisation des données par le fournisseur", EXACT).fill("Aucune : le modèle tourne sur nos serveurs");
            page.getByLabel("Durée de conservation chez le fournisseur", EXACT).fill("Aucune conservation hors du journal d’audit");
            page.getByLabel("Statut de dispositif médical", EXACT).fill("Pas un dispositif médical : aide à la rédaction, validation humaine");
            page.getByLabel("Limites connues", EXACT).fill("Peut omettre une allergie ou inverser une négation ; doses à vérifier");
            page.getByLabel("En service auprès des patients (l’outil figure dans la notice)").check();
            axe(page, "register entry");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer une nouvelle version")).click();
            assertThat(page.locator("#register-saved")).isVisible();
            assertThat(page.locator("#history tbody tr")).hasCount(1);
            shot(page, "08-register-entry");
        }
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        Map<String, Object> event = jdbc.sql("SELECT actor, actor_role, level, content FROM audit_event WHERE action = 'register.update'")
                .query().singleRow();
        assertThat(event.get("actor")).isEqualTo("ref.leroy");
        assertThat(event.get("actor_role")).isEqualTo("referent");
        assertThat(event.get("level")).isEqualTo("on_premise");
        String hash = jdbc.sql("SELECT content_hash FROM tool_register_entry WHERE upstream = 'local'").query(String.class).single().trim();
        assertThat((String) event.get("content")).isEqualTo("version=1;sha256=" + hash);
    }

    @Test
    @Order(3)
    void theReferentBenchesTheModelOnAnImportedCaseSet() throws Exception {
        Path cases = screenshots.resolve("cas-angine.jsonl");
        JsonMapper json = JsonMapper.builder().build();
        String angine = json.writeValueAsString(Map.of("id", "angine", "source", ConsultationBrowserTest.TRANSCRIPT,
                "reference", ConsultationBrowserTest.DRAFT.replace("amoxicilline 1,5 g", "amoxicilline 1 g").replace(" Relais par Zorbicilline matin et soir.", "")));
        String court = json.writeValueAsString(Map.of("id", "court", "source", "Médecin : tension à 150/90, on reprend l'amlodipine 5 mg.",
                "reference", "Tension 150/90. Reprise de l'amlodipine 5 mg."));
        Files.writeString(cases, angine + "\n" + court + "\n", StandardCharsets.UTF_8);
        try (BrowserContext context = context()) {
            Page page = signIn(context, "ref.leroy");
            page.navigate(base() + "/bench");
            page.getByLabel("Nom du jeu").fill("Angines et HTA");
            page.getByLabel("Fichier JSONL ou CSV").setInputFiles(cases);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer")).click();
            assertThat(page.locator("#case-sets")).containsText("Angines et HTA");
            page.locator("#run-form input[name=model][value='mistral-small-3.2']").check();
            page.locator("#run-form input[name=model][value='ministral-8b']").check();
            axe(page, "bench");
            shot(page, "09-bench");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lancer l’essai")).click();
            // Two candidates: one run each, shown side by side; the page says when a run is still going.
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/bench/compare\\?run=\\d+&run=\\d+"));
            String compareUrl = page.url();
            for (int i = 0; i < 120 && page.locator("#compare-running").count() > 0; i++) {
                page.waitForTimeout(1000);
                page.navigate(compareUrl);
            }
            assertThat(page.locator("#compare-running")).hasCount(0);
            assertThat(page.locator("#comparison thead th")).hasCount(3);
            assertThat(page.locator("#comparison")).containsText("2 / 2");
            assertThat(page.locator(".bench-case")).hasCount(2);
            assertThat(page.locator(".bench-case[data-case=angine] .columns > div")).hasCount(2);
            assertThat(page.locator("#comparison tbody tr").last()).containsText("inconnue (taille du modèle non configurée)");
            axe(page, "bench comparison");
            shot(page, "11-bench-compare");

            page.locator("#comparison thead th a").first().click();
            assertThat(page.locator("#run-status")).hasAttribute("data-status", "FINISHED");
            Locator rows = page.locator("#results tbody tr");
            assertThat(rows).hasCount(2);
            // The fake model answers the same planted draft to both cases: close to the first reference, far from the second.
            assertThat(page.locator("#results tr[data-case=angine]")).containsText("UNKNOWN_DRUG");
            double angineScore = Double.parseDouble(page.locator("#results tr[data-case=angine] td").nth(1).textContent().replace(',', '.'));
            double courtScore = Double.parseDouble(page.locator("#results tr[data-case=court] td").nth(1).textContent().replace(',', '.'));
            assertThat(angineScore).isGreaterThan(0.8).isLessThan(1.0);
            assertThat(courtScore).isLessThan(0.3);
            assertThat(page.locator("#results tr[data-case=angine] td").nth(3)).containsText("ms");
            assertThat(page.locator("#results tr[data-case=angine] td").nth(5)).containsText("Wh");
            shot(page, "10-bench-run");
            String runUrl = page.url();
            String runId = runUrl.substring(runUrl.lastIndexOf('/') + 1);

            // The result is kept with the register entry.
            page.navigate(base() + "/register/local");
            assertThat(page.locator("#register-runs")).containsText("Essai n° " + runId);
        }
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event e JOIN bench_result b ON b.request_id = e.request_id WHERE e.actor = 'ref.leroy'")
                .query(Long.class).single()).as("each case went through the gateway and its audit trail").isEqualTo(4);
    }

    @Test
    @Order(4)
    void thePatientNoticeAndPosterArePrintedFromTheRegister() throws Exception {
        Path out = Path.of("target", "screenshots", "notice");
        Files.createDirectories(out);
        try (BrowserContext context = context()) {
            Page page = signIn(context, "dr.durand");
            page.navigate(base() + "/notice");
            assertThat(page.getByLabel("Établissement ou cabinet")).hasValue("Centre de santé des Lilas");
            page.getByLabel("Contact pour s’opposer ou poser une question (accueil, téléphone, adresse)").fill("l’accueil, 01 23 45 67 89");
            page.getByLabel("Contact du délégué à la protection des données").fill("dpo@cds-lilas.example");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afficher")).click();
            assertThat(page.locator("#notice-preview")).containsText("Mistral Small 3.2 (2506)");
            assertThat(page.locator("#notice-preview")).containsText("sur les serveurs de l'établissement");
            axe(page, "notice");
            shot(page, "13-notice-page");

            for (String[] version : new String[][] {{"leaflet", "standard_fr"}, {"leaflet", "easy_fr"}, {"leaflet", "english"}, {"poster", "easy_fr"}}) {
                page.getByLabel("Version").selectOption(version[1]);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afficher")).click();
                String href = page.locator("#" + version[0] + "-pdf").getAttribute("href");
                APIResponse pdf = page.request().get(base() + href);
                assertThat(pdf.status()).isEqualTo(200);
                assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
                try (PDDocument document = Loader.loadPDF(pdf.body())) {
                    String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                    assertThat(text).contains("Centre de santé des Lilas").contains("Mistral Small 3.2 (2506)");
                    switch (version[1]) {
                        case "standard_fr" -> assertThat(text).contains("Vous pouvez vous opposer").contains("dpo@cds-lilas.example")
                                .contains("l’accueil, 01 23 45 67 89");
                        case "easy_fr" -> assertThat(text).contains("Vous pouvez dire non").contains("Un soignant vérifie toujours");
                        default -> assertThat(text).contains("You may object").contains("drafting the report of a consultation");
                    }
                    BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 72);
                    Path png = out.resolve(version[0] + "-" + version[1] + ".png");
                    ImageIO.write(image, "png", png.toFile());
                    assertThat(image.getWidth()).isGreaterThan(500);
                    assertThat(Files.size(png)).isGreaterThan(10_000);
                }
            }
        }
    }

    @Test
    @Order(5)
    void theDpoReadsTheRegisterAndExportsTheTransparencyRegister() {
        try (BrowserContext context = context()) {
            Page page = signIn(context, "dpo.simon");
            page.navigate(base() + "/register/local");
            assertThat(page.locator("#register-form")).hasCount(0);
            assertThat(page.locator("main")).containsText("Mistral AI (poids ouverts), servi par la DSI");
            assertThat(page.navigate(base() + "/bench").status()).isEqualTo(403);

            page.navigate(base() + "/transparency");
            Locator row = page.locator("#transparency tr[data-tool=local]");
            // The clinician's draft and the two bench runs of two cases went to this tool (workbench use case "default").
            assertThat(row.locator(".requests")).containsText("default=5");
            axe(page, "transparency");
            shot(page, "12-transparency");
            APIResponse json = page.request().get(base() + page.locator("#transparency-json").getAttribute("href"));
            assertThat(json.status()).isEqualTo(200);
            JsonNode report = JsonMapper.builder().build().readTree(json.text());
            JsonNode local = report.path("tools").get(0);
            assertThat(local.path("upstream").asString()).isEqualTo("local");
            assertThat(local.path("requests").path("default").asLong()).isEqualTo(5);
            assertThat(local.path("pseudonymized").asBoolean()).isFalse();
            APIResponse pdf = page.request().get(base() + page.locator("#transparency-pdf").getAttribute("href"));
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
        try (BrowserContext context = context()) {
            Page page = signIn(context, "dr.durand");
            assertThat(page.navigate(base() + "/register").status()).isEqualTo(403);
            assertThat(page.navigate(base() + "/transparency").status()).isEqualTo(403);
        }
    }
}
