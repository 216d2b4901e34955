package fr.avec.server.workbench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import fr.avec.server.security.StorageKeyring;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Storage of consultations: every change is written at once, so nothing typed is lost on a restart. The
 * document contents (transcript, draft, working and final texts, the draft-to-final diff) are encrypted
 * at rest with the {@link StorageKeyring}; the database sees only ciphertext with its key id.
 */
@Component
public class Consultations {

    /** The columns holding document contents, sealed at rest; the re-encryption job walks them. */
    public static final List<String> SEALED_COLUMNS = List.of("transcript", "draft", "working_text", "final_text", "draft_diff");

    private static final String COLUMNS = "id, owner, patient_ref, template_id, model, recording_consent, ai_used, status, transcript, "
            + "draft, working_text, request_id, model_version, created_at, updated_at, validated_by, validator_name, validator_title, "
            + "validated_at, final_text, draft_diff, ai_mention";

    private final JdbcClient jdbc;
    private final StorageKeyring keyring;

    public Consultations(JdbcClient jdbc, StorageKeyring keyring) {
        this.jdbc = jdbc;
        this.keyring = keyring;
    }

    /** The value stored for a content column: sealed with the current key (AAD names the column). */
    private String seal(String column, String plain) {
        return keyring.keys().seal(plain, "consultation." + column);
    }

    /**
     * The plain text of a content column ({@code transcript}, {@code draft}, {@code final_text}...) that another
     * feature read with its own query: stored values are sealed, and only this class knows how.
     */
    public String open(String column, String stored) {
        return keyring.keys().open(stored, "consultation." + column);
    }

    /** Records a new consultation and returns its id. */
    public long create(String owner, String patientRef, Long templateId, String model, Consultation.RecordingConsent consent,
                       boolean aiUsed, String transcript) {
        OffsetDateTime now = now();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO consultation (owner, patient_ref, template_id, model, recording_consent, ai_used, status, transcript, "
                        + "working_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(owner, patientRef, templateId, model, consent.name(), aiUsed,
                        aiUsed ? Consultation.Status.TRANSCRIPT.name() : Consultation.Status.REVIEW.name(),
                        seal("transcript", lines(transcript)), seal("working_text", aiUsed ? null : ""), now, now)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public Optional<Consultation> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consultation WHERE id = ?").param(id).query(this::row).optional();
    }

    /** The user's consultations, most recently changed first. */
    public List<Consultation> of(String owner, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consultation WHERE owner = ? ORDER BY updated_at DESC, id DESC LIMIT " + limit)
                .param(owner).query(this::row).list();
    }

    /** Stores the model's draft, which becomes the text under review. */
    public void draftReady(long id, String draft, String requestId, String modelVersion) {
        jdbc.sql("UPDATE consultation SET draft = ?, working_text = ?, request_id = ?, model_version = ?, status = ?, updated_at = ? "
                        + "WHERE id = ? AND status <> 'VALIDATED'")
                .params(seal("draft", lines(draft)), seal("working_text", lines(draft)), requestId, modelVersion, Consultation.Status.REVIEW.name(), now(), id).update();
    }

    /** Saves the clinician's current text (autosave); a validated document no longer changes. */
    public boolean saveWorkingText(long id, String text) {
        return jdbc.sql("UPDATE consultation SET working_text = ?, updated_at = ? WHERE id = ? AND status <> 'VALIDATED'")
                .params(seal("working_text", lines(text)), now(), id).update() == 1;
    }

    /** Turns off AI for this consultation (a patient's opposition, or the clinician's choice). */
    public void writeWithoutAi(long id) {
        jdbc.sql("UPDATE consultation SET ai_used = FALSE, status = ?, working_text = COALESCE(working_text, ?), updated_at = ? "
                        + "WHERE id = ? AND status <> 'VALIDATED' AND draft IS NULL")
                .params(Consultation.Status.REVIEW.name(), seal("working_text", ""), now(), id).update();
    }

    /** Writes the validation record; false if it was validated meanwhile. */
    boolean validate(long id, String validatedBy, String validatorName, String validatorTitle, Instant at, String finalText,
                     String diff, String mention) {
        return jdbc.sql("UPDATE consultation SET status = 'VALIDATED', working_text = ?, final_text = ?, draft_diff = ?, ai_mention = ?, "
                        + "validated_by = ?, validator_name = ?, validator_title = ?, validated_at = ?, updated_at = ? "
                        + "WHERE id = ? AND status <> 'VALIDATED'")
                .params(seal("working_text", lines(finalText)), seal("final_text", lines(finalText)), seal("draft_diff", diff), mention, validatedBy, validatorName, validatorTitle,
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), id)
                .update() == 1;
    }

    /**
     * Line ends as the browser's editor counts them: forms submit CRLF but a textarea's value has LF, and
     * finding offsets must index the same text on both sides.
     */
    static String lines(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private Consultation row(ResultSet rs, int n) throws SQLException {
        long template = rs.getLong(4);
        Long templateId = rs.wasNull() ? null : template;
        return new Consultation(rs.getLong(1), rs.getString(2), rs.getString(3), templateId, rs.getString(5),
                Consultation.RecordingConsent.valueOf(rs.getString(6)), rs.getBoolean(7), Consultation.Status.valueOf(rs.getString(8)),
                open("transcript", rs.getString(9)), open("draft", rs.getString(10)), open("working_text", rs.getString(11)),
                rs.getString(12), rs.getString(13), instant(rs, 14),
                instant(rs, 15), rs.getString(16), rs.getString(17), rs.getString(18), instant(rs, 19), open("final_text", rs.getString(20)),
                open("draft_diff", rs.getString(21)), rs.getString(22));
    }
}
