package org.santeatlas.importers.pull;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Retries of one request after a timeout, a lost connection, a body cut short or a 5xx (or 429) answer:
 * exponential backoff with jitter, so that many clients that lost the same server do not come back in
 * step. 4xx answers are never retried: asking again changes nothing.
 *
 * @param maxAttempts  attempts in all, the first included (1: no retry)
 * @param initialDelay the wait before the second attempt, doubled before each next one
 * @param maxDelay     the longest wait between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    /** 5 attempts, waiting about 2, 4, 8 and 16 s: rides out a server restart or a dropped mobile link. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(60));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
    }

    public RetryPolicy withMaxAttempts(int n) {
        return new RetryPolicy(n, initialDelay, maxDelay);
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based): {@code initialDelay · 2^(attempt-1)}, capped,
     * then drawn uniformly from its upper half ("equal jitter") so that it never collapses to zero.
     */
    public Duration delayAfter(int attempt, RandomGenerator random) {
        long base = initialDelay.toMillis();
        long cap = maxDelay.toMillis();
        long exp = base;
        for (int i = 1; i < attempt && exp < cap; i++) {
            exp *= 2;
        }
        exp = Math.min(exp, cap);
        if (exp <= 1) {
            return Duration.ofMillis(exp);
        }
        long half = exp / 2;
        return Duration.ofMillis(half + random.nextLong(exp - half + 1));
    }
}
