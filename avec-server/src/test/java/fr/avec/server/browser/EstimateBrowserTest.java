package fr.avec.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import fr.avec.server.AvecServer;
import fr.avec.server.estimate.ActivityGenerator;
import fr.avec.server.estimate.DriftWatch;
import fr.avec.server.gateway.FakeUpstream;
import fr.avec.server.security.Role;
import fr.avec.server.web.AiUseGate;
import fr.avec.server.web.LocalAccounts;
import fr.avec.testing.SharedData;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Estimer end to end: a month of a team's activity generated through the real workbench and gateway (fake
 * model upstream whose reported version changes halfway), then in Chromium the referent writes the needs
 * sheet with objectives, the DPO signs it, a clinician answers the usability questionnaire and sees their own
 * figures, the referent marks reference cases, the version change starts a drift replay and the referent
 * starts another, and the dashboard, the monthly report, its PDF and the exports are checked. Pages and the
 * PDF's pages are saved as PNG in target/screenshots/estimate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EstimateBrowserTest {

    static final String PASSWORD = "correct-horse-battery-staple";

    @TempDir
    static Path home;
    private final Path screenshots = Path.of("target", "screenshots", "estimate");
    private FakeUpstream upstream;
    private ConfigurableApplicationContext server;
    private Playwright playwright;
    private Browser browser;
    private ActivityGenerator.Summary month;
    private LocalDate today;

    @BeforeAll
    void start() throws Exception {
        Chromium.requireInstalled();
        Files.createDirectories(screenshots);
        upstream = new FakeUpstream();
        server = SpringApplication.run(AvecServer.class, "--server.port=0", "--avec.home=" + home, "--avec.data-dir=" + SharedData.root(),
                "--avec.upstreams[0].name=local", "--avec.upstreams[0].base-url=" + upstream.baseUrl(),
                "--avec.upstreams[0].level=on_premise", "--avec.upstreams[0].models[0]=" + ActivityGenerator.MODEL,
                "--avec.upstreams[0].model-sizes[0].model=" + ActivityGenerator.MODEL,
                "--avec.upstreams[0].model-sizes[0].active-billions=24", "--avec.upstreams[0].model-sizes[0].total-billions=24",
                // The scan runs when a page is shown; the background pass must not analyse the month before its dates are simulated.
                "--avec.estimate.refresh-delay=1h", "--logging.level.root=WARN");
        LocalAccounts accounts = server.getBean(LocalAccounts.class);
        accounts.createOrUpdate("ref.dupont", PASSWORD, Role.REFERENT, "Dr Hélène Dupont", "référente IA");
        accounts.createOrUpdate("dpo.leroy", PASSWORD, Role.DPO, "Sophie Leroy", "déléguée à la protection des données");
        today = LocalDate.now(ZoneId.of("UTC"));
        month = new ActivityGenerator(server, upstream, 20261129L).run(today, 30, 5, PASSWORD);
        new ActivityGenerator(server, upstream, 1L).usabilityAnswers(month.first());
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

    private void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
    }

    private Page signIn(String user) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true).setLocale("fr-FR")
                .setViewportSize(1366, 900));
        Page page = context.newPage();
        page.navigate(base() + "/login");
        page.getByLabel("Identifiant").fill(user);
        page.getByLabel("Mot de passe").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        page.waitForURL(base() + "/");
        return page;
    }

    @Test
    void aMonthOfActivityBecomesIndicatorsAReportAndDriftAlerts() throws Exception {
        assertThat(month.documents()).isGreaterThan(80);
        assertThat(month.withoutAi()).isPositive();

        // The clinician is offered the usability questionnaire, answers it, and sees only their own figures.
        Page clinician = signIn("dr.martin");
        assertThat(clinician.locator("#sus-invitation")).isVisible();
        clinician.locator("#sus-invitation a").click();
        for (int i = 1; i <= 10; i++) {
            clinician.locator("input[name=q" + i + "][value='" + (i % 2 == 1 ? 4 : 2) + "']").check();
        }
        shot(clinician, "01-sus");
        clinician.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer")).click();
        assertThat(clinician.locator("main")).containsText("75");
        clinician.navigate(base() + "/estimate/me");
        assertThat(clinician.locator("main h1")).hasText("Mes chiffres");
        shot(clinician, "02-my-figures");
        assertThat(clinician.navigate(base() + "/estimate").status()).isEqualTo(403);
        assertThat(clinician.navigate(base() + "/needs").status()).isEqualTo(403);

        // The referent writes the needs sheet with objectives.
        Page referent = signIn("ref.dupont");
        referent.navigate(base() + "/needs/consultation");
        referent.locator("#task").fill("Rédiger le compte rendu de consultation à partir de la transcription, relu et validé par le médecin.");
        referent.locator("#dataInvolved").fill("Transcription de la consultation (données de santé), pseudonymisée avant tout envoi hors site.");
        referent.locator("#expectedGain").fill("Gagner dix minutes par consultation sur la rédaction, sans perte de qualité.");
        referent.locator("#alternatives").fill("Dictée vocale et frappe par le secrétariat ; rédaction directe par le médecin.");
        referent.locator("#target-EDIT_RATE_MEDIAN").fill("20");
        referent.locator("#target-UNEDITED_SHARE").fill("30");
        referent.locator("select[name='comparison.WITHOUT_AI_SHARE']").selectOption("AT_LEAST");
        referent.locator("#target-WITHOUT_AI_SHARE").fill("10");
        referent.locator("#target-UNRESOLVED_DRUG_FINDINGS").fill("0");
        referent.locator("select[name='comparison.SUS_MEAN']").selectOption("AT_LEAST");
        referent.locator("#target-SUS_MEAN").fill("68");
        referent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer la fiche")).click();
        assertThat(referent.locator("main")).containsText("Fiche enregistrée");
        assertThat(referent.locator("main")).containsText("Non signée par le DPO");

        // The DPO signs it; the date is recorded.
        Page dpo = signIn("dpo.leroy");
        dpo.navigate(base() + "/needs/consultation");
        dpo.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Signer la fiche (DPO)")).click();
        assertThat(dpo.locator("main")).containsText("Signée par dpo.leroy le");
        shot(dpo, "03-needs-sheet-signed");
        assertThat(dpo.navigate(base() + "/estimate").status()).isEqualTo(200);

        // The referent marks reference cases among the validated documents.
        referent.navigate(base() + "/estimate/references");
        for (int i = 0; i < 4; i++) {
            // The oldest validated documents: drafted by the version in use before the change.
            referent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Marquer comme référence")).last().click();
        }
        assertThat(referent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retirer"))).hasCount(4);
        shot(referent, "04-reference-cases");

        // The provider's version change (seen by the periodic pass) starts a replay; the referent starts another.
        List<Long> started = server.getBean(DriftWatch.class).watchVersions(AiUseGate.CONSULTATION);
        assertThat(started).hasSize(1);
        awaitReplays();
        referent.navigate(base() + "/estimate/drift");
        referent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rejouer les cas de référence")).click();
        awaitReplays();
        referent.navigate(base() + "/estimate/drift");
        shot(referent, "05-drift");
        assertThat(referent.locator("#runs tbody tr")).hasCount(2);
        assertThat(referent.locator("#runs")).containsText("version:" + ActivityGenerator.VERSION_2);
        // The replay on the new version is compared with the original drafts and degrades; the next one, on the same version, does not.
        assertThat(referent.locator("#runs tbody tr").last().locator(".status.NOT_MET")).hasText("dégradation");
        assertThat(referent.locator("#runs tbody tr").first().locator(".status.MET")).hasText("pas de dégradation");

        // The dashboard: objectives with their status, the automation-bias warning for the rubber-stamper, charts.
        referent.navigate(base() + "/estimate?from=" + month.first() + "&to=" + month.last());
        assertThat(referent.locator("table.figures")).containsText(Integer.toString(month.documents()));
        assertThat(referent.locator("#automation-bias")).containsText("dr.petit");
        assertThat(referent.locator("table.objectives tbody tr")).hasCount(5);
        assertThat(referent.locator("figure.chart svg")).hasCount(3);
        assertThat(referent.locator("#precision")).containsText("NUMBER_NOT_IN_SOURCE");
        shot(referent, "06-dashboard");
        referent.navigate(base() + "/estimate?from=" + month.first() + "&to=" + month.last() + "&service=Urgences");
        shot(referent, "07-dashboard-urgences");

        // The monthly report as HTML and PDF.
        YearMonth reportMonth = YearMonth.from(today);
        referent.navigate(base() + "/estimate/report?month=" + reportMonth);
        assertThat(referent.locator("#recommendations li").first()).isVisible();
        assertThat(referent.locator("main")).containsText("0 incident(s) signalé(s) sur la période");
        assertThat(referent.locator("main")).containsText("ecologits-0.9");
        shot(referent, "08-report");
        Download download = referent.waitForDownload(() -> referent.getByText("Télécharger le PDF").click());
        Path pdf = screenshots.resolve("report.pdf");
        download.saveAs(pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Rapport d'évaluation").contains("Recommandations").contains("Dérive détectée");
            PDFRenderer renderer = new PDFRenderer(document);
            for (int p = 0; p < document.getNumberOfPages(); p++) {
                BufferedImage image = renderer.renderImageWithDPI(p, 110);
                ImageIO.write(image, "png", screenshots.resolve("09-report-pdf-page-" + (p + 1) + ".png").toFile());
            }
        }

        // Exports.
        var csv = referent.request().get(base() + "/estimate/export.csv?from=" + month.first() + "&to=" + month.last());
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = new String(csv.body(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).startsWith("activity_day,use_case,template_code");
        assertThat(lines.length).isGreaterThan(20);
        var json = referent.request().get(base() + "/estimate/export.json?from=" + month.first() + "&to=" + month.last());
        JsonNode body = JsonMapper.builder().build().readTree(json.body());
        assertThat(body.path("objectives").size()).isEqualTo(5);
        long documents = 0;
        for (JsonNode day : body.path("days")) {
            documents += day.path("documents").asLong();
        }
        assertThat(documents).isEqualTo(month.documents());
        assertThat(referent.request().get(base() + "/estimate?from=2026-13-01").status()).isEqualTo(400);
    }

    private void awaitReplays() throws InterruptedException {
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        for (int i = 0; i < 600; i++) {
            if (jdbc.sql("SELECT COUNT(*) FROM drift_run WHERE status = 'RUNNING'").query(Long.class).single() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("drift replay still running after a minute");
    }

}
