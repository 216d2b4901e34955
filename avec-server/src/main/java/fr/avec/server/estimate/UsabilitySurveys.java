package fr.avec.server.estimate;

import fr.avec.estimate.UsabilityScale;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The System Usability Scale offered to each person periodically: due when they have validated documents
 * with AI and have not answered for that use case within the interval; answers stored with their score.
 */
public class UsabilitySurveys {

    private final JdbcClient jdbc;
    private final Duration interval;

    public UsabilitySurveys(JdbcClient jdbc, Duration interval) {
        this.jdbc = jdbc;
        this.interval = interval;
    }

    /** Mean score of one use case in one month. */
    public record MonthScore(YearMonth month, double mean, long responses) {
    }

    /** Whether the questionnaire should be offered to the person now. */
    public boolean due(String user, String useCase) {
        boolean used = jdbc.sql("SELECT COUNT(*) FROM consultation WHERE owner = ? AND status = 'VALIDATED' AND ai_used")
                .param(user).query(Long.class).single() > 0;
        if (!used) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM sus_response WHERE user_name = ? AND use_case = ? AND answered_at > ?")
                .params(user, useCase, OffsetDateTime.now(ZoneOffset.UTC).minus(interval)).query(Long.class).single() == 0;
    }

    /** Stores one questionnaire and returns its score; answers are checked by {@link UsabilityScale#score}. */
    public double answer(String user, String useCase, List<Integer> answers) {
        double score = UsabilityScale.score(answers);
        jdbc.sql("INSERT INTO sus_response (user_name, use_case, answered_at, answers, score) VALUES (?, ?, ?, ?, ?)")
                .params(user, useCase, OffsetDateTime.now(ZoneOffset.UTC),
                        answers.stream().map(String::valueOf).collect(Collectors.joining(",")), score)
                .update();
        return score;
    }

    /** Mean scores per month of a use case from {@code since} on. */
    public List<MonthScore> trend(String useCase, LocalDate since) {
        return jdbc.sql("SELECT answered_at, score FROM sus_response WHERE use_case = ? AND answered_at >= ? ORDER BY answered_at")
                .params(useCase, since.atStartOfDay().atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Object[] {YearMonth.from(rs.getTimestamp(1).toInstant().atOffset(ZoneOffset.UTC)), rs.getDouble(2)})
                .list().stream()
                .collect(Collectors.groupingBy(row -> (YearMonth) row[0], java.util.TreeMap::new,
                        Collectors.summarizingDouble(row -> (Double) row[1])))
                .entrySet().stream()
                .map(e -> new MonthScore(e.getKey(), e.getValue().getAverage(), e.getValue().getCount()))
                .toList();
    }
}
