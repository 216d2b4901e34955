package fr.avec.server.learn;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test bench's case sets: imported from JSON Lines or CSV ({@code id}, {@code source}, {@code reference}),
 * or copied from a {@link ReferenceCases} source, and stored so that a run's results always point at the
 * exact texts that were run.
 */
@Component
public class CaseSets {

    /** Most cases in one set: a bench is a sample, not a corpus. */
    public static final int MAX_CASES = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json = JsonMapper.builder().build();

    /** A stored set. */
    public record CaseSet(long id, String name, String origin, Instant createdAt, String createdBy, int cases) {
    }

    /** A stored case with its id. */
    public record StoredCase(long id, int position, BenchCase value) {
    }

    public CaseSets(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Reads a file of cases: JSON Lines when the name ends with {@code .jsonl} (or the text starts with {@code {}),
     * else CSV with a header naming {@code id}, {@code source} and {@code reference}. UTF-8 only.
     *
     * @throws IllegalArgumentException with the line number when the file cannot be read as cases
     */
    public List<BenchCase> parse(String fileName, byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new IllegalArgumentException("the file is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        boolean jsonl = (fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".jsonl")) || text.stripLeading().startsWith("{");
        List<BenchCase> cases = jsonl ? jsonl(text) : csv(text);
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("the file holds no case");
        }
        if (cases.size() > MAX_CASES) {
            throw new IllegalArgumentException("more than " + MAX_CASES + " cases");
        }
        Set<String> keys = new HashSet<>();
        for (BenchCase c : cases) {
            if (!keys.add(c.key())) {
                throw new IllegalArgumentException("two cases are named " + c.key());
            }
        }
        return cases;
    }

    private List<BenchCase> jsonl(String text) {
        List<BenchCase> cases = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                JsonNode node = json.readTree(lines[i]);
                String key = node.path("id").isMissingNode() || node.path("id").isNull() ? "case-" + (cases.size() + 1) : node.path("id").asString();
                cases.add(new BenchCase(key, node.path("source").asString(null), node.path("reference").asString(null)));
            } catch (JacksonException | IllegalArgumentException bad) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected {\"id\", \"source\", \"reference\"}"
                        + (bad instanceof IllegalArgumentException ? " (" + bad.getMessage() + ")" : ""));
            }
        }
        return cases;
    }

    private List<BenchCase> csv(String text) {
        List<BenchCase> cases = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(false).get();
        try (var parser = format.parse(new StringReader(text))) {
            if (!parser.getHeaderMap().containsKey("source") || !parser.getHeaderMap().containsKey("reference")) {
                throw new IllegalArgumentException("line 1: the CSV header must name the columns id, source and reference");
            }
            for (CSVRecord row : parser) {
                try {
                    String key = parser.getHeaderMap().containsKey("id") && !row.get("id").isBlank() ? row.get("id").strip() : "case-" + (cases.size() + 1);
                    cases.add(new BenchCase(key, row.get("source"), row.get("reference")));
                } catch (IllegalArgumentException | IllegalStateException bad) {
                    throw new IllegalArgumentException("record " + row.getRecordNumber() + ": " + bad.getMessage());
                }
            }
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            throw new IllegalArgumentException("the CSV file cannot be read: " + unreadable.getClass().getSimpleName());
        }
        return cases;
    }

    /** Stores a set and returns its id. */
    public long store(String name, String origin, List<BenchCase> cases, String user) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new IllegalArgumentException("a case set needs a name of at most 200 characters");
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("a case set needs at least one case");
        }
        Long id = transactions.execute(status -> {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO bench_case_set (name, origin, created_at, created_by) VALUES (?, ?, ?, ?)")
                    .params(name.strip(), origin, OffsetDateTime.now(ZoneOffset.UTC), user).update(key, "id");
            long setId = key.getKeyAs(Number.class).longValue();
            int position = 0;
            for (BenchCase c : cases) {
                jdbc.sql("INSERT INTO bench_case (case_set_id, position, case_key, source_text, reference_text) VALUES (?, ?, ?, ?, ?)")
                        .params(setId, position++, c.key(), c.source(), c.reference()).update();
            }
            return setId;
        });
        return id;
    }

    /** Every stored set, newest first. */
    public List<CaseSet> all() {
        return jdbc.sql("SELECT s.id, s.name, s.origin, s.created_at, s.created_by, (SELECT COUNT(*) FROM bench_case c WHERE c.case_set_id = s.id) "
                        + "FROM bench_case_set s ORDER BY s.id DESC")
                .query((rs, n) -> new CaseSet(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getString(5), rs.getInt(6))).list();
    }

    public Optional<CaseSet> find(long id) {
        return all().stream().filter(s -> s.id() == id).findFirst();
    }

    /** The cases of a set in their order. */
    public List<StoredCase> cases(long setId) {
        return jdbc.sql("SELECT id, position, case_key, source_text, reference_text FROM bench_case WHERE case_set_id = ? ORDER BY position")
                .param(setId)
                .query((rs, n) -> new StoredCase(rs.getLong(1), rs.getInt(2), new BenchCase(rs.getString(3), rs.getString(4), rs.getString(5))))
                .list();
    }
}
