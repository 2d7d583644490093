package io.tickstock.perf.expect;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.SourceContext;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.perf.integrity.IdSpace;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CommittedEventsTest {

    private static final String RAW = "tickstock.raw.tick";
    private static final long RUN_START = 1_000_000;
    private final IdSpace ids = new IdSpace();
    private final CommittedEvents committed =
            new CommittedEvents(ids, Map.of(new TopicPartition(RAW, 0), 100L), RUN_START);
    private long offset;

    private void commit(String id, String topic, long rawOffset, long ingestTs) {
        MarketEvent event = new MarketEvent(1, id, EventType.HIGH, "AAPL", Direction.UP, 190.5, 1, Channel.TICK,
                ingestTs, ingestTs + 2, Map.of(), new SourceContext("simulator", Feed.T, ingestTs, ingestTs, topic, 0,
                        rawOffset, "T|AAPL|1|" + ingestTs + "|4"));
        byte[] value = new JsonSerde<>(MarketEvent.class).serialize("tickstock.events", event);
        committed.record(new ConsumerRecord<>("tickstock.events", 0, offset++, "AAPL".getBytes(), value), 42);
    }

    @Test
    void anEventBelongsToTheRunWhenItsInputLiesPastWhereTheRawTopicEndedAtTheStart() {
        commit("before", RAW, 99, RUN_START + 5);
        commit("first", RAW, 100, RUN_START + 5);
        commit("unknown-topic-late", "other.raw", 0, RUN_START + 1);
        commit("unknown-topic-early", "other.raw", 0, RUN_START - 1);

        assertThat(committed.facts()).extracting(EventFact::inRun).containsExactly(false, true, true, false);
        assertThat(committed.numbers(EventFact::inRun).cardinality()).isEqualTo(2);
        EventFact fact = committed.facts().get(1);
        assertThat(ids.id(fact.number())).isEqualTo("first");
        assertThat(fact.type()).isEqualTo("high");
        assertThat(fact.channel()).isEqualTo("tick");
        assertThat(fact.feed()).isEqualTo("T");
        assertThat(fact.readAtMillis()).isEqualTo(42);
    }

    @Test
    void theSameIdCommittedTwiceIsCounted() {
        commit("a", RAW, 100, RUN_START);
        commit("b", RAW, 101, RUN_START);
        commit("a", RAW, 102, RUN_START);

        assertThat(committed.repeatedIds()).isEqualTo(1);
        assertThat(ids.id(committed.repeated().nextSetBit(0))).isEqualTo("a");
        assertThat(committed.count()).isEqualTo(3);
        assertThat(committed.factsFrom(2)).hasSize(1);
        assertThat(committed.factsFrom(3)).isEmpty();
    }

    @Test
    void aRecordThatIsNotAnEventIsCountedNotKept() {
        committed.record(new ConsumerRecord<>("tickstock.events", 0, 0, null,
                "{\"not\":\"an event\"}".getBytes(StandardCharsets.UTF_8)), 1);

        assertThat(committed.malformed()).isEqualTo(1);
        assertThat(committed.facts()).isEmpty();
    }
}
