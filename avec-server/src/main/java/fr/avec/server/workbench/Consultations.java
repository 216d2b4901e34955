package fr.avec.server.workbench;

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

/** Storage of consultations: every change is written at once, so nothing typed is lost on a restart. */
@Component
public class Consultations {

    private static final String COLUMNS = "id, owner, patient_ref, template_id, model, recording_consent, ai_used, status, transcript, "
            + "draft, working_text, request_id, model_version, created_at, updated_at, validated_by, validator_name, validator_title, "
            + "validated_at, final_text, draft_diff, ai_mention";

    private final JdbcClient jdbc;

    public Consultations(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                        lines(transcript), aiUsed ? null : "", now, now)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public Optional<Consultation> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consultation WHERE id = ?").param(id).query(Consultations::row).optional();
    }

    /** The user's consultations, most recently changed first. */
    public List<Consultation> of(String owner, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consultation WHERE owner = ? ORDER BY updated_at DESC, id DESC LIMIT " + limit)
                .param(owner).query(Consultations::row).list();
    }

    /** Stores the model's draft, which becomes the text under review. */
    public void draftReady(long id, String draft, String requestId, String modelVersion) {
        jdbc.sql("UPDATE consultation SET draft = ?, working_text = ?, request_id = ?, model_version = ?, status = ?, updated_at = ? "
                        + "WHERE id = ? AND status <> 'VALIDATED'")
                .params(lines(draft), lines(draft), requestId, modelVersion, Consultation.Status.REVIEW.name(), now(), id).update();
    }

    /** Saves the clinician's current text (autosave); a validated document no longer changes. */
    public boolean saveWorkingText(long id, String text) {
        return jdbc.sql("UPDATE consultation SET working_text = ?, updated_at = ? WHERE id = ? AND status <> 'VALIDATED'")
                .params(lines(text), now(), id).update() == 1;
    }

    /** Turns off AI for this consultation (a patient's opposition, or the clinician's choice). */
    public void writeWithoutAi(long id) {
        jdbc.sql("UPDATE consultation SET ai_used = FALSE, status = ?, working_text = COALESCE(working_text, ''), updated_at = ? "
                        + "WHERE id = ? AND status <> 'VALIDATED' AND draft IS NULL")
                .params(Consultation.Status.REVIEW.name(), now(), id).update();
    }

    /** Writes the validation record; false if it was validated meanwhile. */
    boolean validate(long id, String validatedBy, String validatorName, String validatorTitle, Instant at, String finalText,
                     String diff, String mention) {
        return jdbc.sql("UPDATE consultation SET status = 'VALIDATED', working_text = ?, final_text = ?, draft_diff = ?, ai_mention = ?, "
                        + "validated_by = ?, validator_name = ?, validator_title = ?, validated_at = ?, updated_at = ? "
                        + "WHERE id = ? AND status <> 'VALIDATED'")
                .params(lines(finalText), lines(finalText), diff, mention, validatedBy, validatorName, validatorTitle,
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

    private static Consultation row(ResultSet rs, int n) throws SQLException {
        long template = rs.getLong(4);
        return new Consultation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : template, rs.getString(5),
                Consultation.RecordingConsent.valueOf(rs.getString(6)), rs.getBoolean(7), Consultation.Status.valueOf(rs.getString(8)),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), instant(rs, 14),
                instant(rs, 15), rs.getString(16), rs.getString(17), rs.getString(18), instant(rs, 19), rs.getString(20),
                rs.getString(21), rs.getString(22));
    }
}
