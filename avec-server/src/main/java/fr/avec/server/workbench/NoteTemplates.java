package fr.avec.server.workbench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The use-case templates, versioned: an edit by the AI referent adds a version and retires the previous
 * one, so that every validated document can name the exact prompt that drafted it.
 */
@Component
public class NoteTemplates {

    private static final String COLUMNS = "id, code, version, title, prompt, active";
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public NoteTemplates(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The current version of each template, in the order the templates were first created. */
    public List<NoteTemplate> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM note_template t WHERE active = TRUE "
                + "ORDER BY (SELECT MIN(origin.id) FROM note_template origin WHERE origin.code = t.code)").query(NoteTemplates::row).list();
    }

    public Optional<NoteTemplate> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM note_template WHERE id = ?").param(id).query(NoteTemplates::row).optional();
    }

    /** Saves a new version of the template {@code code} and makes it the current one. */
    public NoteTemplate revise(String code, String title, String prompt, String editor) {
        if (title == null || title.isBlank() || prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("a template needs a title and a prompt");
        }
        return transactions.execute(status -> {
            int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM note_template WHERE code = ?").param(code)
                    .query(Integer.class).single();
            jdbc.sql("UPDATE note_template SET active = FALSE WHERE code = ?").param(code).update();
            jdbc.sql("INSERT INTO note_template (code, version, title, prompt, active, created_at, created_by) VALUES (?, ?, ?, ?, TRUE, ?, ?)")
                    .params(code, next, title.strip(), prompt.strip(), OffsetDateTime.now(ZoneOffset.UTC), editor).update();
            return jdbc.sql("SELECT " + COLUMNS + " FROM note_template WHERE code = ? AND version = ?").params(code, next)
                    .query(NoteTemplates::row).single();
        });
    }

    private static NoteTemplate row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new NoteTemplate(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getBoolean(6));
    }
}
