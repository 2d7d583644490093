package io.tickstock.processor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineHealthChecksTest {

    @ParameterizedTest(name = "{0}, closing {1}: ready {2}, alive {3}")
    @CsvSource(textBlock = """
            CREATED,          false, false, true
            REBALANCING,      false, false, true
            RUNNING,          false, true,  true
            PENDING_SHUTDOWN, false, false, false
            NOT_RUNNING,      false, false, false
            PENDING_SHUTDOWN, true,  false, true
            NOT_RUNNING,      true,  false, true
            PENDING_ERROR,    false, false, false
            ERROR,            true,  false, false
            """)
    void readyOnlyWhenRunningAliveUnlessFailedOrStoppedUnasked(State state, boolean closing, boolean ready,
            boolean alive) {
        assertThat(EngineHealthChecks.isReady(state)).isEqualTo(ready);
        assertThat(EngineHealthChecks.isAlive(state, closing)).isEqualTo(alive);
    }
}
