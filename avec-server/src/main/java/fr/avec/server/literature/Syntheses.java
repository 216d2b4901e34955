package fr.avec.server.literature;

import fr.avec.verify.source.Deduplication;
import fr.avec.verify.source.Reference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Storage of syntheses and their references (Spring JDBC). */
@Component
public class Syntheses {

    private static final String COLUMNS = "id, owner, question, population, intervention, comparison, outcome, model, status, draft, "
            + "working_text, request_id, model_version, created_at, updated_at, validated_by, validator_name, validator_title, "
            + "validated_at, final_text, draft_diff, ai_mention";
    private static final String REFERENCE_COLUMNS = "id, synthesis_id, position, chosen, title, authors, journal, pub_year, volume, issue, "
            + "pages, doi, pmid, source_text, format, consulted_by, consulted_at";
    /** More than a synthesis can reasonably rest on; a bigger import is a search export to narrow first. */
    public static final int MAX_REFERENCES = 300;

    private final JdbcClient jdbc;

    public Syntheses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new synthesis with its question; returns its id. */
    public long create(String owner, String question, String population, String intervention, String comparison, String outcome, String model) {
        OffsetDateTime now = now();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO synthesis (owner, question, population, intervention, comparison, outcome, model, status, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(owner, question.strip(), blank(population), blank(intervention), blank(comparison), blank(outcome), model,
                        Synthesis.Status.REFERENCES.name(), now, now)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public Optional<Synthesis> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM synthesis WHERE id = ?").param(id).query(Syntheses::row).optional();
    }

    /** The owner's syntheses, most recently changed first. */
    public List<Synthesis> of(String owner, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM synthesis WHERE owner = ? ORDER BY updated_at DESC, id DESC LIMIT " + limit)
                .param(owner).query(Syntheses::row).list();
    }

    /** The references in list order. */
    public List<SynthesisReference> references(long synthesisId) {
        return jdbc.sql("SELECT " + REFERENCE_COLUMNS + " FROM synthesis_reference WHERE synthesis_id = ? ORDER BY position, id")
                .param(synthesisId).query(Syntheses::referenceRow).list();
    }

    /** The chosen references, numbered [1..n] in list order: the numbers the draft cites. */
    public List<SynthesisReference> chosen(long synthesisId) {
        return references(synthesisId).stream().filter(SynthesisReference::chosen).toList();
    }

    /**
     * Adds imported references after the existing ones, duplicates (DOI, PMID, title) merged into the reference
     * already there; returns how many were duplicates. New references start chosen.
     */
    @Transactional
    public Deduplication.Result add(long synthesisId, List<Reference> incoming) {
        List<SynthesisReference> stored = references(synthesisId);
        List<Reference> existing = stored.stream().map(SynthesisReference::reference).toList();
        Deduplication.Result merged = Deduplication.merge(existing, incoming);
        if (merged.references().size() > MAX_REFERENCES) {
            throw new IllegalArgumentException("more than " + MAX_REFERENCES + " references");
        }
        for (int k = 0; k < stored.size(); k++) {
            Reference now = merged.references().get(k);
            if (!now.equals(stored.get(k).reference())) {
                jdbc.sql("UPDATE synthesis_reference SET source_text = ?, doi = ?, pmid = ?, journal = ?, pub_year = ?, volume = ?, issue = ?, pages = ?, authors = ? WHERE id = ?")
                        .params(now.text(), now.doi(), now.pmid(), now.journal(), now.year(), now.volume(), now.issue(), now.pages(),
                                FindingDecisions.truncate(SynthesisReference.joinAuthors(now.authors()), 4000), stored.get(k).id())
                        .update();
            }
        }
        for (int k = stored.size(); k < merged.references().size(); k++) {
            Reference r = merged.references().get(k);
            jdbc.sql("INSERT INTO synthesis_reference (synthesis_id, position, chosen, title, authors, journal, pub_year, volume, issue, pages, "
                            + "doi, pmid, source_text, format) VALUES (?, ?, TRUE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(synthesisId, k + 1, FindingDecisions.truncate(r.title(), 2000),
                            FindingDecisions.truncate(SynthesisReference.joinAuthors(r.authors()), 4000), FindingDecisions.truncate(r.journal(), 500),
                            FindingDecisions.truncate(r.year(), 16), FindingDecisions.truncate(r.volume(), 64), FindingDecisions.truncate(r.issue(), 64),
                            FindingDecisions.truncate(r.pages(), 64), FindingDecisions.truncate(r.doi(), 300), FindingDecisions.truncate(r.pmid(), 16),
                            r.text(), r.format().name())
                    .update();
        }
        touch(synthesisId);
        return merged;
    }

    /** Chooses exactly the given references for the draft (only before a draft exists). */
    public void choose(long synthesisId, List<Long> referenceIds) {
        jdbc.sql("UPDATE synthesis_reference SET chosen = FALSE WHERE synthesis_id = ?").param(synthesisId).update();
        for (Long id : referenceIds) {
            jdbc.sql("UPDATE synthesis_reference SET chosen = TRUE WHERE synthesis_id = ? AND id = ?").params(synthesisId, id).update();
        }
        touch(synthesisId);
    }

    /** Ticks or unticks « source consulted » for one reference. */
    public void consulted(long synthesisId, long referenceId, String user, boolean consulted) {
        jdbc.sql("UPDATE synthesis_reference SET consulted_by = ?, consulted_at = ? WHERE synthesis_id = ? AND id = ?")
                .params(consulted ? user : null, consulted ? now() : null, synthesisId, referenceId).update();
    }

    /** Stores the model's draft, which becomes the text under review. */
    public void draftReady(long id, String draft, String requestId, String modelVersion) {
        String text = FindingDecisions.lines(draft);
        jdbc.sql("UPDATE synthesis SET draft = ?, working_text = ?, request_id = ?, model_version = ?, status = ?, updated_at = ? "
                        + "WHERE id = ? AND status = 'REFERENCES'")
                .params(text, text, requestId, modelVersion, Synthesis.Status.REVIEW.name(), now(), id).update();
    }

    /** Writes the synthesis without AI from here on. */
    public void writeWithoutAi(long id) {
        jdbc.sql("UPDATE synthesis SET status = ?, working_text = '', model = NULL, updated_at = ? WHERE id = ? AND status = 'REFERENCES'")
                .params(Synthesis.Status.REVIEW.name(), now(), id).update();
    }

    /** Saves the professional's current text; a validated synthesis no longer changes. */
    public boolean saveWorkingText(long id, String text) {
        return jdbc.sql("UPDATE synthesis SET working_text = ?, updated_at = ? WHERE id = ? AND status = 'REVIEW'")
                .params(FindingDecisions.lines(text), now(), id).update() == 1;
    }

    /** Writes the validation record; false if it was validated meanwhile. */
    boolean validate(long id, String validatedBy, String validatorName, String validatorTitle, Instant at, String finalText, String diff,
                     String mention) {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        return jdbc.sql("UPDATE synthesis SET status = 'VALIDATED', working_text = ?, final_text = ?, draft_diff = ?, ai_mention = ?, "
                        + "validated_by = ?, validator_name = ?, validator_title = ?, validated_at = ?, updated_at = ? WHERE id = ? AND status = 'REVIEW'")
                .params(finalText, finalText, diff, mention, validatedBy, validatorName, validatorTitle, when, when, id)
                .update() == 1;
    }

    private void touch(long id) {
        jdbc.sql("UPDATE synthesis SET updated_at = ? WHERE id = ?").params(now(), id).update();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Synthesis row(ResultSet rs, int n) throws SQLException {
        return new Synthesis(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), Synthesis.Status.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), instant(rs, 14), instant(rs, 15), rs.getString(16), rs.getString(17),
                rs.getString(18), instant(rs, 19), rs.getString(20), rs.getString(21), rs.getString(22));
    }

    private static SynthesisReference referenceRow(ResultSet rs, int n) throws SQLException {
        return new SynthesisReference(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBoolean(4),
                SynthesisReference.reference(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15)),
                rs.getString(16), instant(rs, 17));
    }
}
