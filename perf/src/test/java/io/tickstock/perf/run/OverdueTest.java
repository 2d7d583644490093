package io.tickstock.perf.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.SourceContext;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.perf.client.PerfClient;
import io.tickstock.perf.client.Subscription;
import io.tickstock.perf.expect.CommittedEvents;
import io.tickstock.perf.integrity.IdSpace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OverdueTest {

    private final IdSpace ids = new IdSpace();
    private final CommittedEvents committed =
            new CommittedEvents(ids, Map.of(new TopicPartition("raw", 0), 0L), 0);
    private final PerfClient highs = new PerfClient("highs", Subscription.of("high.*"), false, Optional.empty(),
            (c, e, t) -> { });
    private final PerfClient stalled = new PerfClient("stalled", Subscription.of("*.*"), true, Optional.empty(),
            (c, e, t) -> { });
    private final PhaseClock phases = new PhaseClock();

    private void commit(String id, EventType type, long ingestTs, long readAt) {
        MarketEvent event = new MarketEvent(1, id, type, "AAPL", Direction.UP, 1, 1, Channel.TICK, 0, 0, Map.of(),
                new SourceContext("simulator", Feed.T, 0, ingestTs, "raw", 0, 5, "T|AAPL|1|0|4"));
        committed.record(new ConsumerRecord<>("events", 0, 0, null,
                new JsonSerde<>(MarketEvent.class).serialize("events", event)), readAt);
    }

    @Test
    void anEventIsOverdueOnceTheGraceHasPassedAndUntilItArrives() {
        phases.begin(0);
        phases.begin(1_000);
        Overdue overdue = new Overdue(committed, List.of(highs, stalled), 5_000);
        commit("h1", EventType.HIGH, 500, 10_000);
        commit("h2", EventType.HIGH, 1_500, 12_000);
        commit("l1", EventType.LOW, 1_500, 10_000);

        assertThat(overdue.check(14_999)).as("within the grace").isZero();
        assertThat(overdue.check(15_000)).as("h1 is owed; l1 is not subscribed; the stalled client is not judged")
                .isEqualTo(1);
        assertThat(overdue.check(17_000)).isEqualTo(2);
        assertThat(overdue.inPhase(0, phases)).isEqualTo(1);
        assertThat(overdue.inPhase(1, phases)).isEqualTo(1);

        highs.receipts().receive(ids.numberOf("h1"));
        assertThat(overdue.check(17_000)).as("late, not lost").isEqualTo(1);
        assertThat(overdue.inPhase(0, phases)).isZero();
    }
}
