package io.tickstock.processor.topology;

import static io.tickstock.processor.topology.TickChannelTest.T0;
import static io.tickstock.processor.topology.TickChannelTest.WALL_CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.Aggregate;
import io.tickstock.model.Channel;
import io.tickstock.model.DeadLetters;
import io.tickstock.model.EventType;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.Topics;
import io.tickstock.model.Trade;
import io.tickstock.model.serde.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Channel isolation: a poison record on one channel's topic goes to the dead-letter topic with its reason, channel
 * and coordinates, and every channel, its own included, keeps producing events.
 */
class PoisonRecordsTest {

    private static final JsonSerde<IngestedMessage> INGESTED = new JsonSerde<>(IngestedMessage.class);

    private ProcessorDriver processor = new ProcessorDriver(Instant.ofEpochMilli(WALL_CLOCK));

    @AfterEach
    void close() {
        processor.close();
    }

    private static String json(Object msg) {
        return INGESTED.toJson(IngestedMessage.of("test", T0, (io.tickstock.model.MarketMessage) msg));
    }

    /** One valid event per channel before and after the poison: proves nothing stopped. */
    private void goodRound(int round) {
        long t = T0 + round * 120_000L;
        processor.send(new Trade(Feed.T, "GOOD", 4, "a" + round, null, 100 + round * 10, 100, null, t));
        processor.send(new Trade(Feed.T, "GOOD", 4, "b" + round, null, 101 + round * 10, 100, null, t + 2_000));
        processor.send(Aggregate.bar(Feed.AM, "BARS", 100, 103, 100, 103, 1_000, t, t + 60_000));
        processor.send(new FairMarketValue(Feed.FMV, "QUOT", 110, 100.0, 0.9, (t + 1) * 1_000_000));
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # what            | topic               | reason            | channel
            not json          | tickstock.raw.tick  | not_json          | tick
            array             | tickstock.raw.tick  | not_object        | tick
            unknown ev        | tickstock.raw.ohlcv | unknown_ev        | ohlcv
            missing field     | tickstock.raw.fmv   | missing_field     | fmv
            tombstone         | tickstock.raw.ohlcv | null_value        | ohlcv
            fmv on tick       | tickstock.raw.tick  | wrong_feed        | tick
            trade on ohlcv    | tickstock.raw.ohlcv | wrong_feed        | ohlcv
            A bar on ohlcv    | tickstock.raw.ohlcv | wrong_feed        | ohlcv
            negative price    | tickstock.raw.tick  | price_not_positive| tick
            negative size     | tickstock.raw.tick  | size_negative     | tick
            bar high too low  | tickstock.raw.ohlcv | bar_inconsistent  | ohlcv
            bar ends early    | tickstock.raw.ohlcv | bar_end_not_after_start | ohlcv
            conf above one    | tickstock.raw.fmv   | confidence_out_of_range | fmv
            zero fmv          | tickstock.raw.fmv   | price_not_positive| fmv
            key mismatch      | tickstock.raw.fmv   | key_mismatch      | fmv
            """)
    void aPoisonRecordIsDeadLetteredAndEveryChannelGoesOn(String what, String topic, String reason, String channel) {
        goodRound(0);
        String value = poison(what);
        processor.sendRaw(topic, what.equals("key mismatch") ? "OTHER" : "POISON", value, T0 + 100_000);
        goodRound(1);

        List<MarketEvent> events = processor.events();
        assertThat(events).extracting(MarketEvent::channel)
                .containsOnly(Channel.TICK, Channel.OHLCV, Channel.FMV);
        assertThat(events.stream().filter(e -> e.eventTime() > T0 + 100_000).map(MarketEvent::type))
                .contains(EventType.HIGH, EventType.BREAKOUT, EventType.FMV_DEVIATION);
        assertThat(processor.deadLetters).hasSize(1);
        ProducerRecord<byte[], byte[]> dead = processor.deadLetters.get(0);
        assertThat(dead.topic()).isEqualTo(Topics.PROCESSOR_DLQ);
        assertThat(ProcessorDriver.header(dead, DeadLetters.REASON)).isEqualTo(reason);
        assertThat(ProcessorDriver.header(dead, DeadLetters.CHANNEL)).isEqualTo(channel);
        assertThat(ProcessorDriver.header(dead, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(topic);
        assertThat(ProcessorDriver.header(dead, DeadLetters.ORIGINAL_PARTITION)).isEqualTo("0");
        assertThat(ProcessorDriver.header(dead, DeadLetters.ORIGINAL_OFFSET)).matches("\\d+");
        assertThat(ProcessorDriver.header(dead, DeadLetters.DETAIL)).isNotBlank();
        assertThat(dead.value() == null ? null : new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(value);
        assertThat(processor.counter("tickstock.channel.dlq", "channel", channel, "reason", reason)).isEqualTo(1);
        assertThat(processor.counter("tickstock.channel.invalid", "channel", channel)).isEqualTo(1);
        assertThat(processor.counter("tickstock.channel.dlq")).isEqualTo(1);
    }

    private static String poison(String what) {
        long s = T0 + 100_000;
        return switch (what) {
            case "not json" -> "{not json";
            case "array" -> "[" + json(Trade.of("POISON", 4, "1", 1, 1, s)) + "]";
            case "unknown ev" -> "{\"v\":1,\"provider\":\"t\",\"ingestTs\":1,\"msg\":{\"ev\":\"Q\",\"sym\":\"POISON\"}}";
            case "missing field" -> "{\"v\":1,\"provider\":\"t\",\"ingestTs\":1,\"msg\":{\"ev\":\"FMV\",\"sym\":\"POISON\"}}";
            case "tombstone" -> null;
            case "fmv on tick" -> json(new FairMarketValue(Feed.FMV, "POISON", 10, null, null, s * 1_000_000));
            case "trade on ohlcv" -> json(Trade.of("POISON", 4, "1", 10, 1, s));
            case "A bar on ohlcv" -> json(Aggregate.bar(Feed.A, "POISON", 10, 10, 10, 10, 1, s, s + 1_000));
            case "negative price" -> json(Trade.of("POISON", 4, "1", -10, 1, s));
            case "negative size" -> json(Trade.of("POISON", 4, "1", 10, -1, s));
            case "bar high too low" -> json(Aggregate.bar(Feed.AM, "POISON", 10, 10.5, 9, 11, 1, s, s + 60_000));
            case "bar ends early" -> json(Aggregate.bar(Feed.AM, "POISON", 10, 10, 10, 10, 1, s, s));
            case "conf above one" -> json(new FairMarketValue(Feed.FMV, "POISON", 10, null, 2.0, s * 1_000_000));
            case "zero fmv" -> json(new FairMarketValue(Feed.FMV, "POISON", 0, null, null, s * 1_000_000));
            case "key mismatch" -> json(new FairMarketValue(Feed.FMV, "POISON", 10, null, null, s * 1_000_000));
            default -> throw new IllegalArgumentException(what);
        };
    }
}
