package fr.avec.server.learn;

import fr.avec.server.audit.AuditEvent;
import fr.avec.server.audit.AuditTrail;
import fr.avec.server.gateway.ConfidentialityLevel;
import fr.avec.server.gateway.GatewayProperties;
import fr.avec.server.gateway.UpstreamLevels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register of AI tools: each configured upstream described for people (provider, model and version,
 * purpose, hosting and HDS status, the provider's reuse of data, retention, medical-device status, known
 * limits) with the confidentiality level the gateway routes with. Every edit is a new version, and its hash
 * is recorded in the audit trail in the same transaction, so a change without its audit event cannot exist.
 * The declared level reaches the gateway only to LOWER an upstream's trust ({@link UpstreamLevels}).
 */
@Component
public class ToolRegister implements UpstreamLevels {

    /** How long a declared level may be stale on another instance sharing the database. */
    static final Duration REFRESH = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final List<GatewayProperties.Upstream> configured;
    private final Clock clock = Clock.systemUTC();
    private volatile Map<String, ConfidentialityLevel> declared = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    /** Whether the host holds the French health-data hosting certification. */
    public enum HdsStatus {
        /** Runs inside the establishment: no host involved. */
        NOT_APPLICABLE,
        CERTIFIED,
        NOT_CERTIFIED,
        UNKNOWN;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static HdsStatus parse(String id) {
            for (HdsStatus status : values()) {
                if (status.id().equals(id)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("unknown HDS status " + id);
        }
    }

    /**
     * What a person writes about a tool.
     *
     * @param level the level the gateway must use, or null to keep the configured one; never more trusted than it
     * @param inUse whether the tool is in use with patients (listed in the patient notice)
     */
    public record Description(String provider, String modelVersion, String purpose, String purposeEn, String hosting, HdsStatus hdsStatus,
                              String dataReuse, String retention, String medicalDevice, String knownLimits, ConfidentialityLevel level,
                              boolean inUse) {
        public Description {
            provider = clean(provider, 200);
            modelVersion = clean(modelVersion, 200);
            purpose = clean(purpose, 2000);
            purposeEn = clean(purposeEn, 2000);
            hosting = clean(hosting, 1000);
            hdsStatus = hdsStatus == null ? HdsStatus.UNKNOWN : hdsStatus;
            dataReuse = clean(dataReuse, 2000);
            retention = clean(retention, 500);
            medicalDevice = clean(medicalDevice, 500);
            knownLimits = clean(knownLimits, 4000);
        }

        /** The canonical text hashed into the audit trail: every field, length-prefixed, in a fixed order. */
        String canonical(String upstream, int version) {
            StringBuilder text = new StringBuilder();
            for (Object field : new Object[] {upstream, version, provider, modelVersion, purpose, purposeEn, hosting, hdsStatus.id(),
                    dataReuse, retention, medicalDevice, knownLimits, level == null ? null : level.id(), inUse}) {
                String value = field == null ? "\u0000" : field.toString();
                text.append(value.length()).append(':').append(value).append('|');
            }
            return text.toString();
        }
    }

    /** One stored version. */
    public record Version(String upstream, int version, Description description, Instant changedAt, String changedBy, String contentHash) {
    }

    /**
     * A configured upstream with its register entry.
     *
     * @param configured the upstream as configured
     * @param current    the latest register version, or null when it was never described
     * @param effective  the level the gateway routes with
     */
    public record Tool(GatewayProperties.Upstream configured, Version current, ConfidentialityLevel effective) {
        public String name() {
            return configured.name();
        }

        public boolean described() {
            return current != null;
        }

        public boolean lowered() {
            return effective != configured.level();
        }
    }

    public ToolRegister(JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit, GatewayProperties gateway) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.configured = gateway.upstreams();
    }

    @Override
    public Map<String, ConfidentialityLevel> declared() {
        if (Duration.between(loadedAt, clock.instant()).compareTo(REFRESH) > 0) {
            try {
                reload();
            } catch (RuntimeException databaseDown) {
                // Keep the last declarations: a lowered level stays lowered while the database is away.
            }
        }
        return declared;
    }

    private synchronized void reload() {
        Map<String, ConfidentialityLevel> levels = new LinkedHashMap<>();
        for (Version version : latest().values()) {
            if (version.description().level() != null) {
                levels.put(version.upstream(), version.description().level());
            }
        }
        Map<String, ConfidentialityLevel> fresh = Map.copyOf(levels);
        if (!fresh.equals(declared)) {
            declared = fresh;
        }
        loadedAt = clock.instant();
    }

    /** Every configured upstream with its entry, in configuration order. */
    public List<Tool> tools() {
        Map<String, Version> latest = latest();
        List<Tool> tools = new ArrayList<>();
        for (GatewayProperties.Upstream upstream : configured) {
            tools.add(tool(upstream, latest.get(upstream.name())));
        }
        return tools;
    }

