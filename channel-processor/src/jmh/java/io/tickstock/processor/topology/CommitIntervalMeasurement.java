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
import io.tickstock.processor.engine.Engine;
import io.tickstock.processor.engine.EngineProperties;
import io.tickstock.processor.metrics.ProcessorMetrics;
import io.tickstock.testsupport.TestBroker;
import io.tickstock.testsupport.TestTopics;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
 * The whole engine on a real broker (KAFKA_BOOTSTRAP_SERVERS, else an in-JVM one), configured as the service runs it
 * ({@link EngineProperties}: both engines, exactly-once, the production store kind and commit intervals):
 * <ul>
 * <li>{@code channels INTERVAL_MS|default BACKLOG [CHANNELS]}: the cost per record of each channel (tick, ohlcv, fmv,
 * or a comma-separated choice): a backlog written while nothing reads it, then records per second from RUNNING until
 * every engine that reads the channel's topic has committed all of it. An unmeasured backlog first warms the JIT.
 * With BROKER_PID set, the broker's CPU time per record is reported beside the processor's.
 * <li>{@code INTERVALS_MS [RATE_PER_S] [SECONDS] [BACKLOG]}: per tick-engine commit interval, the latency a
 * read_committed reader sees at a steady trade rate (ingest → event), and the tick backlog throughput.
 * </ul>
 */
public final class CommitIntervalMeasurement {

    private static final int PARTITIONS = 3;
    private static final int SYMBOLS = 60;
    /** A first, unmeasured backlog per channel: the JIT compiles the path before the measured one runs. */
    private static final int WARM_UP_BACKLOG = 100_000;
    /** Events of the first seconds (JIT warm-up, first fetches) are not counted. */
    private static final long WARM_UP_MILLIS = 3_000;

