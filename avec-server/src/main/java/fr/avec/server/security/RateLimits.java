package fr.avec.server.security;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key, refilled continuously: a key may burst up to its per-minute budget and
 * then sustain that rate. Per gateway instance: behind a load balancer of N instances a key gets at
 * most N times its budget.
 */
public final class RateLimits {

    private final int defaultPerMinute;
    private final ConcurrentHashMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(int defaultPerMinute) {
        this.defaultPerMinute = defaultPerMinute;
    }

    /** Takes one request from the caller's budget; false when the budget is spent. */
    public boolean tryAcquire(Caller caller) {
        int perMinute = caller.ratePerMinute() > 0 ? caller.ratePerMinute() : defaultPerMinute;
        if (perMinute <= 0) {
            return true;
        }
        return buckets.computeIfAbsent(caller.keyId(), id -> new Bucket(perMinute)).tryAcquire(perMinute, System.nanoTime());
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int capacity) {
            this.tokens = capacity;
            this.last = System.nanoTime();
        }

        synchronized boolean tryAcquire(int perMinute, long now) {
            tokens = Math.min(perMinute, tokens + (now - last) * perMinute / 60e9);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
