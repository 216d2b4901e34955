package fr.avec.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates API keys and resolves a presented key to its {@link Caller}. Only the SHA-256 of a key is
 * stored; resolved keys are cached briefly so that the database is not read on every request, which
 * bounds how long a revoked key keeps working to {@link #CACHE_TTL}.
 */
@Component
public class ApiKeys {

    /** Prefix of every key, so that a leaked key is recognisable by secret scanners. */
    public static final String PREFIX = "avec_";
    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final int CACHE_LIMIT = 10_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<Caller> caller, Instant expires) {
    }

    /** A key just created: the secret is available only here. */
    public record CreatedKey(String user, Role role, String secret, boolean userCreated) {
    }

    @org.springframework.beans.factory.annotation.Autowired
    public ApiKeys(JdbcClient jdbc, TransactionTemplate transactions) {
        this(jdbc, transactions, Clock.systemUTC());
    }

    ApiKeys(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Creates a key for a user, creating the user with the role when absent. An existing user keeps
     * the role already recorded unless another one is asked for explicitly.
     */
    public CreatedKey create(String user, Optional<Role> role, Set<String> useCases, Integer ratePerMinute) {
        if (user == null || user.isBlank() || user.length() > 128) {
            throw new IllegalArgumentException("a user name of 1 to 128 characters is required");
        }
        String name = user.trim();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String scopes = useCases.isEmpty() ? "*" : String.join(",", new LinkedHashSet<>(useCases));
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return transactions.execute(status -> {
            Optional<UserRow> existing = findUser(name);
            boolean created = existing.isEmpty();
            Role effective;
            long userId;
            if (created) {
                effective = role.orElse(Role.CLINICIAN);
                jdbc.sql("INSERT INTO avec_user (name, role, created_at) VALUES (?, ?, ?)")
                        .params(name, effective.id(), now).update();
                userId = findUser(name).orElseThrow().id();
            } else {
                userId = existing.get().id();
                effective = role.orElse(existing.get().role());
                if (effective != existing.get().role()) {
                    jdbc.sql("UPDATE avec_user SET role = ? WHERE id = ?").params(effective.id(), userId).update();
                }
            }
            jdbc.sql("INSERT INTO api_key (user_id, key_prefix, key_hash, use_cases, rate_per_minute, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(userId, secret.substring(0, 12), hash(secret), scopes, ratePerMinute, now).update();
            return new CreatedKey(name, effective, secret, created);
        });
    }

    /** The caller a presented key belongs to, if the key exists and is not revoked. */
    public Optional<Caller> resolve(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(presented);
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.caller();
        }
        Optional<Caller> caller = jdbc.sql("""
                        SELECT u.name, u.role, k.id, k.use_cases, k.rate_per_minute
                        FROM api_key k JOIN avec_user u ON u.id = k.user_id
                        WHERE k.key_hash = ? AND k.revoked_at IS NULL""")
                .param(hash)
                .query((rs, n) -> new Caller(rs.getString(1), Role.parse(rs.getString(2)), rs.getLong(3),
                        Set.copyOf(Arrays.asList(rs.getString(4).split(","))), rs.getInt(5)))
                .optional();
        if (cache.size() > CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(hash, new Cached(caller, now.plus(CACHE_TTL)));
        return caller;
    }

    private record UserRow(long id, Role role) {
    }

    private Optional<UserRow> findUser(String name) {
        return jdbc.sql("SELECT id, role FROM avec_user WHERE name = ?").param(name)
                .query((rs, n) -> new UserRow(rs.getLong(1), Role.parse(rs.getString(2)))).optional();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
