package io.tickstock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.Aggregate;
import io.tickstock.model.EventType;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Trade;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.testsupport.RunTopics;
import io.tickstock.stack.process.ServiceProcess;
import io.tickstock.testsupport.TestBroker;
import io.tickstock.testsupport.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once across a crash: the packaged processor is killed with SIGKILL in the middle of a mixed stream
 * (trades, per-second and minute bars, FMV quotes, a poison record), restarted on the same state directory, and
 * the events topic read with {@code read_committed} must hold every event of an uninterrupted run of the same
 * input exactly once: the same ids, none missing, none twice.
 */
@Tag("integration")
class ProcessorCrashIT {

    private static final int PARTITIONS = 3;
    private static final RunTopics TOPICS = RunTopics.create("crash", PARTITIONS);
    private static final long T0 = Instant.parse("2024-03-12T14:00:00Z").toEpochMilli();

    @Test
    void aKilledProcessorRestartsAndEveryEventIsCommittedExactlyOnce() throws Exception {
        RunTopics clean = TOPICS.withEvents(TOPICS.run() + ".events.clean", PARTITIONS);
        RunTopics crash = TOPICS.withEvents(TOPICS.run() + ".events.crash", PARTITIONS);
        String cleanEvents = clean.events();
        String crashEvents = crash.events();
        int inputs = produce(mixedStream());

        // the reference: the same processor over the same input, never interrupted
        try (ServiceProcess reference = processor("clean", clean)) {
            reference.awaitReady();
            ProcessorGroup.of(TOPICS, "clean").awaitCaughtUp(Duration.ofMinutes(4));
        }
        List<String> expected = clean.committedEventIds();
        assertThat(expected).as("the stream must exercise every channel").hasSizeGreaterThan(200);
        assertThat(expected).doesNotHaveDuplicates();
        assertThat(types(cleanEvents)).contains(EventType.HIGH, EventType.LOW, EventType.SURGE, EventType.TREND,
                EventType.VOLUME_SPIKE, EventType.HIGH_CLOSE, EventType.FMV_DEVIATION);

        ServiceProcess first = processor("crash-1", crash);
        first.awaitReady();
        try (TopicReader<MarketEvent> progress = TopicReader.fromBeginning(crashEvents,
                new JsonSerde<>(MarketEvent.class))) {
            progress.awaitAtLeast(expected.size() / 5, Duration.ofSeconds(120));
        }
        first.kill();
        ProcessorGroup group = ProcessorGroup.of(TOPICS, "crash");
        long consumed = group.committed();
        assertThat(consumed).as("killed mid-stream: inputs committed at the kill").isLessThan(inputs);

        try (ServiceProcess second = processor("crash-2", crash)) {
            second.awaitReady();
            group.awaitCaughtUp(Duration.ofMinutes(4));
        }
        List<String> afterCrash = crash.committedEventIds();
        assertThat(afterCrash).as("no event twice").doesNotHaveDuplicates();
        assertThat(afterCrash).as("every event, nothing more; differences: %s",
                differences(cleanEvents, crashEvents)).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** A processor of the run's "clean" or "crash" consumer group, writing to that run's events topic. */
    private static ServiceProcess processor(String name, RunTopics topics) {
        return ServiceProcess.start("processor-" + name, "channel-processor",
                topics.processorEnv(name.startsWith("crash") ? "crash" : "clean"));
    }

    /** Twelve symbols over 20 minutes of event time: trades, A bars for two of them, AM bars, FMV quotes. */
    private static List<MarketMessage> mixedStream() {
        Random random = new Random(11);
        List<MarketMessage> stream = new ArrayList<>();
        double[] prices = new double[12];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = 10 + 40 * i;
        }
        for (int second = 0; second < 1_200; second++) {
            long t = T0 + second * 1_000L;
            for (int i = 0; i < prices.length; i++) {
                String sym = "CR" + i;
                boolean jump = random.nextInt(400) == 0;
                prices[i] = round(prices[i] * (1 + (jump ? (random.nextBoolean() ? 0.05 : -0.05)
                        : random.nextGaussian() * 0.001)));
                if (i < 2) {
                    stream.add(Aggregate.bar(Feed.A, sym, prices[i], prices[i], prices[i], prices[i],
                            jump ? 50_000 : 100 + random.nextInt(100), t, t + 1_000));
                } else {
                    stream.add(new Trade(Feed.T, sym, 4, second + "-" + i, null, prices[i],
                            jump ? 50_000 : 50 + random.nextInt(200), null, t + i));
                }
                if (second % 60 == 59) {
                    double open = round(prices[i] * (1 + random.nextGaussian() * 0.01));
                    double close = prices[i];
                    long volume = random.nextInt(10) == 0 ? 80_000 : 10_000 + random.nextInt(5_000);
                    stream.add(Aggregate.bar(Feed.AM, sym, open, Math.max(open, close), Math.min(open, close), close,
                            volume, t - 59_000, t + 1_000));
                }
                if (second % 15 == 7) {
                    stream.add(new FairMarketValue(Feed.FMV, sym, round(prices[i] * (1 + random.nextGaussian()
                            * 0.03)), null, null, (t + 500) * 1_000_000));
                }
            }
        }
        return stream;
    }

