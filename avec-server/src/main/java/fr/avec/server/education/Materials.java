package fr.avec.server.education;

import fr.avec.server.literature.FindingDecisions;
import fr.avec.verify.readability.Audience;
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

/** Storage of patient education material and its illustrations (Spring JDBC). */
@Component
public class Materials {

    private static final String COLUMNS = "id, owner, topic, audience, language, format, sources, model, status, draft, working_text, "
            + "request_id, model_version, created_at, updated_at, validated_by, validator_name, validator_title, validated_at, final_text, "
            + "draft_diff, ai_mention";
    private static final String IMAGE_COLUMNS = "id, material_id, caption, content_type, origin, prompt, energy_wh, accuracy_checked, "
            + "rights_checked, stereotypes_checked, checked_by, checked_at";

    private final JdbcClient jdbc;

    public Materials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new brief; returns its id. */
    public long create(String owner, String topic, Audience audience, String language, Material.Format format, String sources, String model) {
        OffsetDateTime now = now();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO education_material (owner, topic, audience, language, format, sources, model, status, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(owner, topic.strip(), audience.name(), language == null || language.isBlank() ? null : language.strip(), format.name(),
                        FindingDecisions.lines(sources), model, Material.Status.BRIEF.name(), now, now)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public Optional<Material> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM education_material WHERE id = ?").param(id).query(Materials::row).optional();
    }

    public List<Material> of(String owner, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM education_material WHERE owner = ? ORDER BY updated_at DESC, id DESC LIMIT " + limit)
                .param(owner).query(Materials::row).list();
    }

    public void draftReady(long id, String draft, String requestId, String modelVersion) {
        String text = FindingDecisions.lines(draft);
        jdbc.sql("UPDATE education_material SET draft = ?, working_text = ?, request_id = ?, model_version = ?, status = 'REVIEW', updated_at = ? "
                        + "WHERE id = ? AND status = 'BRIEF'")
                .params(text, text, requestId, modelVersion, now(), id).update();
    }

    public void writeWithoutAi(long id) {
        jdbc.sql("UPDATE education_material SET status = 'REVIEW', working_text = '', model = NULL, updated_at = ? WHERE id = ? AND status = 'BRIEF'")
                .params(now(), id).update();
    }

    public boolean saveWorkingText(long id, String text) {
        return jdbc.sql("UPDATE education_material SET working_text = ?, updated_at = ? WHERE id = ? AND status = 'REVIEW'")
                .params(FindingDecisions.lines(text), now(), id).update() == 1;
    }

    boolean validate(long id, String validatedBy, String validatorName, String validatorTitle, Instant at, String finalText, String diff,
                     String mention) {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        return jdbc.sql("UPDATE education_material SET status = 'VALIDATED', working_text = ?, final_text = ?, draft_diff = ?, ai_mention = ?, "
                        + "validated_by = ?, validator_name = ?, validator_title = ?, validated_at = ?, updated_at = ? WHERE id = ? AND status = 'REVIEW'")
                .params(finalText, finalText, diff, mention, validatedBy, validatorName, validatorTitle, when, when, id)
                .update() == 1;
    }

    /** Adds an illustration, unchecked; returns its id. */
    public long addImage(long materialId, String caption, String contentType, byte[] content, MaterialImage.Origin origin, String prompt,
                         Double energyWh) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO education_image (material_id, caption, content_type, content, origin, prompt, energy_wh, accuracy_checked, "
                        + "rights_checked, stereotypes_checked, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, FALSE, ?)")
                .params(materialId, caption, contentType, content, origin.name(), prompt, energyWh, now())
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public List<MaterialImage> images(long materialId) {
        return jdbc.sql("SELECT " + IMAGE_COLUMNS + " FROM education_image WHERE material_id = ? ORDER BY id")
                .param(materialId).query(Materials::imageRow).list();
    }

    /** The bytes of an image of that material, if it exists. */
    public Optional<byte[]> imageContent(long materialId, long imageId) {
        return jdbc.sql("SELECT content FROM education_image WHERE material_id = ? AND id = ?").params(materialId, imageId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** Records the professional's three checks of an image (any unticked box clears who checked). */
    public void check(long materialId, long imageId, boolean accuracy, boolean rights, boolean stereotypes, String user) {
        boolean all = accuracy && rights && stereotypes;
        jdbc.sql("UPDATE education_image SET accuracy_checked = ?, rights_checked = ?, stereotypes_checked = ?, checked_by = ?, checked_at = ? "
                        + "WHERE material_id = ? AND id = ?")
                .params(accuracy, rights, stereotypes, all ? user : null, all ? now() : null, materialId, imageId).update();
    }

    public void deleteImage(long materialId, long imageId) {
        jdbc.sql("DELETE FROM education_image WHERE material_id = ? AND id = ?").params(materialId, imageId).update();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Material row(ResultSet rs, int n) throws SQLException {
        return new Material(rs.getLong(1), rs.getString(2), rs.getString(3), Audience.valueOf(rs.getString(4)), rs.getString(5),
                Material.Format.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), Material.Status.valueOf(rs.getString(9)),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), instant(rs, 14), instant(rs, 15), rs.getString(16),
                rs.getString(17), rs.getString(18), instant(rs, 19), rs.getString(20), rs.getString(21), rs.getString(22));
    }

    private static MaterialImage imageRow(ResultSet rs, int n) throws SQLException {
        double energy = rs.getDouble(7);
        Double energyWh = rs.wasNull() ? null : energy;
        return new MaterialImage(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), MaterialImage.Origin.valueOf(rs.getString(5)),
                rs.getString(6), energyWh, rs.getBoolean(8), rs.getBoolean(9), rs.getBoolean(10), rs.getString(11), instant(rs, 12));
    }
}
