package fr.avec.server.learn;

import fr.avec.learn.Quiz;
import fr.avec.learn.TrainingCatalog;
import fr.avec.learn.TrainingModule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The training path's record: every quiz attempt with its date and score, whether a person's training is
 * current (every module passed within the refresher period, {@code avec.learn.refresher}), and the list the
 * AI referent reads. Module ids are the same in every language, so a pass in English counts in French.
 */
@Component
public class TrainingRecords {

    private final JdbcClient jdbc;
    private final Duration refresher;
    private final Clock clock;

    /** The last attempt on one module and the last pass, if any. */
    public record ModuleStatus(String moduleId, String title, Attempt lastAttempt, Instant passedAt, boolean current) {
    }

    /** One stored attempt. */
    public record Attempt(String moduleId, int score, int total, boolean passed, Instant completedAt) {
    }

    /**
     * Where one person stands: for the referent's list.
     *
     * @param user     the user name
     * @param fullName the person's name, or null
     * @param role     the role id
     * @param passed   modules passed within the refresher period
     * @param modules  modules in the path
     * @param current  whether the whole path is current
     * @param due      when the oldest pass expires (refresher due), or null when not current
     * @param lastPass the most recent pass, or null
     */
    public record PersonStatus(String user, String fullName, String role, int passed, int modules, boolean current, Instant due,
                               Instant lastPass) {
    }

    @Autowired
    public TrainingRecords(JdbcClient jdbc, @Value("${avec.learn.refresher:365d}") Duration refresher) {
        this(jdbc, refresher, Clock.systemUTC());
    }

    TrainingRecords(JdbcClient jdbc, Duration refresher, Clock clock) {
        if (refresher.isNegative() || refresher.isZero()) {
            throw new IllegalArgumentException("avec.learn.refresher must be a positive duration, e.g. 365d");
        }
        this.jdbc = jdbc;
        this.refresher = refresher;
        this.clock = clock;
    }

    public Duration refresher() {
        return refresher;
    }

    /**
     * Grades a quiz and records the attempt.
     *
     * @param answers question index → chosen answer index
     * @throws IllegalArgumentException when the module does not exist
     */
    public Quiz.Grade submit(String user, String moduleId, Map<Integer, Integer> answers) {
        return submit(user, TrainingCatalog.forLocale(Locale.FRENCH).module(moduleId)
                .orElseThrow(() -> new IllegalArgumentException("no training module " + moduleId)), answers);
    }

    /** Grades a quiz against the module in the language it was shown in (answer order may differ) and records the attempt. */
    public Quiz.Grade submit(String user, TrainingModule module, Map<Integer, Integer> answers) {
        Quiz.Grade grade = Quiz.grade(module, answers);
        jdbc.sql("INSERT INTO training_attempt (user_name, module_id, score, total, passed, completed_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(user, module.id(), grade.right(), grade.total(), grade.passed(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        return grade;
    }

    /** When each module was last passed by {@code user}. */
    public Map<String, Instant> passes(String user) {
        Map<String, Instant> passes = new LinkedHashMap<>();
        jdbc.sql("SELECT module_id, MAX(completed_at) FROM training_attempt WHERE user_name = ? AND passed = TRUE GROUP BY module_id")
                .param(user)
                .query((rs, n) -> {
                    passes.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                    return null;
                }).list();
        return passes;
    }

    /** Whether {@code user}'s training is current: every module passed within the refresher period. */
    public boolean current(String user) {
        return Quiz.current(TrainingCatalog.forLocale(Locale.FRENCH), passes(user), refresher, clock.instant());
    }

    /** Each module of the catalogue with the user's last attempt and pass. */
    public List<ModuleStatus> status(String user, TrainingCatalog catalog) {
        Map<String, Instant> passes = passes(user);
        Map<String, Attempt> last = new LinkedHashMap<>();
        for (Attempt attempt : jdbc.sql("SELECT module_id, score, total, passed, completed_at FROM training_attempt WHERE user_name = ? "
                        + "ORDER BY completed_at, id").param(user)
                .query((rs, n) -> new Attempt(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant())).list()) {
            last.put(attempt.moduleId(), attempt);
        }
        Instant now = clock.instant();
        List<ModuleStatus> modules = new ArrayList<>();
        for (TrainingModule module : catalog.modules()) {
            Instant passed = passes.get(module.id());
            modules.add(new ModuleStatus(module.id(), module.title(), last.get(module.id()), passed,
                    passed != null && !passed.plus(refresher).isBefore(now)));
        }
        return modules;
    }

    /** Every person who can sign in (not services), with where they stand, for the AI referent. */
    public List<PersonStatus> everyone() {
        TrainingCatalog catalog = TrainingCatalog.forLocale(Locale.FRENCH);
        record Person(String name, String fullName, String role) {
        }
        List<Person> people = jdbc.sql("SELECT name, full_name, role FROM avec_user WHERE role <> 'service' AND disabled_at IS NULL ORDER BY name")
                .query((rs, n) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        Map<String, Map<String, Instant>> passes = new LinkedHashMap<>();
        jdbc.sql("SELECT user_name, module_id, MAX(completed_at) FROM training_attempt WHERE passed = TRUE GROUP BY user_name, module_id")
                .query((rs, n) -> {
                    passes.computeIfAbsent(rs.getString(1), u -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant());
                    return null;
                }).list();
        Instant now = clock.instant();
        List<PersonStatus> list = new ArrayList<>();
        for (Person person : people) {
            Map<String, Instant> mine = passes.getOrDefault(person.name(), Map.of());
            int fresh = 0;
            Instant oldest = null;
            Instant newest = null;
            for (TrainingModule module : catalog.modules()) {
                Instant at = mine.get(module.id());
                if (at != null && !at.plus(refresher).isBefore(now)) {
                    fresh++;
                    oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
                }
                if (at != null) {
                    newest = newest == null || at.isAfter(newest) ? at : newest;
                }
            }
            boolean current = Quiz.current(catalog, mine, refresher, now);
            list.add(new PersonStatus(person.name(), person.fullName(), person.role(), fresh, catalog.modules().size(), current,
                    current ? oldest.plus(refresher) : null, newest));
        }
        return list;
    }

    /** The last attempt of {@code user} on a module, if any. */
    public Optional<Attempt> lastAttempt(String user, String moduleId) {
        return jdbc.sql("SELECT module_id, score, total, passed, completed_at FROM training_attempt WHERE user_name = ? AND module_id = ? "
                        + "ORDER BY completed_at DESC, id DESC FETCH FIRST 1 ROWS ONLY").params(user, moduleId)
                .query((rs, n) -> new Attempt(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant())).optional();
    }
}
