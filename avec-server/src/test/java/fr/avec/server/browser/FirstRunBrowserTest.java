package fr.avec.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import fr.avec.server.AvecServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A newcomer's first run: the server starts on an empty home, prints a one-time setup link, the link
 * creates the first administrator, who signs in and reaches the workbench. The gateway's API chain is
 * untouched by the browser chain.
 */
class FirstRunBrowserTest {

    @TempDir
    Path home;

    @Test
    void theSetupLinkPrintedAtStartLeadsToTheWorkbench() throws Exception {
        Chromium.requireInstalled();
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots", "first-run"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                console.write(b);
                original.write(b);
            }
        }, true, StandardCharsets.UTF_8));
        ConfigurableApplicationContext server;
        try {
            server = SpringApplication.run(AvecServer.class, "--server.port=0", "--avec.home=" + home, "--logging.level.root=WARN");
        } finally {
            System.setOut(original);
        }
        try (server; Playwright playwright = Chromium.playwright(); Browser browser = Chromium.launch(playwright)) {
            String base = "http://localhost:" + server.getBean(Environment.class).getProperty("local.server.port");
            Matcher link = Pattern.compile("http://localhost:\\d+(/setup\\?token=[A-Za-z0-9_-]+)").matcher(console.toString(StandardCharsets.UTF_8));
            assertThat(link.find()).as("setup link printed on the console").isTrue();

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> models = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/models")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(models.statusCode()).as("the gateway still wants an API key").isEqualTo(401);
            HttpResponse<String> guess = http.send(HttpRequest.newBuilder(URI.create(base + "/setup?token=guess")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(guess.statusCode()).isEqualTo(404);

            Page page = browser.newPage(new Browser.NewPageOptions().setLocale("fr-FR"));
            page.navigate(base + "/");
            assertThat(page).hasURL(base + "/login");
            assertThat(page.locator("main")).containsText("Aucun compte ne peut encore se connecter");

            page.navigate(base + link.group(1));
            page.getByLabel("Identifiant").fill("admin");
            page.getByLabel("Nom tel qu’il signe les documents (ex. Dr Claire Martin)").fill("Dr Paul Durand");
            page.getByLabel("Fonction (ex. médecin généraliste)").fill("médecin référent IA");
            page.getByLabel("Mot de passe").fill("un mot de passe assez long");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("01-setup.png")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer le compte")).click();

            assertThat(page).hasURL(base + "/login?created");
            page.getByLabel("Identifiant").fill("admin");
            page.getByLabel("Mot de passe").fill("un mot de passe assez long");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
            assertThat(page.locator("h1")).hasText("Poste de travail");
            page.navigate(base + "/consultations/new");
            assertThat(page.locator("#model-help")).containsText("Aucun modèle d’IA autorisé n’est configuré");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("02-workbench-without-model.png")));

            // The administrator (like the AI referent) edits a use-case template: a new version replaces the current one.
            page.navigate(base + "/templates");
            page.getByLabel("Consigne donnée au modèle").first().fill("Rédige un compte rendu bref : motif, examen, conclusion.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer une nouvelle version")).first().click();
            assertThat(page.locator("h2").first()).hasText("Consultation de médecine générale (v2)");
            page.navigate(base + "/consultations/new");
            assertThat(page.locator("#templateId option").first()).hasText("Consultation de médecine générale (v2)");

            HttpResponse<String> spent = http.send(HttpRequest.newBuilder(URI.create(base + link.group(1))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(spent.statusCode()).as("the setup link works once").isEqualTo(404);

            page.navigate(base + "/?lang=en");
            assertThat(page.locator("h1")).hasText("Workbench");
        }
    }
}
