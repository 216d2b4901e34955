package fr.avec.server.estimate;

import fr.avec.server.gateway.FakeUpstream;
import fr.avec.server.web.AiUseGate;
import fr.avec.server.web.LocalAccounts;
import fr.avec.server.workbench.Consultation;
import fr.avec.server.workbench.Consultations;
import fr.avec.server.workbench.GatewayDrafts;
import fr.avec.server.workbench.NoteTemplate;
import fr.avec.server.workbench.NoteTemplates;
import fr.avec.server.workbench.ReviewFinding;
import fr.avec.server.workbench.Reviews;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Simulates a month of a small team's use of the workbench against the real application: each consultation
 * is created, drafted through Avec's gateway (to a {@link FakeUpstream} playing the model), verified, edited
 * the way its author works, its findings fixed or dismissed, and validated by the workbench's own code.
 * Only the calendar is simulated: the workbench stamps the current time, so each consultation's creation and
 * validation times are then moved to its simulated day and review duration (the audit trail is not touched).
 * Halfway through the month the provider starts reporting a new model version that makes more mistakes.
 */
public final class ActivityGenerator {

    /** The model the upstream serves. */
    public static final String MODEL = "mistral-small-3.2";
    public static final String VERSION_1 = "mistral-small-3.2-2506";
    public static final String VERSION_2 = "mistral-small-3.2-2509";

    /** How a clinician works. */
    public enum Habit {
        /** Reads, fixes every mistake, adds a sentence. */
        CAREFUL,
        /** Fixes mistakes, sometimes dismisses a finding as a false alarm. */
        PRAGMATIC,
        /** Validates in seconds without changing a word, dismissing whatever blocks. */
        RUBBER_STAMP,
        /** Writes one document in three without AI. */
        OLD_SCHOOL,
        /** Often rewrites the draft in their own words. */
        REWRITER
    }

    /** A simulated person with their account, service and habit. */
    public record Clinician(String name, String fullName, String service, Habit habit) {
    }

    public static final List<Clinician> TEAM = List.of(
            new Clinician("dr.martin", "Dr Claire Martin", "Médecine générale", Habit.CAREFUL),
            new Clinician("dr.bernard", "Dr Paul Bernard", "Cardiologie", Habit.PRAGMATIC),
            new Clinician("dr.petit", "Dr Luc Petit", "Urgences", Habit.RUBBER_STAMP),
            new Clinician("dr.robert", "Dr Anne Robert", "Médecine générale", Habit.OLD_SCHOOL),
            new Clinician("dr.richard", "Dr Marc Richard", "Gériatrie", Habit.REWRITER),
            new Clinician("dr.durand", "Dr Julie Durand", "Cardiologie", Habit.PRAGMATIC));

    /** What was generated, for the test's assertions. */
    public record Summary(int documents, int withoutAi, int unedited, int drafts, LocalDate first, LocalDate last) {
    }

    private final ConfigurableApplicationContext context;
    private final FakeUpstream upstream;
    private final Random random;
    /** Mistakes the simulated model makes on its next answer; replays outside the month get the new version's. */
    private volatile int nextMistakes = 2;
    /** Once the month is over, the provider's model has regressed (what drift replays then see). */
    private volatile boolean regressed;

    public ActivityGenerator(ConfigurableApplicationContext context, FakeUpstream upstream, long seed) {
        this.context = context;
        this.upstream = upstream;
        this.random = new Random(seed);
    }