    private static double round(double price) {
        return Math.round(price * 100) / 100.0;
    }

    /** Writes the stream (and one poison record) to the raw topics; returns how many records that is. */
    private static int produce(List<MarketMessage> stream) throws Exception {
        Map<String, Object> config = new HashMap<>();
        TestBroker.clientProperties().forEach((k, v) -> config.put((String) k, v));
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, IngestedMessage> producer = new KafkaProducer<>(config, new StringSerializer(),
                new JsonSerde<>(IngestedMessage.class))) {
            for (MarketMessage msg : stream) {
                String topic = switch (msg.ev()) {
                    case T, A -> TOPICS.tick();
                    case AM -> TOPICS.ohlcv();
                    case FMV -> TOPICS.fmv();
                };
                producer.send(new ProducerRecord<>(topic, null, msg.eventTime(), msg.sym(),
                        IngestedMessage.of("crash-test", msg.eventTime() + 2, msg)));
            }
            // a bar whose high is below its close: dead-lettered, and nothing else held up
            Aggregate poison = Aggregate.bar(Feed.AM, "CR5", 10, 9, 8, 11, 1, T0, T0 + 60_000);
            producer.send(new ProducerRecord<>(TOPICS.ohlcv(), null, poison.e(), poison.sym(),
                    IngestedMessage.of("crash-test", poison.e(), poison))).get();
        }
        return stream.size() + 1;
    }

    private static List<ConsumerRecord<String, MarketEvent>> committedEvents(String topic) {
        try (TopicReader<MarketEvent> reader = TopicReader.fromBeginning(topic, new JsonSerde<>(MarketEvent.class))) {
            return reader.readFor(Duration.ofSeconds(3));
        }
    }

    /** The events only one of the two topics has, readable: what a failure needs to be understood. */
    private static List<String> differences(String one, String other) {
        Map<String, MarketEvent> a = committedEvents(one).stream()
                .collect(Collectors.toMap(r -> r.value().id(), ConsumerRecord::value, (x, y) -> x));
        Map<String, MarketEvent> b = committedEvents(other).stream()
                .collect(Collectors.toMap(r -> r.value().id(), ConsumerRecord::value, (x, y) -> x));
        List<String> diff = new ArrayList<>();
        a.forEach((id, e) -> {
            if (!b.containsKey(id)) {
                diff.add("only in " + one + ": " + e.type() + " " + e.symbol() + " " + e.source().msgId());
            }
        });
        b.forEach((id, e) -> {
            if (!a.containsKey(id)) {
                diff.add("only in " + other + ": " + e.type() + " " + e.symbol() + " " + e.source().msgId());
            }
        });
        return diff.subList(0, Math.min(diff.size(), 40));
    }

    private static List<EventType> types(String topic) {
        return committedEvents(topic).stream().map(r -> r.value().type()).distinct().toList();
    }
}
