package io.tickstock.processor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tickstock.model.Topics;
import io.tickstock.processor.detect.SessionCalendar;
import java.time.Duration;

/** What the channel processor reads from configuration ({@code tickstock.processor.*}, env {@code TICKSTOCK_PROCESSOR_*}). */
@ConfigMapping(prefix = "tickstock.processor")
public interface ProcessorConfig {

    TopicNames topics();

    Dedup dedup();

    Session session();

    HighLow highLow();

    interface TopicNames {
        @WithDefault(Topics.RAW_TICK)
        String tick();

        @WithDefault(Topics.EVENTS)
        String events();
    }

    interface Dedup {
        /** How long an input's identity is remembered (event time) to drop its re-deliveries (SPEC §5.1). */
        @WithDefault("10m")
        Duration retention();
    }

    interface Session {
        /** {@code always} (local/demo), {@code regular} (production) or {@code extended}. */
        @WithDefault("always")
        SessionCalendar calendar();
    }

    interface HighLow {
        /** Least event time between two {@code high} (or two {@code low}) events of one symbol. */
        @WithDefault("1s")
        Duration cooldown();
    }
}
