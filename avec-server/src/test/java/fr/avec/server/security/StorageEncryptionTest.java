package fr.avec.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.avec.protect.Conversation;
import fr.avec.protect.Vault;
import fr.avec.server.AvecServer;
import fr.avec.server.admin.AdminCommand;
import fr.avec.server.storage.TestDatabases;
import fr.avec.server.workbench.Consultation;
import fr.avec.server.workbench.Consultations;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Document contents and vault entries are stored encrypted with a key id; {@code avec keys rotate} adds a
 * key, keeps the old one for reading and re-encrypts everything; a missing key or a tampered value fails
 * closed.
 */
class StorageEncryptionTest {

    static final String TRANSCRIPT = "Médecin : " + PlantedIdentifiers.TEXT;
    static final String DRAFT = "Toux depuis 5 jours chez Mme Berthe Quintanilla. Amoxicilline 1 g matin et soir pendant 6 jours.";

    @TempDir
    Path home;
    private TestDatabases.Target pg;

    @AfterEach
    void dropSchema() {
        TestDatabases.dropPostgresql(pg);
    }

    @Test
    void onH2() throws Exception {
        scenario(TestDatabases.h2());
    }

    @Test
    void onPostgresql() throws Exception {
        pg = TestDatabases.postgresql();
        scenario(pg);
    }

    private List<String> args(TestDatabases.Target db) {
        List<String> args = new ArrayList<>(List.of("--avec.home=" + home, "--avec.db.url=" + db.url(),
                "--avec.db.user=" + db.user(), "--avec.db.password=" + db.password(), "--logging.level.root=WARN"));
        if (db.schema() != null) {
            args.add("--spring.flyway.schemas=" + db.schema());
        }
        return args;
    }

    private ConfigurableApplicationContext start(TestDatabases.Target db) {
        return new SpringApplicationBuilder(AvecServer.class).web(WebApplicationType.NONE).run(args(db).toArray(String[]::new));
    }

    private void scenario(TestDatabases.Target db) throws Exception {
        long id;
        try (ConfigurableApplicationContext context = start(db)) {
            Consultations consultations = context.getBean(Consultations.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            id = consultations.create("dr.martin", "PAT-7", null, "mistral-small-3.2", Consultation.RecordingConsent.REFUSED, true, TRANSCRIPT);
            consultations.draftReady(id, DRAFT, "req_1", "mistral-small-3.2");
            var raw = jdbc.sql("SELECT transcript, draft, working_text FROM consultation WHERE id = ?").param(id).query().singleRow();
            for (Object value : raw.values()) {
                assertThat((String) value).startsWith("avec1:k1:").doesNotContain("Quintanilla").doesNotContain("Amoxicilline");
            }
            Consultation read = consultations.find(id).orElseThrow();
            assertThat(read.transcript()).isEqualTo(TRANSCRIPT);
            assertThat(read.draft()).isEqualTo(DRAFT);
            assertThat(read.workingText()).isEqualTo(DRAFT);

            Vault vault = context.getBean(Vault.class);
            Conversation conversation = Conversation.create();
            vault.save("conv-1", conversation);
            byte[] sealed = jdbc.sql("SELECT sealed FROM vault_entry WHERE id = 'conv-1'").query((rs, n) -> rs.getBytes(1)).single();
            assertThat(StorageKeys.keyIdOf(sealed)).isEqualTo("k1");
            assertThat(vault.load("conv-1")).isPresent();

            // A value moved to another column (or edited) is refused, not shown.
            String transcriptCipher = (String) raw.get("transcript");
            jdbc.sql("UPDATE consultation SET draft = ? WHERE id = ?").params(transcriptCipher, id).update();
            assertThatThrownBy(() -> consultations.find(id)).hasRootCauseInstanceOf(javax.crypto.AEADBadTagException.class);
            jdbc.sql("UPDATE consultation SET draft = ? WHERE id = ?").params(raw.get("draft"), id).update();

            // A row written before encryption at rest existed is read as it is, then sealed by the job.
            jdbc.sql("UPDATE consultation SET final_text = 'texte ancien en clair' WHERE id = ?").param(id).update();
            assertThat(consultations.find(id).orElseThrow().finalText()).isEqualTo("texte ancien en clair");
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> rotate = new ArrayList<>(List.of("keys", "rotate"));
        rotate.addAll(args(db));
        int code = AdminCommand.run(rotate.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("re-encrypted with key k2: 4 document values, 1 vault entries");

        Properties file = new Properties();
        try (var reader = Files.newBufferedReader(home.resolve("storage.keys"))) {
            file.load(reader);
        }
        assertThat(file.getProperty("current")).isEqualTo("k2");
        assertThat(file.stringPropertyNames()).contains("k1", "k2");

        try (ConfigurableApplicationContext context = start(db)) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            for (String column : Consultations.SEALED_COLUMNS) {
                String value = jdbc.sql("SELECT " + column + " FROM consultation WHERE id = ?").param(id)
                        .query((rs, n) -> rs.getString(1)).list().getFirst();
                if (value != null) {
                    assertThat(StorageKeys.keyIdOf(value)).as(column).isEqualTo("k2");
                }
            }
            byte[] sealed = jdbc.sql("SELECT sealed FROM vault_entry WHERE id = 'conv-1'").query((rs, n) -> rs.getBytes(1)).single();
            assertThat(StorageKeys.keyIdOf(sealed)).isEqualTo("k2");
            Consultation read = context.getBean(Consultations.class).find(id).orElseThrow();
            assertThat(read.transcript()).isEqualTo(TRANSCRIPT);
            assertThat(read.finalText()).isEqualTo("texte ancien en clair");
            assertThat(context.getBean(Vault.class).load("conv-1")).isPresent();
            // New writes use the new key; a second pass has nothing left to do.
            long other = context.getBean(Consultations.class).create("dr.martin", null, null, null, Consultation.RecordingConsent.REFUSED, false, "x");
            assertThat(StorageKeys.keyIdOf(jdbc.sql("SELECT transcript FROM consultation WHERE id = ?").param(other).query(String.class).single()))
                    .isEqualTo("k2");
            assertThat(context.getBean(StorageRekey.class).reencrypt().valuesResealed()).isZero();
        }

        // Removing a key that still seals data fails closed and names the key.
        String k2 = file.getProperty("k2");
        Files.writeString(home.resolve("storage.keys"), "k3=" + StorageKeys.newKey() + "\ncurrent=k3\n");
        try (ConfigurableApplicationContext context = start(db)) {
            assertThatThrownBy(() -> context.getBean(Consultations.class).find(id)).hasMessageContaining("'k2', which is not configured");
        }
        // Keys may also come from the environment (AVEC_STORAGE_KEYS); then no file is written.
        List<String> fromEnvironment = args(db);
        fromEnvironment.add("--avec.storage.keys=k2=" + k2);
        Files.delete(home.resolve("storage.keys"));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AvecServer.class).web(WebApplicationType.NONE)
                .run(fromEnvironment.toArray(String[]::new))) {
            assertThat(context.getBean(Consultations.class).find(id).orElseThrow().transcript()).isEqualTo(TRANSCRIPT);
            assertThat(home.resolve("storage.keys")).doesNotExist();
        }
    }
}
