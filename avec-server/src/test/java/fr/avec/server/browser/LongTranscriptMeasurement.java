package fr.avec.server.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import fr.avec.server.AvecServer;
import fr.avec.server.security.Role;
import fr.avec.server.web.LocalAccounts;
import fr.avec.server.workbench.Consultation;
import fr.avec.server.workbench.Consultations;
import fr.avec.server.workbench.DraftVerifier;
import fr.avec.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Measures the review of a 30-minute consultation (about 5,000 words of transcript) in Chromium: time to
 * render the review page, verification time on the server, autosave round trip, and the longest task
 * on the browser's main thread while findings come back (the editor must not freeze). A measurement, not a
 * test: it asserts nothing about time and runs only on request:
 * {@code ./mvnw -B -o -pl avec-server -am test -Dtest=LongTranscriptMeasurement -Davec.measure=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * Figures go to the console and to target/measurements/workbench-long-transcript.txt.
 */
@EnabledIfSystemProperty(named = "avec.measure", matches = "true")
class LongTranscriptMeasurement {

    @TempDir
    Path home;

    /** A 30-minute general-practice consultation: varied exchanges, written for this measurement. */
    static String transcript(int words) {
        String[] exchanges = {
                "Médecin : Bonjour madame, asseyez-vous. Qu'est-ce qui vous amène aujourd'hui ?",
                "Patiente : Je viens pour ma tension, et puis j'ai des douleurs dans les genoux depuis quelques semaines, surtout le matin.",
                "Médecin : D'accord. On va reprendre tout cela tranquillement. Votre traitement actuel, c'est toujours l'amlodipine 5 mg le matin ?",
                "Patiente : Oui, un comprimé le matin, et je prends aussi du paracétamol 1 g quand j'ai trop mal, pas plus de trois fois par jour.",
                "Médecin : Est-ce que vous avez eu des maux de tête, des vertiges, des palpitations ?",
                "Patiente : Non, pas de maux de tête. Parfois un petit vertige quand je me lève vite, mais ça passe tout de suite.",
                "Médecin : Vous avez pris votre tension à la maison comme on avait dit ?",
                "Patiente : Oui, j'ai noté, c'était autour de 14 sur 8 le matin, et 13 sur 8 le soir, à peu près.",
                "Médecin : Et les genoux, la douleur est plutôt mécanique, quand vous marchez, ou elle vous réveille la nuit ?",
                "Patiente : Quand je marche longtemps, et dans les escaliers. La nuit ça va, je dors bien.",
                "Médecin : Pas de gonflement, pas de rougeur, pas de fièvre ?",
                "Patiente : Non, pas de fièvre. Un peu gonflé le genou droit le soir, peut-être.",
                "Médecin : Vous avez des antécédents particuliers, une opération, une chute ?",
                "Patiente : On m'a enlevé la vésicule il y a dix ans. Et je suis tombée l'hiver dernier sur le verglas, mais sans fracture.",
                "Médecin : Allergies médicamenteuses ?",
                "Patiente : Non, aucune allergie connue.",
                "Médecin : Vous fumez, vous buvez de l'alcool ?",
                "Patiente : J'ai arrêté de fumer il y a vingt ans. Un verre de vin le dimanche, pas plus.",
                "Médecin : Et l'activité physique, la marche ?",
                "Patiente : J'essaie de marcher trente minutes par jour avec le chien, mais avec les genoux c'est plus difficile.",
                "Médecin : Bien. Je vais vous examiner. Je prends la tension aux deux bras.",
                "Médecin : Alors, 138 sur 84 à droite, 136 sur 82 à gauche. Le pouls est à 72, régulier.",
                "Médecin : Le cœur est régulier, pas de souffle. Les poumons sont libres. Pas d'œdème des chevilles.",
                "Médecin : Le genou droit : pas d'épanchement franc, la mobilité est conservée, un peu de craquement à la flexion.",
                "Patiente : Ça me fait un peu mal quand vous appuyez là, sur le côté intérieur.",
                "Médecin : C'est assez typique d'une arthrose débutante. On pourrait faire une radiographie des deux genoux en charge.",
                "Patiente : D'accord, si vous pensez que c'est utile.",
                "Médecin : Pour la tension, les chiffres sont corrects, on garde l'amlodipine 5 mg le matin, sans changement.",
                "Médecin : Pour les genoux, on continue le paracétamol 1 g si besoin, au maximum 3 g par jour, et je vous propose de la kinésithérapie.",
                "Patiente : Je peux prendre de l'ibuprofène de temps en temps ?",
                "Médecin : Je préfère éviter avec la tension, ou alors sur une très courte durée. On en reparle après la radiographie.",
                "Médecin : Je vous prescris aussi une prise de sang : glycémie à jeun, cholestérol, créatinine, comme chaque année.",
                "Patiente : Je dois être à jeun combien de temps ?",
                "Médecin : Douze heures, donc le matin sans petit-déjeuner. Vous pouvez boire de l'eau.",
                "Médecin : On se revoit dans trois mois avec les résultats, ou avant si la douleur augmente ou si le genou gonfle beaucoup.",
                "Patiente : Très bien, merci docteur.",
        };
        StringBuilder out = new StringBuilder();
        int count = 0;
        int round = 0;
        while (count < words) {
            for (String exchange : exchanges) {
                out.append(exchange).append('\n');
                count += exchange.split("\\s+").length;
                if (count >= words) {
                    break;
                }
            }
            round++;
            out.append("Médecin : Reprenons un point, pour la ").append(round + 1).append("e fois aujourd'hui, afin d'être sûr de bien comprendre.\n");
        }
        return out.toString();
    }

    static final String NOTE = """
            Motif : suivi de l'hypertension artérielle et douleurs des genoux depuis quelques semaines.
            Antécédents : hypertension artérielle traitée ; cholécystectomie il y a dix ans ; chute sur verglas l'hiver dernier sans fracture. Pas d'allergie connue. Ancienne fumeuse, sevrée depuis vingt ans. Consommation d'alcool occasionnelle.
            Histoire de la maladie : automesures tensionnelles autour de 14/8 le matin et 13/8 le soir. Pas de céphalées ni de palpitations, vertiges brefs au lever. Douleurs des genoux mécaniques, à la marche prolongée et dans les escaliers, sans réveil nocturne, sans fièvre ; gonflement vespéral du genou droit. Marche trente minutes par jour, limitée par les douleurs.
            Examen clinique : pression artérielle 138/84 mmHg à droite et 136/82 mmHg à gauche, pouls 72 par minute régulier. Auscultation cardiaque régulière sans souffle, poumons libres, pas d'œdème des membres inférieurs. Genou droit sans épanchement franc, mobilité conservée, craquements à la flexion, douleur à la palpation de l'interligne interne.
            Conclusion : hypertension artérielle équilibrée sous traitement. Gonalgies mécaniques évocatrices d'une gonarthrose débutante.
            Conduite à tenir / traitement : poursuite de l'amlodipine 5 mg le matin sans changement. Paracétamol 1 g si besoin, sans dépasser 3 g par jour ; éviter l'ibuprofène en raison de l'hypertension. Radiographie des deux genoux en charge. Kinésithérapie. Bilan biologique à jeun de 12 heures : glycémie, cholestérol, créatinine. Revoir dans trois mois avec les résultats, ou avant en cas d'aggravation ou de gonflement important du genou.
            """;

    @Test
    void reviewOfAThirtyMinuteConsultation() throws Exception {
        Chromium.requireInstalled();
        String transcript = transcript(5_000);
        int words = transcript.split("\\s+").length;
        List<String> lines = new ArrayList<>();
        try (ConfigurableApplicationContext server = SpringApplication.run(AvecServer.class, "--server.port=0", "--avec.home=" + home,
                "--avec.data-dir=" + SharedData.root(), "--logging.level.root=WARN");
             Playwright playwright = Chromium.playwright(); Browser browser = Chromium.launch(playwright)) {
            String base = "http://localhost:" + server.getBean(Environment.class).getProperty("local.server.port");
            server.getBean(LocalAccounts.class).createOrUpdate("dr.martin", "correct-horse-battery-staple", Role.CLINICIAN, "Dr Claire Martin", "médecin");
            Consultations consultations = server.getBean(Consultations.class);
            long id = consultations.create("dr.martin", "PAT-1", 1L, "mistral-small-3.2", Consultation.RecordingConsent.GRANTED, true, transcript);
            consultations.draftReady(id, NOTE, "req_measure", "mistral-small-3.2");

            DraftVerifier verifier = server.getBean(DraftVerifier.class);
            verifier.verify(NOTE, transcript);
            long[] verify = new long[15];
            int findings = 0;
            for (int i = 0; i < verify.length; i++) {
                long start = System.nanoTime();
                findings = verifier.verify(NOTE, transcript).findings().size();
                verify[i] = (System.nanoTime() - start) / 1_000;
            }
            Arrays.sort(verify);
            lines.add(String.format("transcript: %d words, %d characters; note: %d words; findings on the note: %d", words, transcript.length(),
                    NOTE.split("\\s+").length, findings));
            lines.add(String.format("server verification (warm, 15 runs): median %.1f ms, max %.1f ms", verify[7] / 1e3, verify[14] / 1e3));

            Page page = browser.newPage(new Browser.NewPageOptions().setLocale("fr-FR").setViewportSize(1366, 900));
            page.navigate(base + "/login");
            page.getByLabel("Identifiant").fill("dr.martin");
            page.getByLabel("Mot de passe").fill("correct-horse-battery-staple");
            page.locator("button[type=submit]").click();
            page.waitForURL(base + "/");
            List<Double> loads = new ArrayList<>();
            List<Double> responses = new ArrayList<>();
            List<Double> shown = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                page.navigate(base + "/consultations/" + id);
                page.waitForFunction("() => document.querySelector('#findings ol.findings') !== null");
                double findingsAt = ((Number) page.evaluate("() => performance.now()")).doubleValue();
                @SuppressWarnings("unchecked")
                Map<String, Object> timing = (Map<String, Object>) page.evaluate("() => { const n = performance.getEntriesByType('navigation')[0];"
                        + " return {response: n.responseEnd - n.startTime, loaded: n.loadEventEnd - n.startTime}; }");
                if (i > 0) {
                    responses.add(((Number) timing.get("response")).doubleValue());
                    loads.add(((Number) timing.get("loaded")).doubleValue());
                    shown.add(findingsAt);
                }
            }
            responses.sort(null);
            loads.sort(null);
            shown.sort(null);
            lines.add(String.format("review page, 5 warm loads: server response complete median %.0f ms (max %.0f); load event median %.0f ms (max %.0f)",
                    responses.get(2), responses.get(4), loads.get(2), loads.get(4)));
            lines.add(String.format("findings shown and highlighted (loaded after the page, editor usable meanwhile): median %.0f ms after navigation start (max %.0f)",
                    shown.get(2), shown.get(4)));

            // Autosave round trip and main-thread blocking while typing: observe long tasks (> 50 ms).
            page.evaluate("() => { window.longest = 0; new PerformanceObserver(l => l.getEntries().forEach(e => { window.longest = Math.max(window.longest, e.duration); }))"
                    + ".observe({type: 'longtask', buffered: false});"
                    + " window.swaps = []; document.addEventListener('htmx:afterSettle', () => window.swaps.push(performance.now())); }");
            List<Double> roundTrips = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                double typed = ((Number) page.evaluate("() => performance.now()")).doubleValue();
                page.locator("#note").press("End");
                page.locator("#note").pressSequentially(" Revu.", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(20));
                int before = i;
                page.waitForFunction("n => window.swaps.length > n", before);
                double swapped = ((Number) page.evaluate("() => window.swaps[window.swaps.length - 1]")).doubleValue();
                roundTrips.add(swapped - typed);
            }
            roundTrips.sort(null);
            double longest = ((Number) page.evaluate("() => window.longest")).doubleValue();
            lines.add(String.format("typing 6 characters then findings refreshed (includes the 600 ms autosave pause and ~120 ms of typing): median %.0f ms (max %.0f)",
                    roundTrips.get(2), roundTrips.get(4)));
            lines.add(String.format("longest main-thread task while typing and refreshing findings: %.0f ms (0 = none over 50 ms)", longest));
        }
        Path out = Files.createDirectories(Path.of("target", "measurements")).resolve("workbench-long-transcript.txt");
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }
}
