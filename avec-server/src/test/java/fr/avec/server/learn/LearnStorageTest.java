package fr.avec.server.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.avec.learn.TrainingCatalog;
import fr.avec.learn.TrainingModule;
import fr.avec.server.AvecServer;
import fr.avec.server.audit.AuditRecords;
import fr.avec.server.communicate.notice.NoticeTools;
import fr.avec.server.communicate.transparency.TransparencyReport;
import fr.avec.server.gateway.ConfidentialityLevel;
import fr.avec.server.gateway.GatewayProperties;
import fr.avec.server.gateway.Upstreams;
import fr.avec.server.security.Role;
import fr.avec.server.storage.TestDatabases;
import fr.avec.server.web.AiUseGate;
import fr.avec.server.web.LocalAccounts;
import fr.avec.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Apprendre's storage on both databases: quiz attempts and the training gate, the register of AI tools
 * (versions, audit event with the version's hash, the declared level lowering the gateway's routing but
 * never raising it), case sets imported from JSONL and CSV, and the transparency counts from the audit trail.
 */
class LearnStorageTest {

    @TempDir
    Path home;
    private TestDatabases.Target pg;

    @AfterEach
    void dropSchema() {
        TestDatabases.dropPostgresql(pg);
    }

    @Test
    void onH2() {
        scenario(TestDatabases.h2());
    }

    @Test
    void onPostgresql() {
        pg = TestDatabases.postgresql();
        scenario(pg);
    }

    /** The right answer to every question of a module, as the quiz form would send them. */
    static Map<Integer, Integer> rightAnswers(TrainingModule module) {
        Map<Integer, Integer> answers = new HashMap<>();
        for (int q = 0; q < module.questions().size(); q++) {
            answers.put(q, module.questions().get(q).correct());
        }
        return answers;
    }

