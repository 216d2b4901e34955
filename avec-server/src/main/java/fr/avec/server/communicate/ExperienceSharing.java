package fr.avec.server.communicate;

import fr.avec.protect.Entity;
import fr.avec.protect.Label;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Experience sharing: notes and proven prompt templates proposed by colleagues, published or rejected by the AI
 * referent. A text in which Protect finds identifying data is refused before it is stored (not pseudonymized: a
 * shared example built on a real patient, even with the names replaced, is not what colleagues should read).
 */
@Component
public class ExperienceSharing {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 20_000;
    private static final String COLUMNS = "id, kind, title, body, author, status, source_template, created_at, moderated_by, moderated_at, moderation_note";

    private final JdbcClient jdbc;
    private final FreeText freeText;
    private final Clock clock;

    /** A proposal refused: the message key and, for identifying data, the labels Protect found (never the words). */
    public static final class Refused extends IllegalArgumentException {
        private final String messageKey;
        private final transient Set<Label> labels;

        Refused(String messageKey, Set<Label> labels) {
            super(messageKey + " " + labels);
            this.messageKey = messageKey;
            this.labels = Set.copyOf(labels);
        }

        public String messageKey() {
            return messageKey;
        }

        public Set<Label> labels() {
            return labels;
        }
    }

    public ExperienceSharing(JdbcClient jdbc, FreeText freeText) {
        this.jdbc = jdbc;
        this.freeText = freeText;
        this.clock = Clock.systemUTC();
    }

    /**
     * Stores a proposal, pending moderation.
     *
     * @throws Refused when a field is missing or too long, or Protect finds identifying data in the title or the text
     */
    public SharedItem propose(String author, SharedItem.Kind kind, String title, String body, Long sourceTemplate) {
        if (kind == null) {
            throw new Refused("sharing.error.kind", Set.of());
        }
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
            throw new Refused("sharing.error.title", Set.of());
        }
        if (body == null || body.isBlank() || body.strip().length() > MAX_BODY) {
            throw new Refused("sharing.error.body", Set.of());
        }
        String cleanTitle = title.strip();
        String cleanBody = body.strip().replace("\r\n", "\n");
        scan(cleanTitle + "\n\n" + cleanBody);
        OffsetDateTime now = OffsetDateTime.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO shared_item (kind, title, body, author, status, source_template, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(kind.name(), cleanTitle, cleanBody, author, SharedItem.Status.PENDING.name(), sourceTemplate, now)
                .update(key, "id");
        return find(key.getKeyAs(Number.class).longValue()).orElseThrow();
    }

    /** Refuses a text in which Protect finds identifying data. */
    void scan(String text) {
        List<Entity> found = freeText.identifying(text);
        if (!found.isEmpty()) {
            throw new Refused("sharing.error.identifying", FreeText.labels(found));
        }
    }

    /**
     * The referent's decision on a pending item; publication scans the text again (the Protect engine may have
     * learnt names since the proposal).
     *
     * @return false when the item is not pending any more (nothing changed)
     */
    public boolean moderate(long id, String referent, boolean publish, String note) {
        SharedItem item = find(id).orElseThrow(() -> new IllegalArgumentException("no such item"));
        if (item.status() != SharedItem.Status.PENDING) {
            return false;
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > 1000) {
            throw new Refused("sharing.error.note", Set.of());
        }
        if (publish) {
            scan(item.title() + "\n\n" + item.body());
        }
        if (cleanNote != null) {
            cleanNote = freeText.pseudonymize(cleanNote).text();
        }
        return jdbc.sql("UPDATE shared_item SET status = ?, moderated_by = ?, moderated_at = ?, moderation_note = ? WHERE id = ? AND status = ?")
                .params((publish ? SharedItem.Status.PUBLISHED : SharedItem.Status.REJECTED).name(), referent, OffsetDateTime.now(clock), cleanNote,
                        id, SharedItem.Status.PENDING.name())
                .update() == 1;
    }

    public Optional<SharedItem> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shared_item WHERE id = ?").param(id).query(ExperienceSharing::row).optional();
    }

    /** What colleagues read: published items, newest first. */
    public List<SharedItem> published() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shared_item WHERE status = 'PUBLISHED' ORDER BY moderated_at DESC, id DESC")
                .query(ExperienceSharing::row).list();
    }

    /** What awaits the referent, oldest first. */
    public List<SharedItem> pending() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shared_item WHERE status = 'PENDING' ORDER BY id").query(ExperienceSharing::row).list();
    }

    /** A person's own proposals with their state, newest first. */
    public List<SharedItem> by(String author) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shared_item WHERE author = ? ORDER BY id DESC").param(author).query(ExperienceSharing::row).list();
    }

    private static SharedItem row(ResultSet rs, int n) throws SQLException {
        return new SharedItem(rs.getLong(1), SharedItem.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                SharedItem.Status.valueOf(rs.getString(6)), rs.getObject(7, Long.class), instant(rs, 8), rs.getString(9), instant(rs, 10),
                rs.getString(11));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
