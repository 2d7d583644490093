package io.tickstock.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstock.ingest.metrics.IngestCounters;
import io.tickstock.ingest.metrics.RejectLog;
import io.tickstock.ingest.normalize.FrameReader;
import io.tickstock.ingest.publish.Publisher;
import io.tickstock.ingest.validate.Rules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Intakes for tests, with the production limits and a clock fixed at {@link #NOW}. */
public final class TestIntakes {

    /** 2024-01-02T15:00:00Z, a Tuesday during the regular session. */
    public static final long NOW = Instant.parse("2024-01-02T15:00:00Z").toEpochMilli();
    public static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
    public static final int MAX_FRAME = 1 << 20;
    public static final int MAX_MESSAGE = 64 * 1024;

    private TestIntakes() {
    }

    public static Intake fixedClock(Publisher publisher) {
        return new Intake(new FrameReader(MAX_FRAME, MAX_MESSAGE), new Rules(CLOCK, Duration.ofDays(1)), publisher,
                new IngestCounters(new SimpleMeterRegistry()), new RejectLog(CLOCK, 5));
    }

    /** With the real clock, for sources that stamp the current time. */
    public static Intake wallClock(Publisher publisher) {
        return new Intake(new FrameReader(MAX_FRAME, MAX_MESSAGE), new Rules(Clock.systemUTC(), Duration.ofDays(1)),
                publisher, new IngestCounters(new SimpleMeterRegistry()), new RejectLog(Clock.systemUTC(), 5));
    }
}
