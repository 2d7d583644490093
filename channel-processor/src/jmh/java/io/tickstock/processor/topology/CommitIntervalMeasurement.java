package io.tickstock.processor.topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstock.model.Aggregate;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Trade;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.TestProcessorConfig;
import io.tickstock.processor.deadletter.DeadLetterHandler;
import io.tickstock.processor.deadletter.DeadLetterRouter;
import io.tickstock.processor.engine.BoundedRocksDbMemory;
import io.tickstock.processor.metrics.ProcessorMetrics;
import io.tickstock.testsupport.TestBroker;
import io.tickstock.testsupport.TestTopics;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Measures what the commit interval costs and buys under exactly_once_v2, on a real broker (KAFKA_BOOTSTRAP_SERVERS,
 * else an in-JVM one): for each interval, (1) the latency a read_committed reader sees, ingest → event, at a steady
 * input rate, and (2) the throughput of a backlog: records processed per second until the group has committed all.
 * Usage: {@code CommitIntervalMeasurement INTERVALS_MS [RATE_PER_S] [SECONDS] [BACKLOG]}; with
 * {@code CommitIntervalMeasurement channels INTERVAL_MS BACKLOG} instead: the backlog throughput of each channel.
 */
public final class CommitIntervalMeasurement {

    private static final int PARTITIONS = 3;
    private static final int SYMBOLS = 60;