    private void scenario(TestDatabases.Target db) {
        List<String> args = new ArrayList<>(List.of("--avec.home=" + home, "--avec.data-dir=" + SharedData.root(), "--avec.db.url=" + db.url(),
                "--avec.db.user=" + db.user(), "--avec.db.password=" + db.password(), "--logging.level.root=WARN",
                "--avec.upstreams[0].name=hds-cloud", "--avec.upstreams[0].base-url=http://127.0.0.1:9/v1",
                "--avec.upstreams[0].level=hds", "--avec.upstreams[0].models[0]=mistral-small-3.2",
                "--avec.upstreams[1].name=local", "--avec.upstreams[1].base-url=http://127.0.0.1:9/v1",
                "--avec.upstreams[1].level=on_premise", "--avec.upstreams[1].models[0]=llama-local",
                "--avec.use-cases.compte-rendu.minimum-level=hds"));
        if (db.schema() != null) {
            args.add("--spring.flyway.schemas=" + db.schema());
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AvecServer.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new))) {
            LocalAccounts accounts = context.getBean(LocalAccounts.class);
            TrainingRecords records = context.getBean(TrainingRecords.class);
            // This gate alone: the charter gate, also in the application, is tested with the charter.
            AiUseGate gates = context.getBean(TrainingGate.class);
            accounts.createOrUpdate("dr.martin", "correct-horse-battery-staple", Role.CLINICIAN, "Dr Claire Martin", null);

            // Training: locked until every module is passed; a failed attempt is stored but does not count.
            assertThat(gates.check("dr.martin", AiUseGate.CONSULTATION)).hasValueSatisfying(r -> assertThat(r.actionPath()).isEqualTo("/learn"));
            TrainingCatalog catalog = TrainingCatalog.forLocale(Locale.FRENCH);
            TrainingModule first = catalog.modules().getFirst();
            assertThat(records.submit("dr.martin", first.id(), Map.of()).passed()).isFalse();
            assertThat(records.lastAttempt("dr.martin", first.id())).hasValueSatisfying(a -> assertThat(a.passed()).isFalse());
            for (TrainingModule module : catalog.modules()) {
                assertThat(records.submit("dr.martin", module.id(), rightAnswers(module)).passed()).isTrue();
                if (module != catalog.modules().getLast()) {
                    assertThat(records.current("dr.martin")).isFalse();
                }
            }
            assertThat(records.current("dr.martin")).isTrue();
            assertThat(gates.check("dr.martin", AiUseGate.CONSULTATION)).isEmpty();
            assertThat(records.everyone()).singleElement().satisfies(p -> {
                assertThat(p.current()).isTrue();
                assertThat(p.passed()).isEqualTo(catalog.modules().size());
                assertThat(p.due()).isAfter(Instant.now().plus(364, ChronoUnit.DAYS));
            });
            // Expired after the refresher period: a records view with a clock a year and a day later.
            TrainingRecords later = new TrainingRecords(context.getBean(JdbcClient.class), records.refresher(),
                    java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofDays(366)));
            assertThat(later.current("dr.martin")).isFalse();

            // Register: a version with its audit event; the declared level lowers the routing level.
            ToolRegister register = context.getBean(ToolRegister.class);
            Upstreams upstreams = context.getBean(Upstreams.class);
            assertThat(upstreams.route("mistral-small-3.2", ConfidentialityLevel.HDS)).extracting(GatewayProperties.Upstream::name)
                    .containsExactly("hds-cloud");
            ToolRegister.Description lowered = new ToolRegister.Description("Mistral AI", "mistral-small-3.2 (2506)", "Rédaction de comptes rendus",
                    "Drafting consultation reports", "Cloud européen, France", ToolRegister.HdsStatus.NOT_CERTIFIED, "Aucune réutilisation (contrat)",
                    "30 jours", "Non (pas un dispositif médical)", "Peut omettre des faits", ConfidentialityLevel.EU_CONTRACT, true);
            ToolRegister.Version v1 = register.describe("hds-cloud", lowered, "referent", "referent");
            assertThat(v1.version()).isEqualTo(1);
            assertThat(ToolRegister.intact(register.history("hds-cloud").getFirst())).isTrue();
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT content FROM audit_event WHERE action = 'register.update' AND upstream = 'hds-cloud'").query(String.class).list())
                    .containsExactly("version=1;sha256=" + v1.contentHash());
            assertThat(context.getBean(AuditRecords.class).verify().valid()).isTrue();
            // Lowered to eu_contract: a use case requiring hds no longer routes there; the upstream now pseudonymizes.
            assertThat(upstreams.route("mistral-small-3.2", ConfidentialityLevel.HDS)).isEmpty();
            assertThat(upstreams.route("mistral-small-3.2", ConfidentialityLevel.PUBLIC)).singleElement()
                    .satisfies(u -> assertThat(u.level()).isEqualTo(ConfidentialityLevel.EU_CONTRACT));
            // Raising trust above the configuration is refused and nothing is stored.
            ToolRegister.Description raised = new ToolRegister.Description("Mistral AI", null, null, null, null, null, null, null, null, null,
                    ConfidentialityLevel.ON_PREMISE, true);
            assertThatThrownBy(() -> register.describe("hds-cloud", raised, "referent", "referent")).isInstanceOf(ToolRegister.LevelRaised.class);
            assertThat(register.history("hds-cloud")).hasSize(1);
            // Back to the configured level (version 2): routing is restored.
            ToolRegister.Description restored = new ToolRegister.Description("Mistral AI", "mistral-small-3.2 (2506)", "Rédaction de comptes rendus",
                    null, "Hébergeur HDS, France", ToolRegister.HdsStatus.CERTIFIED, null, null, null, null, null, true);
            assertThat(register.describe("hds-cloud", restored, "admin", "admin").version()).isEqualTo(2);
            assertThat(upstreams.route("mistral-small-3.2", ConfidentialityLevel.HDS)).extracting(GatewayProperties.Upstream::name)
                    .containsExactly("hds-cloud");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'register.update'").query(Long.class).single()).isEqualTo(2);
            assertThat(context.getBean(NoticeTools.class).tools()).singleElement()
                    .satisfies(t -> assertThat(t.name()).isEqualTo("mistral-small-3.2 (2506) (Mistral AI)"));

            // Case sets from JSONL and CSV (quoted multi-line fields), with line numbers on errors.
            CaseSets sets = context.getBean(CaseSets.class);
            List<BenchCase> jsonl = sets.parse("cas.jsonl", """
                    {"id": "angine", "source": "Médecin : angine, amoxicilline 1 g matin et soir.", "reference": "Angine. Amoxicilline 1 g x2."}
                    {"id": "hta", "source": "Tension 150/90.", "reference": "HTA 150/90."}
                    """.getBytes(StandardCharsets.UTF_8));
            assertThat(jsonl).extracting(BenchCase::key).containsExactly("angine", "hta");
            List<BenchCase> csv = sets.parse("cas.csv", "id,source,reference\nc1,\"Ligne 1\nligne 2, avec virgule\",Référence\n"
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(csv).singleElement().satisfies(c -> assertThat(c.source()).isEqualTo("Ligne 1\nligne 2, avec virgule"));
            assertThatThrownBy(() -> sets.parse("bad.jsonl", "{\"id\": \"x\", \"source\": \"s\"}\n".getBytes(StandardCharsets.UTF_8)))
                    .hasMessageContaining("line 1");
            assertThatThrownBy(() -> sets.parse("bad.csv", new byte[] {(byte) 0xff, 0x41})).hasMessageContaining("UTF-8");
            long setId = sets.store("Angines", "import", jsonl, "referent");
            assertThat(sets.cases(setId)).extracting(c -> c.value().key()).containsExactly("angine", "hta");
            assertThat(sets.find(setId)).hasValueSatisfying(s -> assertThat(s.cases()).isEqualTo(2));

            // Transparency: counts by upstream, use case and category from gateway events only.
            jdbc.sql("""
                    INSERT INTO audit_event (seq, request_id, occurred_at, actor, action, use_case, upstream, level, outcome, http_status,
                        latency_ms, overhead_us, categories, findings, content_level, prev_hash, hash)
                    VALUES (1000, 'req_t1', CURRENT_TIMESTAMP, 'dr.martin', 'chat.completions', 'compte-rendu', 'hds-cloud', 'hds', 'released', 200,
                        10, 10, 'DATE=2,NOM=1', '', 'metadata', ?, ?),
                           (1001, 'req_t2', CURRENT_TIMESTAMP, 'dr.martin', 'chat.completions', 'compte-rendu', 'hds-cloud', 'hds', 'released', 200,
                        10, 10, 'NOM=3', '', 'metadata', ?, ?),
                           (1002, 'req_t3', CURRENT_TIMESTAMP, 'dr.martin', 'chat.completions', 'default', 'hds-cloud', 'hds', 'refused_identifying_data', 422,
                        10, 10, 'SECU=1', '', 'metadata', ?, ?)""")
                    .params("0".repeat(64), "1".repeat(64), "1".repeat(64), "2".repeat(64), "2".repeat(64), "3".repeat(64)).update();
            TransparencyReport.Report report = context.getBean(TransparencyReport.class)
                    .over(Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(1, ChronoUnit.DAYS));
            TransparencyReport.ToolLine line = report.tools().stream().filter(t -> t.upstream().equals("hds-cloud")).findFirst().orElseThrow();
            assertThat(line.requests()).containsExactly(Map.entry("compte-rendu", 2L));
            assertThat(line.categories()).containsExactly(Map.entry("DATE", 2L), Map.entry("NOM", 4L));
            assertThat(line.refused()).isEqualTo(1);
            assertThat(line.provider()).isEqualTo("Mistral AI");
            assertThat(report.tools().stream().filter(t -> t.upstream().equals("local")).findFirst().orElseThrow().pseudonymized()).isFalse();
        }
    }
}
