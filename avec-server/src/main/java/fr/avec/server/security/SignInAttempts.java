package fr.avec.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins counted per account and per client address: after too many failures within the
 * window, further attempts are refused without checking the password until the lock expires. Per
 * instance (behind N instances an attacker gets at most N times the budget); the Argon2id hash already
 * makes each guess slow.
 */
@Component
public class SignInAttempts {

    private static final int MAX_TRACKED = 100_000;

    private final int perAccount;
    private final int perAddress;
    private final Duration lock;
    private final Clock clock;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    private static final class Counter {
        int failures;
        Instant windowStart;
        Instant lockedUntil = Instant.MIN;
    }

    @Autowired
    public SignInAttempts(@Value("${avec.sign-in.max-failures-per-account:5}") int perAccount,
                          @Value("${avec.sign-in.max-failures-per-address:20}") int perAddress,
                          @Value("${avec.sign-in.lock:15m}") Duration lock) {
        this(perAccount, perAddress, lock, Clock.systemUTC());
    }

    SignInAttempts(int perAccount, int perAddress, Duration lock, Clock clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.lock = lock;
        this.clock = clock;
    }

    /** How long sign-in stays refused for this account or address; zero when it is allowed. */
    public Duration lockedFor(String account, String address) {
        Instant now = clock.instant();
        Instant until = max(lockedUntil("a:" + normalise(account)), lockedUntil("i:" + address));
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** Counts a failed attempt against the account and the address. */
    public void failed(String account, String address) {
        count("a:" + normalise(account), perAccount);
        count("i:" + address, perAddress);
    }

    /** A successful sign-in clears the account's failures (not the address's: one good account must not reset a spray). */
    public void succeeded(String account) {
        counters.remove("a:" + normalise(account));
    }

    /** The lock duration, for the message shown. */
    public Duration lock() {
        return lock;
    }

    private Instant lockedUntil(String key) {
        Counter counter = counters.get(key);
        if (counter == null) {
            return Instant.MIN;
        }
        synchronized (counter) {
            return counter.lockedUntil;
        }
    }

    private void count(String key, int limit) {
        if (limit <= 0) {
            return;
        }
        Instant now = clock.instant();
        if (counters.size() > MAX_TRACKED) {
            counters.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().windowStart.plus(lock).isBefore(now) && e.getValue().lockedUntil.isBefore(now);
                }
            });
        }
        Counter counter = counters.computeIfAbsent(key, k -> new Counter());
        synchronized (counter) {
            if (counter.windowStart == null || counter.windowStart.plus(lock).isBefore(now)) {
                counter.windowStart = now;
                counter.failures = 0;
            }
            counter.failures++;
            if (counter.failures >= limit) {
                counter.lockedUntil = now.plus(lock);
                counter.failures = 0;
                counter.windowStart = now;
            }
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String normalise(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }
}