    private CommitIntervalMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        quietKafkaLogs();
        if (args[0].equals("channels")) {
            String interval = args[1];
            int backlog = Integer.parseInt(args[2]);
            List<String> channels = args.length > 3 ? List.of(args[3].split(",")) : List.of("tick", "ohlcv", "fmv");
            System.out.printf("broker %s; tick-engine commit interval %s; backlog %d records per channel%n",
                    TestBroker.bootstrapServers(), interval, backlog);
            System.out.println("| channel | records/s | µs/record | processor CPU µs/record | broker CPU µs/record |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (String channel : channels) {
                backlogThroughput(interval, Math.min(backlog, WARM_UP_BACKLOG), channel);
                Cost cost = backlogThroughput(interval, backlog, channel);
                System.out.printf("| %s | %.0f | %.1f | %.1f | %s |%n", channel, cost.perSecond(), 1e6 / cost.perSecond(),
                        cost.processorCpuMicros(), cost.brokerCpuMicros() < 0 ? "-"
                                : String.format("%.1f", cost.brokerCpuMicros()));
            }
            System.exit(0);
        }
        long[] intervals = Arrays.stream(args[0].split(",")).mapToLong(Long::parseLong).toArray();
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int backlog = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        System.out.printf("broker %s; steady %d trades/s for %d s; backlog %d trades%n",
                TestBroker.bootstrapServers(), rate, seconds, backlog);
        System.out.println("| tick-engine commit.interval.ms | events | latency p50 | p99 | max | backlog records/s |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (long interval : intervals) {
            long[] latencies = steadyLatencies(Long.toString(interval), rate, seconds);
            Cost cost = backlogThroughput(Long.toString(interval), backlog, "tick");
            System.out.printf("| %d | %d | %d ms | %d ms | %d ms | %.0f |%n", interval, latencies.length,
                    percentile(latencies, 50), percentile(latencies, 99),
                    latencies.length == 0 ? 0 : latencies[latencies.length - 1], cost.perSecond());
        }
        System.exit(0);
    }

    /**
     * Kafka's loggers at WARN, as the service configures them. Without it the log manager on this class path logs at
     * TRACE, and Kafka Streams renders every record as text: a cost the running service never pays.
     */
    private static void quietKafkaLogs() {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        java.util.logging.Logger.getLogger("org.apache.kafka").setLevel(java.util.logging.Level.WARNING);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Fresh topics named after {@code prefix}, and the configuration that reads them. */
    private static ProcessorConfig topics(String prefix, String interval) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "tickstock.processor.topics.tick", prefix + ".tick",
                "tickstock.processor.topics.ohlcv", prefix + ".ohlcv",
                "tickstock.processor.topics.fmv", prefix + ".fmv",
                "tickstock.processor.topics.events", prefix + ".events",
                "tickstock.processor.topics.dlq", prefix + ".dlq"));
        TestTopics.create(PARTITIONS, List.copyOf(settings.values()));
        // -Dtickstock.processor.*: any processor setting, for comparing settings
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("tickstock.processor."))
                .forEach(key -> settings.put(key, System.getProperty(key)));
        if (!interval.equals("default")) {
            settings.put("tickstock.processor.tick-engine.commit-interval", interval + "ms");
        }
        return TestProcessorConfig.with(settings);
    }

    private static String prefix(String commitInterval) {
        return "commit-" + commitInterval + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** The processor's engines (application id = prefix) over the topics of {@code config}, as the service runs them. */
    private record Run(String prefix, ProcessorConfig config, Map<Engine, KafkaStreams> engines)
            implements AutoCloseable {

        static Run start(String prefix, ProcessorConfig config) throws Exception {
            ProcessorMetrics metrics = new ProcessorMetrics(new SimpleMeterRegistry());
            Path state = Files.createTempDirectory("commit-bench");
            Map<String, Object> common = new HashMap<>(serviceSettings());
            common.put(DeadLetterHandler.ROUTER_CONFIG, new DeadLetterRouter(config.topics(), metrics, record -> {
                throw new IllegalStateException("no poison in this measurement");
            }));
            common.put(StreamsConfig.APPLICATION_ID_CONFIG, prefix);
            common.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers());
            common.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
            EngineProperties properties = new EngineProperties(common, config);
            ChannelTopologies topologies = TopologyProducer.build(config, metrics, config.store());
            Map<Engine, KafkaStreams> engines = new EnumMap<>(Engine.class);
            for (Engine engine : Engine.values()) {
                engines.put(engine, new KafkaStreams(engine == Engine.TICK ? topologies.tick() : topologies.ohlcv(),
                        properties.of(engine)));
            }
            engines.values().forEach(KafkaStreams::start);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (engines.values().stream().anyMatch(s -> s.state() != KafkaStreams.State.RUNNING)
                    && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            return new Run(prefix, config, engines);
        }

        /**
         * The service's {@code kafka-streams.*} settings, from its application.properties: what the engines run with
         * in production, but for where they connect and keep state (and the static member id, one per run here).
         */
        static Map<String, String> serviceSettings() throws java.io.IOException {
            Properties service = new Properties();
            try (var in = CommitIntervalMeasurement.class.getResourceAsStream("/application.properties")) {
                service.load(in);
            }
            Map<String, String> settings = new HashMap<>();
            service.stringPropertyNames().stream().filter(key -> key.startsWith("kafka-streams."))
                    .filter(key -> !service.getProperty(key).contains("${"))
                    .forEach(key -> settings.put(key.substring("kafka-streams.".length()), service.getProperty(key)));
            settings.remove("group.instance.id");
            // -Dkafka-streams.*: any engine setting, for comparing settings
            System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("kafka-streams."))
                    .forEach(key -> settings.put(key.substring("kafka-streams.".length()), System.getProperty(key)));
            return settings;
        }

        /** What committing cost each engine's threads: how often, and how long a commit blocked the thread. */
        void printCommits() {
            engines.forEach((engine, streams) -> streams.metrics().forEach((name, metric) -> {
                if (name.group().equals("stream-thread-metrics")
                        && (name.name().equals("commit-latency-avg") || name.name().equals("commit-total")
                        || name.name().equals("process-total"))) {
                    System.out.printf("  %s %s %s: %s%n", engine.wireName(), name.tags().get("thread-id")
                            .replaceAll(".*StreamThread", "thread"), name.name(), metric.metricValue());
                }
            }));
        }

        /** The consumer group of each engine that reads {@code topic}. */
        List<String> groupsReading(String topic) {
            List<String> groups = new ArrayList<>(List.of(Engine.TICK.applicationId(prefix)));
            if (topic.equals(config.topics().ohlcv())) {
                groups.add(Engine.OHLCV.applicationId(prefix));
            }
            return groups;
        }

        @Override
        public void close() {
            engines.values().parallelStream().forEach(streams -> {
                streams.close(Duration.ofSeconds(30));
                streams.cleanUp();
            });
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

    private static long[] steadyLatencies(String interval, int rate, int seconds) throws Exception {
        String prefix = prefix(interval);
        try (Run run = Run.start(prefix, topics(prefix, interval));
                KafkaProducer<String, IngestedMessage> producer = producer();
                KafkaConsumer<String, MarketEvent> consumer = committedReader(run.config().topics().events())) {
            long total = (long) rate * seconds;
            long start = System.nanoTime();
            long measuredFrom = System.currentTimeMillis() + WARM_UP_MILLIS;
            List<Long> latencies = new ArrayList<>();
            for (long n = 0; n < total; n++) {
                long due = start + n * 1_000_000_000L / rate;
                while (System.nanoTime() < due) {
                    poll(consumer, latencies, Duration.ZERO, measuredFrom);
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
                poll(consumer, latencies, Duration.ofMillis(100), measuredFrom);
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

    private static void poll(KafkaConsumer<String, MarketEvent> consumer, List<Long> latencies, Duration timeout,
            long measuredFrom) {
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
        return new ProducerRecord<>(topic, null, msg.eventTime(), msg.sym(),
                IngestedMessage.of("bench", msg.eventTime(), msg));
    }

    /** Records per second of a backlog, and the CPU it took. */
    private record Cost(double perSecond, double processorCpuMicros, double brokerCpuMicros) {
    }

    private static Cost backlogThroughput(String interval, int backlog, String channel) throws Exception {
        String prefix = prefix(interval);
        ProcessorConfig config = topics(prefix, interval);
        long time = System.currentTimeMillis() - 3_600_000;
        String topic;
        // fill the input while nothing reads it
        try (KafkaProducer<String, IngestedMessage> producer = producer()) {
            topic = backlogRecord(config, channel, 0, time).topic();
            for (long n = 0; n < backlog; n++) {
                producer.send(backlogRecord(config, channel, n, time));
            }
        }
        try (Run run = Run.start(prefix, config)) {
            // from RUNNING: start-up is not processing
            long started = System.nanoTime();
            long cpuStart = processCpuNanos();
            long brokerStart = BrokerCpu.nanos();
            awaitCaughtUp(run, topic);
            double seconds = (System.nanoTime() - started) / 1e9;
            run.printCommits();
            long brokerEnd = BrokerCpu.nanos();
            return new Cost(backlog / seconds, (processCpuNanos() - cpuStart) / 1e3 / backlog,
                    brokerStart < 0 ? -1 : (brokerEnd - brokerStart) / 1e3 / backlog);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The broker's CPU time from /proc, when BROKER_PID names its process. */
    private static final class BrokerCpu {
        private static final long CLOCK_TICK_NANOS = 10_000_000;

        static long nanos() {
            String pid = System.getenv("BROKER_PID");
            if (pid == null) {
                return -1;
            }
            try {
                String[] stat = Files.readString(Path.of("/proc", pid, "stat")).split(" ");
                return (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) * CLOCK_TICK_NANOS;
            } catch (java.io.IOException e) {
                return -1;
            }
        }
    }

    /**
     * Until every engine that reads {@code topic} has committed all of it, and the tick engine has committed all it
     * passed on to the FMV channel's internal topic.
     */
    private static void awaitCaughtUp(Run run, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestBroker.bootstrapServers()))) {
            while (true) {
                boolean done = true;
                for (String group : run.groupsReading(topic)) {
                    Map<TopicPartition, OffsetAndMetadata> committed =
                            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                    Set<String> read = new java.util.HashSet<>(List.of(topic));
                    committed.keySet().forEach(tp -> {
                        if (tp.topic().endsWith("-repartition")) {
                            read.add(tp.topic());
                        }
                    });
                    for (String each : read) {
                        done &= caughtUp(admin, committed, each);
                    }
                }
                if (done) {
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    private static boolean caughtUp(Admin admin, Map<TopicPartition, OffsetAndMetadata> committed, String topic)
            throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends.entrySet().stream().allMatch(e -> e.getValue() == 0 || committed.get(e.getKey()) != null
                && committed.get(e.getKey()).offset() >= e.getValue());
    }
}
