package io.tickstock.gateway.socket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstPassesThenTheAverageRateRefills() {
        RateLimiter limiter = new RateLimiter(10, 3, 0);

        assertThat(limiter.tryAcquire(0)).isTrue();
        assertThat(limiter.tryAcquire(0)).isTrue();
        assertThat(limiter.tryAcquire(0)).isTrue();
        assertThat(limiter.tryAcquire(0)).isFalse();
        assertThat(limiter.tryAcquire(SECOND / 10)).as("one token after a tenth of a second").isTrue();
        assertThat(limiter.tryAcquire(SECOND / 10)).isFalse();
        assertThat(limiter.tryAcquire(100 * SECOND)).as("refills only up to the burst").isTrue();
        assertThat(limiter.tryAcquire(100 * SECOND)).isTrue();
        assertThat(limiter.tryAcquire(100 * SECOND)).isTrue();
        assertThat(limiter.tryAcquire(100 * SECOND)).isFalse();
    }

    @Test
    void warnsAtMostOnceASecond() {
        RateLimiter limiter = new RateLimiter(1, 1, 0);

        assertThat(limiter.shouldWarn(0)).isTrue();
        assertThat(limiter.shouldWarn(SECOND / 2)).isFalse();
        assertThat(limiter.shouldWarn(SECOND)).isTrue();
    }
}
