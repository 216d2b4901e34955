package fr.avec.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import fr.avec.server.AvecServer;
import fr.avec.server.gateway.FakeUpstream;
import fr.avec.server.security.Role;
import fr.avec.server.web.LocalAccounts;
import fr.avec.testing.SharedData;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
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

/**
 * The literature synthesis and patient education use cases end to end in Chromium, against the real server and a fake
 * OpenAI-compatible upstream (chat behind the gateway, and images): import PubMed XML and RIS exports with a duplicate,
 * generate a synthesis with a fabricated citation that must be flagged and block validation, tick the sources consulted,
 * validate and export; then a FALC leaflet whose too-hard sentence must be flagged, illustrations uploaded and generated
 * that block validation until checked, and the A4 leaflet. The PDFs are rendered to PNG in target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiteratureAndEducationBrowserTest {

    static final String PASSWORD = "correct-horse-battery-staple";
    static final String FABRICATED = "La vitamine D divise par deux le risque de fracture de hanche chez la femme âgée [4].";
    /** The fake model's synthesis: faithful to references 1–3, plus one claim citing a reference that does not exist. */
    static final String SYNTHESIS = """
            ## Contexte
            Les chutes touchent une personne de plus de 65 ans sur trois chaque année [3].
            ## Résultats
            Chez les adultes âgés de 70 ans ou plus avec un taux bas de vitamine D, la vitamine D quotidienne réduit le taux de chutes de 19 % [1].
            Les programmes d'exercice avec un entraînement de l'équilibre réduisent le taux de chutes de 23 % [2].
            FABRICATED_CLAIM
            ## Conclusion
            L'activité physique adaptée réduit le risque de chute [3].""".replace("FABRICATED_CLAIM", FABRICATED);
    static final String HARD = "L'équilibre glycémique conditionne la prévention des complications microvasculaires, notamment la "
            + "rétinopathie et la néphropathie, d'où l'importance de l'observance thérapeutique.";
    static final String PLAIN = "Prenez votre médicament tous les jours. Il protège vos yeux et vos reins.";
    static final String LEAFLET = """
            ## Votre traitement
            Vous prenez de la metformine 500 mg.
            Prenez 1 comprimé le matin et 1 comprimé le soir.
            Prenez le comprimé pendant le repas.
            ## Pourquoi
            HARD_SENTENCE
            ## Quand appeler le médecin
            Appelez le médecin si vous vous sentez mal.""".replace("HARD_SENTENCE", HARD);
    static final String SOURCES = """
            Protocole du service : metformine 500 mg, 1 comprimé matin et soir, au milieu du repas.
            Le traitement protège les yeux et les reins. Appeler le médecin en cas de malaise.""";

    @TempDir
    static Path home;
    private final Path screenshots = Path.of("target", "screenshots", "literature-education");
    private FakeUpstream upstream;
    private ConfigurableApplicationContext server;
    private Playwright playwright;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        Chromium.requireInstalled();
        Files.createDirectories(screenshots);
        upstream = new FakeUpstream();
        server = SpringApplication.run(AvecServer.class, "--server.port=0", "--avec.home=" + home, "--avec.data-dir=" + SharedData.root(),
                "--avec.upstreams[0].name=local", "--avec.upstreams[0].base-url=" + upstream.baseUrl(),
                "--avec.upstreams[0].level=on_premise", "--avec.upstreams[0].models[0]=mistral-small-3.2",
                "--avec.education.images.base-url=" + upstream.baseUrl(), "--avec.education.images.model=fake-image",
                "--logging.level.root=WARN");
        server.getBean(LocalAccounts.class).createOrUpdate("dr.martin", PASSWORD, Role.CLINICIAN, "Dr Claire Martin", "médecin généraliste");
        // The training and charter gates are not under test here: lifted through the real services.
        AiReady.trained(server, "dr.martin");
        AiReady.acknowledged(server, "dr.martin");
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

    private Page signedIn(BrowserContext context, List<String> consoleErrors) {
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                consoleErrors.add(message.text());
            }
        });
        page.navigate(base() + "/login");
        page.getByLabel("Identifiant").fill("dr.martin");
        page.getByLabel("Mot de passe").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page.locator("h1")).hasText("Poste de travail");
        return page;
    }

    private Path resource(String name) throws Exception {
        Path file = home.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/references/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    /** Saves a download and renders every page of the PDF to PNG for the reviewer; returns the PDF's text. */
    private String renderPdf(Download download, String name) throws Exception {
        Path pdf = screenshots.resolve(name + ".pdf");
        download.saveAs(pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int p = 0; p < document.getNumberOfPages(); p++) {
                BufferedImage image = renderer.renderImageWithDPI(p, 110);
                ImageIO.write(image, "png", screenshots.resolve(name + "-page-" + (p + 1) + ".png").toFile());
            }
            assertThat(screenshots.resolve(name + "-page-1.png")).exists();
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static void axe(Page page, String name) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(ConsultationBrowserTest.AxeCore.SOURCE));
        Object result = page.evaluate("async () => { const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}});"
                + " return r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        assertThat((List<?>) result).as("axe-core violations on the " + name + " page").isEmpty();
    }

    private static Locator finding(Page page, String kind, String text) {
        return page.locator("#findings li.finding[data-kind=" + kind + "]").filter(new Locator.FilterOptions().setHasText(text));
    }

    @Test
    void literatureSynthesisFromImportToValidatedPdfWithItsBibliography() throws Exception {
        upstream.answer(SYNTHESIS);
        List<String> consoleErrors = new CopyOnWriteArrayList<>();
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true).setLocale("fr-FR")
                .setViewportSize(1366, 900).setBypassCSP(true));
        Page page = signedIn(context, consoleErrors);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Synthèses").setExact(true)).click();
        page.getByLabel("Question").fill("La vitamine D et l'exercice préviennent-ils les chutes des personnes âgées ?");
        page.getByLabel("Population (P)").fill("Personnes de 65 ans et plus vivant à domicile");
        page.getByLabel("Intervention (I)").fill("Vitamine D, programmes d'exercice");
        page.getByLabel("Critère de jugement (O)").fill("Taux de chutes");
        axe(page, "literature list");
        shot(page, "lit-01-question");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer la synthèse")).click();

        // PubMed XML and a Zotero RIS export that repeats one article (same DOI, written as a URL in upper case).
        page.getByLabel("Fichiers de références").setInputFiles(new Path[] {resource("pubmed-sample.xml"), resource("zotero-sample.ris")});
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer").setExact(true)).click();
        assertThat(page.locator("#import-result")).hasText("3 référence(s) ajoutée(s), 1 doublon(s) fusionné(s) (même DOI, PMID ou titre).");
        assertThat(page.locator("ul.references li")).hasCount(3);
        assertThat(page.locator("ul.references li").first()).containsText("Lefèvre AC, Okafor C, van der Berg PJ, FALLS-D Investigators. "
                + "Vitamin D supplementation and falls");
        // A file that is not a reference export is refused with its name, nothing half-imported.
        Path junk = home.resolve("notes.txt");
        Files.writeString(junk, "quelques notes sans format");
        page.getByLabel("Fichiers de références").setInputFiles(junk);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer").setExact(true)).click();
        assertThat(page.locator("#import-problems")).containsText("notes.txt : unrecognised format");
        assertThat(page.locator("ul.references li")).hasCount(3);
        axe(page, "references");
        shot(page, "lit-02-references");

        page.locator("#generate").click();
        assertThat(page.locator("#note")).hasValue(SYNTHESIS, new LocatorAssertions.HasValueOptions().setTimeout(60_000));
        String url = page.url();
        long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1).replace("#references", ""));

        // The fabricated citation is an error, highlighted; the faithful claims raise no citation finding.
        Locator fabricated = finding(page, "CITATION_NOT_IN_REFERENCES", "[4]");
        assertThat(fabricated).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        assertThat(fabricated).hasClass(Pattern.compile("sev-error"));
        assertThat(page.locator("#findings li.finding[data-kind=CITED_NUMBER_NOT_IN_REFERENCE]")).hasCount(0);
        assertThat(page.locator("#findings li.finding[data-kind=UNSUPPORTED_SENTENCE].sev-warning")).hasCount(0);
        assertThat(page.locator("#highlights mark.sev-error").filter(new Locator.FilterOptions().setHasText("[4]"))).hasCount(1);
        axe(page, "synthesis review");
        shot(page, "lit-03-fabricated-citation-flagged");

        page.locator("#validate").click();
        assertThat(page.locator("#refused")).containsText("[4]");
        assertThat(page.locator("#not-consulted")).containsText("1, 2, 3");
        shot(page, "lit-04-validation-refused");

        // Remove the fabricated claim; the autosave re-verifies.
        String fixed = SYNTHESIS.replace(FABRICATED + "\n", "");
        page.locator("#note").fill(fixed);
        assertThat(page.locator("#save-status")).hasText("Enregistré.");
        assertThat(finding(page, "CITATION_NOT_IN_REFERENCES", "[4]")).hasCount(0);

        // Consult each source: the tick is recorded with the text typed so far.
        for (int n = 1; n <= 3; n++) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("J’ai consulté la source [" + n + "]")).click();
            assertThat(page.locator("#reference-" + n + " .consulted")).containsText("Source consultée par dr.martin");
        }
        assertThat(page.locator("#note")).hasValue(fixed);
        shot(page, "lit-05-sources-consulted");
        page.locator("#validate").click();
        assertThat(page.locator(".badge.validated")).isVisible();
        assertThat(page.locator("#mention")).hasText(Pattern.compile(
                "^Ce document de synthèse a été établi avec l'assistance de Avec .*mistral-small-3\\.2.*, validé par Dr Claire Martin, médecin généraliste le "));
        assertThat(page.locator("#consulted tbody tr")).hasCount(3);
        assertThat(page.locator("#consulted tbody tr").nth(1)).containsText("oui, par dr.martin");
        axe(page, "synthesis document");
        shot(page, "lit-06-validated");

        String pdfText = renderPdf(page.waitForDownload(() -> page.locator("#download-pdf").click()), "synthese");
        assertThat(pdfText).contains("Synthèse de la littérature").contains("réduit le taux de chutes de 19 % [1]")
                .contains("1. Lefèvre AC, Okafor C, van der Berg PJ, FALLS-D Investigators. Vitamin D supplementation and falls in community-dwelling "
                        + "older adults: a randomized controlled trial. J Am Geriatr Soc. 2019;67(9):1812-1820. doi:10.1111/jgs.15987. PMID: 31234567.")
                .contains("Ce document de synthèse a été établi avec l'assistance de Avec").contains("IA utilisée : oui")
                .doesNotContain("[4]");
        Download md = page.waitForDownload(() -> page.locator("#download-md").click());
        String markdown = Files.readString(md.path(), StandardCharsets.UTF_8);
        assertThat(markdown).startsWith("# Synthèse de la littérature").contains("## Références")
                .contains("3. Lefèvre AC, Girard JP. Prévention des chutes chez la personne âgée : revue des recommandations. Rev Med Interne. "
                        + "2020;41(3):180-187. doi:10.1016/j.revmed.2019.12.004. PMID: 31955908.")
                .contains("*Ce document de synthèse a été établi avec l'assistance de Avec");

        // The validation record: the fabricated citation was fixed; the draft reached the model through the gateway.
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        List<Map<String, Object>> fates = jdbc.sql("SELECT kind, flagged_text, fate FROM material_fate WHERE use_case = 'literature' AND document_id = ?")
                .param(id).query().listOfRows();
        assertThat(fates).anySatisfy(f -> {
            assertThat(f.get("kind")).isEqualTo("CITATION_NOT_IN_REFERENCES");
            assertThat(f.get("fate")).isEqualTo("FIXED");
        });
        assertThat(upstream.received()).anyMatch(body -> body.contains("Cite chaque affirmation") && body.contains("[3] Prévention des chutes"));
        assertThat(consoleErrors).isEmpty();
        context.close();
    }

    @Test
    void falcLeafletWithCheckedIllustrationsToAnA4Pdf() throws Exception {
        upstream.answer(LEAFLET);
        List<String> consoleErrors = new CopyOnWriteArrayList<>();
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true).setLocale("fr-FR")
                .setViewportSize(1366, 900).setBypassCSP(true));
        Page page = signedIn(context, consoleErrors);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Documents patients").setExact(true)).click();
        page.getByLabel("Sujet").fill("Bien prendre la metformine");
        page.getByLabel("Public").selectOption("FALC");
        page.getByLabel("Format").selectOption("LEAFLET");
        page.getByLabel("Sources du professionnel").fill(SOURCES);
        axe(page, "education list");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer le document")).click();
        page.locator("#generate").click();
        assertThat(page.locator("#note")).hasValue(LEAFLET, new LocatorAssertions.HasValueOptions().setTimeout(60_000));

        // The sentence too hard for FALC is flagged as such, with its jargon.
        Locator tooLong = finding(page, "READABILITY", "L'équilibre glycémique").filter(new Locator.FilterOptions().setHasText("FALC"));
        assertThat(tooLong).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        assertThat(tooLong).containsText("12 mots au plus");
        assertThat(finding(page, "READABILITY", "« rétinopathie »")).hasCount(1);
        assertThat(page.locator("#findings li.finding[data-kind=UNKNOWN_DRUG]")).hasCount(0);
        assertThat(page.locator("#findings li.finding[data-kind=NUMBER_NOT_IN_SOURCE]")).hasCount(0);
        axe(page, "education review");
        shot(page, "edu-01-hard-sentence-flagged");

        // Rewrite it in easy-to-read French; the findings on it go.
        String fixed = LEAFLET.replace(HARD, PLAIN);
        page.locator("#note").fill(fixed);
        assertThat(page.locator("#save-status")).hasText("Enregistré.");
        assertThat(finding(page, "READABILITY", "L'équilibre glycémique")).hasCount(0);
        assertThat(finding(page, "READABILITY", "« rétinopathie »")).hasCount(0);

        // One uploaded photo and one generated illustration; neither is checked yet.
        Path photo = home.resolve("comprime.png");
        BufferedImage picture = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = picture.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 320, 200);
        g.setColor(new java.awt.Color(0x1d, 0x4e, 0x89));
        g.fillRoundRect(110, 70, 100, 60, 60, 60);
        g.dispose();
        ImageIO.write(picture, "png", photo.toFile());
        page.getByLabel("Image (PNG ou JPEG)").setInputFiles(photo);
        page.getByLabel("Légende").fill("Un comprimé de metformine");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter l’image")).click();
        assertThat(page.locator(".images figure")).hasCount(1);
        assertThat(page.locator("#note")).hasValue(fixed);
        page.getByLabel("Ce que l’image doit montrer (sans donnée de patient)").fill("Une assiette avec des légumes");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Générer l’illustration")).click();
        assertThat(page.locator(".images figure")).hasCount(2);
        assertThat(page.locator(".images figure").nth(1)).containsText("Générée par IA — environ 2,907 Wh");
        assertThat(upstream.received()).anyMatch(body -> body.contains("Une assiette avec des légumes") && body.contains("fake-image")
                && !body.contains("metformine 500"));

        page.locator("#validate").click();
        assertThat(page.locator("#unchecked-images")).containsText("Un comprimé de metformine");
        assertThat(page.locator("#unchecked-images")).containsText("Une assiette avec des légumes");
        shot(page, "edu-02-images-unchecked");

        for (int k = 0; k < 2; k++) {
            Locator figure = page.locator(".images figure").nth(k);
            figure.getByLabel("Exactitude médicale vérifiée").check();
            figure.getByLabel("Droits d’utilisation vérifiés").check();
            figure.getByLabel("Absence de stéréotype vérifiée").check();
            figure.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer les vérifications")).click();
            assertThat(page.locator(".images figure").nth(k).locator(".checked")).hasText("Vérifiée par dr.martin");
        }
        assertThat(page.locator("#note")).hasValue(fixed);
        axe(page, "education review with images");
        shot(page, "edu-03-images-checked");
        page.locator("#validate").click();
        assertThat(page.locator(".badge.validated")).isVisible();
        assertThat(page.locator("#mention")).hasText(Pattern.compile("^Ce document d'information a été établi avec l'assistance de Avec .*"
                + "validé par Dr Claire Martin, médecin généraliste le "));
        assertThat(page.locator("#image-record tbody tr")).hasCount(2);
        axe(page, "education document");
        shot(page, "edu-04-validated");

        String pdfText = renderPdf(page.waitForDownload(() -> page.locator("#download-pdf").click()), "fiche-falc");
        assertThat(pdfText).contains("Bien prendre la metformine").contains("facile à lire et à comprendre").contains(PLAIN)
                .contains("Un comprimé de metformine").contains("Une assiette avec des légumes")
                .contains("Ce document d'information a été établi avec l'assistance de Avec")
                .contains("Document validé par Dr Claire Martin, médecin généraliste");
        try (PDDocument document = Loader.loadPDF(screenshots.resolve("fiche-falc.pdf").toFile())) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            assertThat(document.getPage(0).getResources().getXObjectNames()).hasSizeGreaterThanOrEqualTo(2);
        }
        Download html = page.waitForDownload(() -> page.locator("#download-html").click());
        String leaflet = Files.readString(html.path(), StandardCharsets.UTF_8);
        assertThat(leaflet).contains("<h1>Bien prendre la metformine</h1>").contains("<h2>Votre traitement</h2>")
                .contains("data:image/png;base64,").contains("Ce document d&#39;information a été établi");
        Page rendered = context.newPage();
        rendered.navigate(html.path().toUri().toString());
        shot(rendered, "edu-05-leaflet-html");
        rendered.close();
        assertThat(consoleErrors).isEmpty();
        context.close();
    }
}