    /** Runs {@code days} days ending on {@code last}, about {@code perDay} consultations a day. */
    public Summary run(LocalDate last, int days, int perDay, String password) throws Exception {
        // This generator now plays the model, until another one takes over.
        upstream.respond(message -> ClinicalScenarios.ALL.stream().filter(s -> message.contains(s.marker())).findFirst()
                .map(s -> regressed ? s.degraded() : s.draftWithMistakes(nextMistakes)).orElse("Non renseigné."));
        LocalAccounts accounts = context.getBean(LocalAccounts.class);
        Consultations consultations = context.getBean(Consultations.class);
        GatewayDrafts drafts = context.getBean(GatewayDrafts.class);
        Reviews reviews = context.getBean(Reviews.class);
        NoteTemplates templates = context.getBean(NoteTemplates.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        for (Clinician clinician : TEAM) {
            accounts.createOrUpdate(clinician.name(), password, fr.avec.server.security.Role.CLINICIAN, clinician.fullName(), "médecin");
            jdbc.sql("DELETE FROM estimate_service WHERE user_name = ?").param(clinician.name()).update();
            jdbc.sql("INSERT INTO estimate_service (user_name, service) VALUES (?, ?)").params(clinician.name(), clinician.service()).update();
        }
        Map<String, NoteTemplate> byCode = new java.util.HashMap<>();
        for (NoteTemplate template : templates.active()) {
            byCode.put(template.code(), template);
        }
        int documents = 0;
        int withoutAi = 0;
        int unedited = 0;
        int drafted = 0;
        LocalDate first = last.minusDays(days - 1);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            boolean secondHalf = !day.isBefore(first.plusDays(days / 2));
            upstream.reportModel(secondHalf ? VERSION_2 : VERSION_1);
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            int count = weekend ? random.nextInt(2) : perDay - 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                Clinician clinician = TEAM.get(random.nextInt(TEAM.size()));
                ClinicalScenarios.Scenario scenario = ClinicalScenarios.ALL.get(random.nextInt(ClinicalScenarios.ALL.size()));
                OffsetDateTime start = day.atTime(8 + random.nextInt(10), random.nextInt(60)).atOffset(ZoneOffset.UTC);
                LocalAccounts.Account account = accounts.find(clinician.name()).orElseThrow();
                boolean manual = clinician.habit() == Habit.OLD_SCHOOL ? random.nextInt(3) == 0 : random.nextInt(25) == 0;
                long id;
                long reviewSeconds;
                if (manual) {
                    id = consultations.create(clinician.name(), "P" + (1000 + random.nextInt(9000)), null, null,
                            Consultation.RecordingConsent.REFUSED, false, "");
                    reviews.validate(consultations.find(id).orElseThrow(), account, null, scenario.draft());
                    reviewSeconds = 600 + random.nextInt(900);
                    withoutAi++;
                } else {
                    NoteTemplate template = byCode.get(scenario.template());
                    id = consultations.create(clinician.name(), "P" + (1000 + random.nextInt(9000)), template.id(), MODEL,
                            Consultation.RecordingConsent.GRANTED, true, scenario.transcript());
                    // The provider's new version makes more mistakes; the old one sometimes one.
                    nextMistakes = secondHalf ? 1 + random.nextInt(3) : (random.nextInt(3) == 0 ? 1 : 0);
                    GatewayDrafts.Draft draft = drafts.generate(clinician.name(), MODEL, template.prompt(), scenario.transcript(), piece -> { });
                    consultations.draftReady(id, draft.text(), draft.requestId(), draft.modelVersion());
                    drafted++;
                    String text = edit(clinician.habit(), scenario, draft.text());
                    Consultation current = consultations.find(id).orElseThrow();
                    consultations.saveWorkingText(id, text);
                    current = consultations.find(id).orElseThrow();
                    for (ReviewFinding finding : reviews.review(current).findings()) {
                        boolean dismiss = finding.blocking() || (clinician.habit() == Habit.PRAGMATIC && random.nextInt(4) == 0);
                        if (dismiss && !finding.dismissed()) {
                            reviews.dismiss(current, finding.kind(), finding.text(),
                                    clinician.habit() == Habit.RUBBER_STAMP ? "vérifié" : "conforme à ce qui a été dit en consultation",
                                    clinician.name());
                        }
                    }
                    reviews.validate(consultations.find(id).orElseThrow(), account, null, text);
                    if (text.equals(draft.text())) {
                        unedited++;
                    }
                    reviewSeconds = switch (clinician.habit()) {
                        case RUBBER_STAMP -> 4 + random.nextInt(12);
                        case REWRITER -> 300 + random.nextInt(400);
                        default -> 60 + random.nextInt(240);
                    };
                }
                jdbc.sql("UPDATE consultation SET created_at = ?, validated_at = ? WHERE id = ?")
                        .params(start, start.plusSeconds(reviewSeconds), id).update();
                documents++;
            }
        }
        regressed = true;
        return new Summary(documents, withoutAi, unedited, drafted, first, last);
    }

    /** The clinician's corrections of a draft, by habit. */
    private String edit(Habit habit, ClinicalScenarios.Scenario scenario, String draft) {
        String text = draft;
        if (habit == Habit.RUBBER_STAMP) {
            return text;
        }
        for (String[] mistake : scenario.mistakes()) {
            if (habit != Habit.PRAGMATIC || random.nextInt(5) > 0) {
                text = text.replace(mistake[0], mistake[1]);
            }
        }
        if (habit == Habit.CAREFUL || random.nextInt(3) == 0) {
            text = text.stripTrailing() + scenario.addition();
        }
        if (habit == Habit.REWRITER && random.nextInt(2) == 0) {
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\n")) {
                int colon = line.indexOf(':');
                lines.add(colon > 0 ? line.substring(0, colon + 1) + " " + reword(line.substring(colon + 1)) : line);
            }
            text = String.join("\n", lines);
        }
        return text;
    }

    /** Says the same thing in other words, keeping the values (a clinician who prefers their own style). */
    private static String reword(String sentence) {
        List<String> words = new ArrayList<>(List.of(sentence.strip().split("\\s+")));
        java.util.Collections.reverse(words);
        return "reformulé — " + String.join(" ", words);
    }

    /** SUS questionnaires of the team but its first member (left to answer in person), dated in the month. */
    public void usabilityAnswers(LocalDate first) {
        UsabilitySurveys surveys = context.getBean(UsabilitySurveys.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        int index = 0;
        for (Clinician clinician : TEAM.subList(1, TEAM.size())) {
            List<Integer> answers = switch (clinician.habit()) {
                case CAREFUL, PRAGMATIC -> List.of(4, 2, 4, 1, 4, 2, 5, 2, 4, 2);
                case RUBBER_STAMP -> List.of(5, 1, 5, 1, 5, 1, 5, 1, 5, 1);
                case OLD_SCHOOL -> List.of(2, 3, 3, 3, 3, 3, 3, 4, 2, 3);
                case REWRITER -> List.of(3, 3, 3, 2, 3, 3, 4, 3, 3, 2);
            };
            surveys.answer(clinician.name(), AiUseGate.CONSULTATION, answers);
            jdbc.sql("UPDATE sus_response SET answered_at = ? WHERE id = (SELECT MAX(id) FROM sus_response)")
                    .param(first.plusDays(3 + 4L * index++).atTime(12, 0).atOffset(ZoneOffset.UTC)).update();
        }
    }
}
