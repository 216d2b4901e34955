package fr.avec.server.workbench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Patients who oppose the use of AI for their care, by local pseudonymous identifier: every AI action
 * for them is refused with an explanation; documents are still written, without AI.
 */
@Component
public class PatientOppositions {

    private final JdbcClient jdbc;

    public PatientOppositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean opposed(String patientRef) {
        if (patientRef == null || patientRef.isBlank()) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM patient_opposition WHERE patient_ref = ?").param(patientRef.strip())
                .query(Long.class).single() > 0;
    }

    /** Records the opposition (idempotent). */
    public void record(String patientRef, String recordedBy) {
        if (patientRef == null || patientRef.isBlank() || patientRef.strip().length() > 64) {
            throw new IllegalArgumentException("a patient identifier of 1 to 64 characters is required");
        }
        if (!opposed(patientRef)) {
            jdbc.sql("INSERT INTO patient_opposition (patient_ref, recorded_at, recorded_by) VALUES (?, ?, ?)")
                    .params(patientRef.strip(), OffsetDateTime.now(ZoneOffset.UTC), recordedBy).update();
        }
    }

    /** Withdraws the opposition (the patient changed their mind). */
    public void withdraw(String patientRef) {
        jdbc.sql("DELETE FROM patient_opposition WHERE patient_ref = ?").param(patientRef.strip()).update();
    }
}