    private CommitIntervalMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("channels")) {
            long interval = Long.parseLong(args[1]);
            int backlog = Integer.parseInt(args[2]);
            System.out.printf("broker %s; commit.interval.ms %d; backlog %d records per channel%n",
                    TestBroker.bootstrapServers(), interval, backlog);
            System.out.println("| channel | records/s | µs/record |");
            System.out.println("|---|---:|---:|");
            for (String channel : List.of("tick", "ohlcv", "fmv")) {
                double rate = backlogThroughput(interval, backlog, channel);
                System.out.printf("| %s | %.0f | %.1f |%n", channel, rate, 1e6 / rate);
            }
            System.exit(0);
        }
        long[] intervals = Arrays.stream(args[0].split(",")).mapToLong(Long::parseLong).toArray();
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int backlog = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        System.out.printf("broker %s; steady %d trades/s for %d s; backlog %d trades%n",
                TestBroker.bootstrapServers(), rate, seconds, backlog);
        System.out.println("| commit.interval.ms | events | latency p50 | p99 | max | backlog records/s |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (long interval : intervals) {
            long[] latencies = steadyLatencies(interval, rate, seconds);
            double throughput = backlogThroughput(interval, backlog, "tick");
            System.out.printf("| %d | %d | %d ms | %d ms | %d ms | %.0f |%n", interval, latencies.length,
                    percentile(latencies, 50), percentile(latencies, 99),
                    latencies.length == 0 ? 0 : latencies[latencies.length - 1], throughput);
        }
        System.exit(0);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Fresh topics named after {@code prefix}, and the configuration that reads them. */
    private static ProcessorConfig topics(String prefix) {
        Map<String, String> topics = Map.of(
                "tickstock.processor.topics.tick", prefix + ".tick",
                "tickstock.processor.topics.ohlcv", prefix + ".ohlcv",
                "tickstock.processor.topics.fmv", prefix + ".fmv",
                "tickstock.processor.topics.events", prefix + ".events",
                "tickstock.processor.topics.dlq", prefix + ".dlq");
        TestTopics.create(PARTITIONS, topics.values());
        return TestProcessorConfig.with(topics);
    }

    private static String prefix(long commitInterval) {
        return "commit-" + commitInterval + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** A processor (application id = prefix) running over the topics of {@code config}. */
    private record Run(String prefix, ProcessorConfig config, KafkaStreams streams) implements AutoCloseable {

        static Run start(long commitInterval, String prefix, ProcessorConfig config) throws Exception {
            ProcessorMetrics metrics = new ProcessorMetrics(new SimpleMeterRegistry());
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, prefix);
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers());
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval);
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("commit-bench").toString());
            props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
            props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
            props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
            props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
            props.put(DeadLetterHandler.ROUTER_CONFIG, new DeadLetterRouter(config.topics(), metrics, record -> {
                throw new IllegalStateException("no poison in this measurement");
            }));
            KafkaStreams streams = new KafkaStreams(TopologyProducer.build(config, metrics, StoreKind.PERSISTENT),
                    props);
            streams.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
            return new Run(prefix, config, streams);
        }

        @Override
        public void close() {
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
        }
    }

    private static KafkaProducer<String, IngestedMessage> producer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return new KafkaProducer<>(config, new StringSerializer(), new JsonSerde<>(IngestedMessage.class));
    }

    /** A trade that is a new high for its symbol at most once a second: about SYMBOLS events a second. */
    private static Trade trade(long n, long time) {
        int sym = (int) (n % SYMBOLS);
        return new Trade(Feed.T, "CI" + sym, 4, Long.toString(n), null, 100 + n * 0.01, 100, null, time);
    }

    private static long[] steadyLatencies(long interval, int rate, int seconds) throws Exception {
        String prefix = prefix(interval);
        try (Run run = Run.start(interval, prefix, topics(prefix));
                KafkaProducer<String, IngestedMessage> producer = producer();
                KafkaConsumer<String, MarketEvent> consumer = committedReader(run.config().topics().events())) {
            long total = (long) rate * seconds;
            long start = System.nanoTime();
            measuredFrom = System.currentTimeMillis() + WARM_UP_MILLIS;
            List<Long> latencies = new ArrayList<>();
            for (long n = 0; n < total; n++) {
                long due = start + n * 1_000_000_000L / rate;
                while (System.nanoTime() < due) {
                    poll(consumer, latencies, Duration.ZERO);
                    LockSupport.parkNanos(200_000);
                }
                long now = System.currentTimeMillis();
                Trade trade = trade(n, now);
                producer.send(new ProducerRecord<>(run.config().topics().tick(), null, now, trade.sym(),
                        IngestedMessage.of("bench", now, trade)));
            }
            producer.flush();
            long drain = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < drain) {
                poll(consumer, latencies, Duration.ofMillis(100));
            }
            return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    private static KafkaConsumer<String, MarketEvent> committedReader(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        KafkaConsumer<String, MarketEvent> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new JsonSerde<>(MarketEvent.class));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Events of the first seconds (JIT warm-up, first fetches) are not counted. */
    private static final long WARM_UP_MILLIS = 3_000;
    private static long measuredFrom;

    private static void poll(KafkaConsumer<String, MarketEvent> consumer, List<Long> latencies, Duration timeout) {
        for (ConsumerRecord<String, MarketEvent> record : consumer.poll(timeout)) {
            long received = System.currentTimeMillis();
            if (record.value().source().ingestTs() >= measuredFrom) {
                latencies.add(received - record.value().source().ingestTs());
            }
        }
    }

    /** Record {@code n} of a backlog for {@code channel}: its topic and message. */
    private static ProducerRecord<String, IngestedMessage> backlogRecord(ProcessorConfig config, String channel,
            long n, long time) {
        MarketMessage msg;
        String topic;
        switch (channel) {
            case "tick" -> {
                topic = config.topics().tick();
                msg = new Trade(Feed.T, "CI" + (n % SYMBOLS), 4, Long.toString(n), null, 100 + Math.sin(n / 50.0) * 5,
                        100, null, time + n);
            }
            case "ohlcv" -> {
                // the minute burst: 8,000 symbols, one bar each per minute
                topic = config.topics().ohlcv();
                long s = time + (n / 8_000) * 60_000;
                double c = 100 + Math.sin(n / 7.0) * 3;
                msg = Aggregate.bar(Feed.AM, "B" + (n % 8_000), 100, Math.max(100, c) + 0.1, Math.min(100, c) - 0.1,
                        c, 1_000 + n % 5_000, s, s + 60_000);
            }
            default -> {
                topic = config.topics().fmv();
                msg = new FairMarketValue(Feed.FMV, "F" + (n % 1_000), 100 + Math.sin(n / 13.0) * 4, 100.0, 0.9,
                        (time + n) * 1_000_000);
            }
        }
        return new ProducerRecord<>(topic, null, msg.eventTime(), msg.sym(), IngestedMessage.of("bench", time, msg));
    }

    private static double backlogThroughput(long interval, int backlog, String channel) throws Exception {
        String prefix = prefix(interval);
        ProcessorConfig config = topics(prefix);
        long time = System.currentTimeMillis() - 3_600_000;
        String topic;
        // fill the input while nothing reads it
        try (KafkaProducer<String, IngestedMessage> producer = producer()) {
            topic = backlogRecord(config, channel, 0, time).topic();
            for (long n = 0; n < backlog; n++) {
                producer.send(backlogRecord(config, channel, n, time));
            }
        }
        try (Run run = Run.start(interval, prefix, config)) {
            // from RUNNING: start-up is not processing
            long started = System.nanoTime();
            awaitCaughtUp(run.prefix(), topic);
            return backlog / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static void awaitCaughtUp(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestBroker.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                if (ends.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue())) {
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }
}