    /** One configured upstream with its entry. */
    public Optional<Tool> tool(String name) {
        return configured.stream().filter(u -> u.name().equals(name)).findFirst()
                .map(u -> tool(u, history(name).stream().findFirst().orElse(null)));
    }

    private static Tool tool(GatewayProperties.Upstream upstream, Version current) {
        ConfidentialityLevel declared = current == null ? null : current.description().level();
        ConfidentialityLevel effective = declared != null && !declared.atLeast(upstream.level()) ? declared : upstream.level();
        return new Tool(upstream, current, effective);
    }

    /** Every version of one entry, newest first. */
    public List<Version> history(String upstream) {
        return jdbc.sql("SELECT * FROM tool_register_entry WHERE upstream = ? ORDER BY version DESC").param(upstream)
                .query((rs, n) -> version(rs)).list();
    }

    private Map<String, Version> latest() {
        Map<String, Version> latest = new LinkedHashMap<>();
        for (Version version : jdbc.sql("SELECT e.* FROM tool_register_entry e WHERE e.version = "
                + "(SELECT MAX(v.version) FROM tool_register_entry v WHERE v.upstream = e.upstream)").query((rs, n) -> version(rs)).list()) {
            latest.put(version.upstream(), version);
        }
        return latest;
    }

    /**
     * Records a new version of a tool's description and its audit event, together.
     *
     * @throws IllegalArgumentException when the upstream is not configured or the level would raise its trust
     */
    public Version describe(String upstream, Description description, String actor, String actorRole) {
        GatewayProperties.Upstream configuredUpstream = configured.stream().filter(u -> u.name().equals(upstream)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no configured upstream " + upstream));
        if (description.level() != null && description.level() != configuredUpstream.level()
                && description.level().atLeast(configuredUpstream.level())) {
            throw new LevelRaised(configuredUpstream.level());
        }
        Instant now = clock.instant();
        Version saved = transactions.execute(status -> {
            Integer last = jdbc.sql("SELECT MAX(version) FROM tool_register_entry WHERE upstream = ?").param(upstream)
                    .query(Integer.class).optional().orElse(null);
            int version = last == null ? 1 : last + 1;
            String hash = sha256(description.canonical(upstream, version));
            jdbc.sql("""
                    INSERT INTO tool_register_entry (upstream, version, provider, model_version, purpose, purpose_en, hosting, hds_status,
                        data_reuse, retention, medical_device, known_limits, level, in_use, changed_at, changed_by, content_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(upstream, version, description.provider(), description.modelVersion(), description.purpose(), description.purposeEn(),
                            description.hosting(), description.hdsStatus().id(), description.dataReuse(), description.retention(),
                            description.medicalDevice(), description.knownLimits(),
                            description.level() == null ? null : description.level().id(), description.inUse(),
                            OffsetDateTime.ofInstant(now, ZoneOffset.UTC), actor, hash)
                    .update();
            ConfidentialityLevel effective = tool(configuredUpstream, new Version(upstream, version, description, now, actor, hash)).effective();
            // Recorded before the commit: if the audit trail cannot take it, the change is rolled back (fail closed).
            audit.record(new AuditEvent("reg_" + UUID.randomUUID().toString().replace("-", ""), now, actor, actorRole, "register.update",
                    null, upstream, null, effective.id(), "recorded", 200, null, null, 0, 0, Map.of(), Map.of(), null, null, null, null,
                    "metadata", "version=" + version + ";sha256=" + hash));
            return new Version(upstream, version, description, now, actor, hash);
        });
        reload();
        return Objects.requireNonNull(saved);
    }

    /** A register edit tried to trust an upstream more than its configuration does. */
    public static final class LevelRaised extends IllegalArgumentException {
        private final ConfidentialityLevel configured;

        LevelRaised(ConfidentialityLevel configured) {
            super("the register may only lower an upstream's level below its configured " + configured.id());
            this.configured = configured;
        }

        public ConfidentialityLevel configured() {
            return configured;
        }
    }

    /** Whether a stored version's hash still matches its content (the audit event holds the same hash). */
    public static boolean intact(Version version) {
        return sha256(version.description().canonical(version.upstream(), version.version())).equals(version.contentHash());
    }

    private static Version version(ResultSet rs) throws SQLException {
        String level = rs.getString("level");
        Description description = new Description(rs.getString("provider"), rs.getString("model_version"), rs.getString("purpose"),
                rs.getString("purpose_en"), rs.getString("hosting"), HdsStatus.parse(rs.getString("hds_status")), rs.getString("data_reuse"),
                rs.getString("retention"), rs.getString("medical_device"), rs.getString("known_limits"),
                level == null ? null : ConfidentialityLevel.valueOf(level.toUpperCase(Locale.ROOT)), rs.getBoolean("in_use"));
        return new Version(rs.getString("upstream"), rs.getInt("version"), description,
                rs.getObject("changed_at", OffsetDateTime.class).toInstant(), rs.getString("changed_by"), rs.getString("content_hash").trim());
    }

    private static String clean(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new IllegalArgumentException("a field is longer than " + max + " characters");
        }
        return stripped;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
