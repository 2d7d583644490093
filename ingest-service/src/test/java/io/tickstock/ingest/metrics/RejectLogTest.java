package io.tickstock.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.ingest.Origin;
import io.tickstock.ingest.validate.Reason;
import io.tickstock.ingest.validate.Rejection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RejectLogTest {

    private long now = 1_000_000;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }
    };

    @Test
    void aFloodIsLoggedAtTheConfiguredRatePerSecond() {
        RejectLog log = new RejectLog(clock, 5);
        Origin origin = new Origin("provider", "test");
        Rejection rejection = Rejection.of(Reason.NOT_JSON, "garbage");
        List<Boolean> logged = new ArrayList<>();

        for (int second = 0; second < 3; second++) {
            for (int i = 0; i < 1_000; i++) {
                logged.add(log.log(origin, rejection));
            }
            now += 1_000;
        }

        assertThat(logged.stream().filter(Boolean::booleanValue)).hasSize(15);
        assertThat(logged.subList(0, 5)).containsOnly(true);
        assertThat(logged.subList(5, 1_000)).containsOnly(false);
        assertThat(logged.get(1_000)).isTrue();
    }
}
