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
import com.microsoft.playwright.options.SelectOption;
import fr.avec.server.AvecServer;
import fr.avec.server.communicate.Charter;
import fr.avec.server.fhir.FhirValidation;
import fr.avec.server.gateway.FakeUpstream;
import fr.avec.server.security.Role;
import fr.avec.server.web.LocalAccounts;
import fr.avec.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;
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

/**
 * Communiquer in Chromium against the real server and a fake model upstream: an incident reported from a finding
 * of the review page and triaged by the AI referent to its closure; the FHIR export of a validated document,
 * downloaded and validated with HAPI's validator; the usage charter, which locks AI until it is acknowledged on its
 * page and refuses a use the referent took out of the catalogue; a proven prompt shared after moderation. Screenshots go to target/screenshots/communicate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommunicateBrowserTest {

    static final String PASSWORD = "correct-horse-battery-staple";
    static final String TRANSCRIPT = ConsultationBrowserTest.TRANSCRIPT;
    /** The consultation test's draft: an invented drug (Zorbicilline) and a wrong dose are planted. */
    static final String DRAFT = ConsultationBrowserTest.DRAFT;
    /** The same draft with the planted errors fixed: it validates. */
    static final String CLEAN_DRAFT = DRAFT.replace("amoxicilline 1,5 g", "amoxicilline 1 g").replace(" Relais par Zorbicilline matin et soir.", "");

    @TempDir
    static Path home;
    private final Path screenshots = Path.of("target", "screenshots", "communicate");
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
        server = SpringApplication.run(AvecServer.class, "--server.port=0", "--avec.home=" + home, "--avec.data-dir=" + SharedData.root(),
                "--avec.upstreams[0].name=local", "--avec.upstreams[0].base-url=" + upstream.baseUrl(),
                "--avec.upstreams[0].level=on_premise", "--avec.upstreams[0].models[0]=mistral-small-3.2", "--logging.level.root=WARN");
        LocalAccounts accounts = server.getBean(LocalAccounts.class);
        accounts.createOrUpdate("dr.martin", PASSWORD, Role.CLINICIAN, "Dr Claire Martin", "médecin généraliste");
        accounts.createOrUpdate("dr.durand", PASSWORD, Role.CLINICIAN, "Dr Paul Durand", "médecin généraliste");
        accounts.createOrUpdate("referent", PASSWORD, Role.REFERENT, "Dr Anne Leroy", "référente IA");
        accounts.createOrUpdate("dpo", PASSWORD, Role.DPO, "Marc Petit", "délégué à la protection des données");
        // dr.martin's acknowledgement goes through the real service (the gate stays on); dr.durand acknowledges on the page below.
        Charter charter = server.getBean(Charter.class);
        charter.acknowledge("dr.martin", charter.current().number());
        // The training gate is not under test here: both clinicians pass the path through the real service.
        AiReady.trained(server, "dr.martin", "dr.durand");
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
        return browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true).setLocale("fr-FR").setViewportSize(1366, 900)
                .setBypassCSP(true));
    }

    /** Fills the start page for a consultation with AI and submits it. */
    private void startConsultation(Page page, String patient) {
        page.navigate(base() + "/consultations/new");
        page.getByLabel("Identifiant patient local (pseudonyme)").fill(patient);
        page.getByLabel("Le patient accepte l’enregistrement").check();
        page.getByLabel("Transcription de la consultation").fill(TRANSCRIPT);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuer")).click();
    }

    /** Generates the draft and waits for the review page; returns the consultation id. */
    private long generate(Page page, String expectedDraft) {
        page.locator("#generate").click();
        assertThat(page.locator("#note")).hasValue(expectedDraft, new LocatorAssertions.HasValueOptions().setTimeout(60_000));
        return Long.parseLong(page.url().substring(page.url().lastIndexOf('/') + 1));
    }

    @Test
    @Order(1)
    void anIncidentFromAFindingToItsClosure() {
        try (BrowserContext clinician = context(); BrowserContext referentContext = context()) {
            Page page = signIn(clinician, "dr.martin");
            startConsultation(page, "PAT-0101");
            long id = generate(page, DRAFT);
            Locator invented = page.locator("#findings li.finding[data-kind=UNKNOWN_DRUG]").filter(new Locator.FilterOptions().setHasText("Zorbicilline"));
            assertThat(invented).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
            assertThat(page.locator("#report-document")).isVisible();

            // « Signaler un problème » on the invented drug: the form names the document and the finding, not its words.
            invented.locator(".report-finding").click();
            assertThat(page.locator("h1")).hasText("Signaler un problème");
            assertThat(page.locator("#incident-subject")).containsText("Consultation n° " + id);
            assertThat(page.locator("#incident-subject")).containsText("Médicament inconnu");
            assertThat(page.locator("#incident-subject")).not().containsText("Zorbicilline");
            assertThat(page.getByLabel("Type de problème")).hasValue("INVENTED_DRUG");
            assertAccessible(page, "incident form");
            page.getByLabel("Description").fill("Médicament inexistant proposé pour Mme Jeanne Dupont (tél. 06 12 34 56 78), corrigé avant validation.");
            shot(page, "01-incident-form");
            page.locator("#send-incident").click();

            assertThat(page.locator("#incident-status")).hasText("Nouveau");
            assertThat(page.locator("#incident-reported")).containsText("remplacés avant l’enregistrement");
            assertThat(page.locator("#incident-description")).containsText("Médicament inexistant proposé pour");
            assertThat(page.locator("#incident-description")).not().containsText("Dupont");
            assertThat(page.locator("#incident-description")).not().containsText("06 12 34 56 78");
            assertThat(page.locator("#incident-finding")).containsText("Médicament inconnu");
            assertThat(page.locator("#save-triage")).hasCount(0);
            String incidentUrl = page.url();
            long incident = Long.parseLong(incidentUrl.substring(incidentUrl.lastIndexOf('/') + 1));
            assertAccessible(page, "incident");
            shot(page, "02-incident-reported");

            // The referent triages: new → analysing; closing without an analysis is refused; then closed with the decision.
            Page referent = signIn(referentContext, "referent");
            referent.navigate(base() + "/incidents");
            Locator row = referent.locator("#all-incidents tbody tr").filter(new Locator.FilterOptions().setHasText("#" + incident));
            assertThat(row).containsText("Médicament inventé");
            assertThat(row).containsText("Nouveau");
            row.getByRole(AriaRole.LINK).click();
            referent.getByLabel("État").selectOption(new SelectOption().setLabel("En analyse"));
            referent.locator("#save-triage").click();
            assertThat(referent.locator("#incident-status")).hasText("En analyse");

            referent.getByLabel("État").selectOption(new SelectOption().setLabel("Clos"));
            referent.locator("#save-triage").click();
            assertThat(referent.locator("#triage-error")).hasText("Un signalement se clôt avec son analyse.");
            assertThat(referent.locator("#incident-status")).hasText("En analyse");

            referent.getByLabel("État").selectOption(new SelectOption().setLabel("Clos"));
            referent.getByLabel("Analyse", new Page.GetByLabelOptions().setExact(true))
                    .fill("Nom de spécialité inventé par le modèle ; la vérification l’a signalé et le Dr Paul Durand l’a corrigé. Prompt renforcé.");
            referent.getByLabel("Informer le fournisseur de l’outil").check();
            referent.getByLabel("Déclaration externe").selectOption("NONE");
            assertAccessible(referent, "triage");
            referent.locator("#save-triage").click();
            assertThat(referent.locator("#incident-status")).hasText("Clos");
            assertThat(referent.locator("#incident-triaged")).isVisible();
            assertThat(referent.locator("#incident-analysis")).containsText("Prompt renforcé.");
            assertThat(referent.locator("#incident-analysis")).not().containsText("Durand");
            assertThat(referent.locator("#incident-provider")).hasText("oui");
            Locator history = referent.locator("#incident-history tbody tr");
            assertThat(history).hasCount(5);
            assertThat(history.nth(0)).containsText("dr.martin");
            assertThat(history.nth(2)).containsText("En analyse");
            assertThat(history.nth(2)).containsText("Clos");
            shot(referent, "03-incident-closed");

            // The reporter sees the outcome among his or her reports, and nobody else's.
            page.navigate(base() + "/incidents");
            assertThat(page.locator("#all-incidents")).hasCount(0);
            assertThat(page.locator("#my-incidents tbody tr").filter(new Locator.FilterOptions().setHasText("#" + incident))).containsText("Clos");
            // Another clinician can neither read it nor report on a document that is not his.
            try (BrowserContext other = context()) {
                Page durand = signIn(other, "dr.durand");
                assertThat(durand.navigate(incidentUrl).status()).isEqualTo(404);
                assertThat(durand.navigate(base() + "/incidents/new?consultation=" + id).status()).isEqualTo(404);
            }
            JdbcClient jdbc = server.getBean(JdbcClient.class);
            String stored = String.join(" ", jdbc.sql("SELECT description || ' ' || COALESCE(analysis, '') FROM incident").query(String.class).list());
            assertThat(stored).doesNotContain("Dupont").doesNotContain("Zorbicilline").doesNotContain("Durand");
        }
    }

    @Test
    @Order(2)
    void aValidatedDocumentIsDownloadedAsAValidFhirBundle() throws Exception {
        upstream.answer(CLEAN_DRAFT);
        try (BrowserContext clinician = context()) {
            Page page = signIn(clinician, "dr.martin");
            startConsultation(page, "PAT-0202");
            long id = generate(page, CLEAN_DRAFT);
            assertThat(page.locator("#findings ol.findings")).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
            page.locator("#validate").click();
            assertThat(page.locator(".badge.validated")).isVisible();
            String mention = page.locator("#mention").textContent();
            shot(page, "04-validated-with-fhir");

            Download download = page.waitForDownload(() -> page.locator("#download-fhir").click());
            assertThat(download.suggestedFilename()).isEqualTo("compte-rendu-" + id + ".fhir.json");
            String json = Files.readString(download.path(), StandardCharsets.UTF_8);
            Files.writeString(screenshots.resolve("compte-rendu.fhir.json"), json);
            Bundle bundle = FhirValidation.parse(Bundle.class, json);
            assertThat(FhirValidation.errors(bundle)).isEmpty();

            DocumentReference document = resource(bundle, DocumentReference.class);
            assertThat(new String(document.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8))
                    .contains("amoxicilline 1 g matin et soir pendant 6 jours");
            assertThat(document.getDescription()).isEqualTo(mention);
            assertThat(resource(bundle, Patient.class).getIdentifierFirstRep().getValue()).isEqualTo("PAT-0202");
            Provenance provenance = resource(bundle, Provenance.class);
            assertThat(provenance.getAgent()).extracting(a -> a.getType().getCodingFirstRep().getCode()).containsExactly("attester", "assembler");
            assertThat(json).contains("Dr Claire Martin").contains("mistral-small-3.2");

            // Only the owner downloads it; a DPO is not a writer of documents.
            String url = base() + "/fhir/consultations/" + id + "/bundle.json";
            try (BrowserContext other = context(); BrowserContext dpoContext = context()) {
                assertThat(signIn(other, "referent").navigate(url).status()).isEqualTo(404);
                assertThat(signIn(dpoContext, "dpo").navigate(url).status()).isEqualTo(403);
            }
            // A document still under review is not exported.
            startConsultation(page, "PAT-0203");
            long draft = generate(page, CLEAN_DRAFT);
            var response = page.request().get(base() + "/fhir/consultations/" + draft + "/bundle.json");
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
        } finally {
            upstream.answer(DRAFT);
        }
    }

    @Test
    @Order(3)
    void theCharterLocksAiUntilAcknowledgedAndRefusesAUseOutsideTheCatalogue() {
        Charter charter = server.getBean(Charter.class);
        Charter.Version first = charter.current();
        try (BrowserContext clinician = context(); BrowserContext referentContext = context()) {
            Page page = signIn(clinician, "dr.durand");
            int requestsBefore = upstream.received().size();
            startConsultation(page, "PAT-0301");
            assertThat(page.locator("#start-error")).containsText("Vous devez d’abord lire et accepter la charte d’usage en vigueur.");
            shot(page, "05-refused-before-charter");
            page.locator("#start-error").getByRole(AriaRole.LINK).click();
            assertThat(page).hasURL(base() + "/charter");
            assertThat(page.locator("#not-acknowledged")).isVisible();
            assertThat(page.locator("#approved-uses li")).hasCount(first.uses().size());
            assertThat(page.locator("#prohibited-uses")).containsText("décision diagnostique");
            assertThat(page.locator("#charter-sources")).containsText("HAS");
            assertThat(page.locator("#charter-sources")).containsText("2024/1689");
            assertAccessible(page, "charter");
            shot(page, "06-charter");
            page.locator("#acknowledge").click();
            assertThat(page.locator("#acknowledged")).containsText("Vous avez accepté la version " + first.number());

            // Acknowledged: the same start is allowed and the model drafts.
            startConsultation(page, "PAT-0301");
            generate(page, DRAFT);
            assertThat(upstream.received()).hasSize(requestsBefore + 1);

            // The referent takes consultation out of the catalogue: a new version, acknowledged again, and still refused.
            Page referent = signIn(referentContext, "referent");
            referent.navigate(base() + "/charter");
            referent.locator("#edit-charter").click();
            Locator uses = referent.getByLabel("Usages approuvés");
            String withoutConsultation = String.join("\n", uses.inputValue().lines().filter(l -> !l.startsWith("consultation ")).toList());
            uses.fill(withoutConsultation);
            referent.getByLabel("Ce qui change").fill("Comptes rendus de consultation suspendus pendant l’audit");
            assertAccessible(referent, "charter edit");
            referent.locator("#publish").click();
            assertThat(referent.locator("#charter-published")).containsText("version " + (first.number() + 1));
            assertThat(referent.locator("#approved-uses li[data-code=consultation]")).hasCount(0);
            shot(referent, "07-charter-version-2");

            startConsultation(page, "PAT-0302");
            assertThat(page.locator("#start-error")).containsText("Vous devez d’abord lire et accepter la charte");
            page.navigate(base() + "/charter");
            page.locator("#acknowledge").click();
            assertThat(page.locator("#acknowledged")).containsText("version " + (first.number() + 1));
            startConsultation(page, "PAT-0302");
            assertThat(page.locator("#start-error")).containsText("Cet usage ne figure pas au catalogue des usages approuvés de la charte.");
            shot(page, "08-refused-outside-catalogue");
            assertThat(upstream.received()).hasSize(requestsBefore + 1);

            // The referent sees who acknowledged the version in force.
            referent.navigate(base() + "/charter/edit");
            assertThat(referent.locator("#acknowledgements")).containsText("dr.durand");
            // A clinician cannot edit the charter.
            assertThat(page.navigate(base() + "/charter/edit").status()).isEqualTo(403);
        } finally {
            charter.publish("referent", first.preambleFr(), first.preambleEn(), first.usesAsLines(), first.prohibitionsAsLines(), "Retour au catalogue");
        }
    }

    @Test
    @Order(4)
    void aProvenTemplateIsSharedAfterModerationAndIdentifyingDataIsRefused() {
        try (BrowserContext clinician = context(); BrowserContext referentContext = context()) {
            Page page = signIn(clinician, "dr.martin");
            page.navigate(base() + "/sharing/new");
            page.getByLabel("Note d’expérience").check();
            page.getByLabel("Titre").fill("Allergie oubliée");
            page.getByLabel("Texte").fill("Chez Mme Jeanne Dupont, née le 12/03/1950, le modèle a omis l’allergie à la pénicilline.");
            page.locator("#propose").click();
            assertThat(page.locator("#sharing-error")).containsText("données identifiantes");
            assertThat(page.locator("#sharing-error")).containsText("NOM");
            assertThat(page.locator("#sharing-error")).not().containsText("Dupont");

            // A shipped template, proposed as a proven prompt.
            page.navigate(base() + "/sharing");
            page.locator("main details summary").click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Consultation de suivi (v1)")).click();
            assertThat(page.locator("#sharing-source")).containsText("Consultation de suivi");
            assertThat(page.getByLabel("Prompt éprouvé")).isChecked();
            page.getByLabel("Titre").fill("Suivi : rubriques et changements de traitement");
            assertAccessible(page, "sharing proposal");
            page.locator("#propose").click();
            assertThat(page.locator("#sharing-proposed")).isVisible();
            assertThat(page.locator("#my-shared")).containsText("En attente");
            assertThat(page.locator("article.shared")).hasCount(0);

            Page referent = signIn(referentContext, "referent");
            referent.navigate(base() + "/sharing/moderation");
            Locator pending = referent.locator("article.shared").filter(new Locator.FilterOptions().setHasText("Suivi : rubriques"));
            pending.getByLabel("Note de modération").fill("Éprouvé en consultation de suivi");
            assertAccessible(referent, "moderation");
            pending.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publier")).click();
            assertThat(referent.locator("#moderated")).hasText("Publié.");
            shot(referent, "09-sharing-moderated");

            page.navigate(base() + "/sharing");
            assertThat(page.locator("article.shared")).containsText("Suivi : rubriques et changements de traitement");
            assertThat(page.locator("#my-shared")).containsText("Éprouvé en consultation de suivi");
            shot(page, "10-sharing-published");
            // A clinician does not moderate.
            assertThat(page.navigate(base() + "/sharing/moderation").status()).isEqualTo(403);
        }
    }

    /** axe-core's WCAG 2 A and AA rules on the page: no violation. */
    private static void assertAccessible(Page page, String name) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(ConsultationBrowserTest.AxeCore.SOURCE));
        Object result = page.evaluate("async () => { const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}});"
                + " return r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        assertThat((java.util.List<?>) result).as("axe-core violations on the " + name + " page").isEmpty();
    }

    private static <T extends Resource> T resource(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast)
                .findFirst().orElseThrow();
    }
}
