package io.tickstock.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.Feed;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedRatesTest {

    private final Map<Feed, Long> counts = new EnumMap<>(Feed.class);

    private void set(long t, long fmv) {
        counts.put(Feed.T, t);
        counts.put(Feed.A, 0L);
        counts.put(Feed.AM, 0L);
        counts.put(Feed.FMV, fmv);
    }

    @Test
    void perSecondOverTenSecondsAndPerMinuteOverSixty() {
        FeedRates rates = new FeedRates(() -> new EnumMap<>(counts));
        set(0, 0);
        assertThat(rates.rates().get(Feed.T)).isEqualTo(new FeedRates.Rate(0, 0));
        for (int second = 0; second <= 70; second++) {
            // 500 trades a second for the first 60 s, then none; 2 FMV a second throughout
            set(Math.min(second, 60) * 500L, second * 2L);
            rates.sample();
        }

        assertThat(rates.rates().get(Feed.T)).isEqualTo(new FeedRates.Rate(0, 25_000));
        assertThat(rates.rates().get(Feed.FMV)).isEqualTo(new FeedRates.Rate(2, 120));
    }

    @Test
    void aShortHistoryIsExtrapolatedToAMinute() {
        FeedRates rates = new FeedRates(() -> new EnumMap<>(counts));
        for (int second = 0; second <= 5; second++) {
            set(second * 100L, 0);
            rates.sample();
        }
        assertThat(rates.rates().get(Feed.T)).isEqualTo(new FeedRates.Rate(100, 6_000));
    }
}
