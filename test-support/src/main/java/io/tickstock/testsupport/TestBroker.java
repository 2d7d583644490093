package io.tickstock.testsupport;

import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The real Kafka broker every test above unit level talks to, one per JVM, chosen in this order:
 * <ol>
 *   <li>the broker named by the {@code KAFKA_BOOTSTRAP_SERVERS} environment variable (or system property);</li>
 *   <li>a Testcontainers broker when a Docker engine is available;</li>
 *   <li>an in-JVM KRaft broker.</li>
 * </ol>
 * Never a mock: all three are real Kafka 4.x brokers.
 */
public final class TestBroker {

    public static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";

    private static final Logger LOG = Logger.getLogger(TestBroker.class.getName());
    private static RunningBroker shared;

    private TestBroker() {
    }

    /** Starts the broker on first use; later calls return the same one. Stopped when the JVM exits. */
    public static synchronized String bootstrapServers() {
        if (shared == null) {
            shared = start();
            LOG.info(() -> "test broker: " + shared.kind() + " at " + shared.bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-broker-stop"));
        }
        return shared.bootstrapServers();
    }

    /** Client properties pointing at the shared broker. */
    public static Properties clientProperties() {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    private static RunningBroker start() {
        String external = System.getProperty(BOOTSTRAP_ENV, System.getenv(BOOTSTRAP_ENV));
        if (external != null && !external.isBlank()) {
            return new ExternalBroker(external);
        }
        if (ContainerBroker.dockerAvailable()) {
            return ContainerBroker.start();
        }
        return EmbeddedBroker.start();
    }

    /** A broker this JVM can reach, and how to let it go. */
    interface RunningBroker extends AutoCloseable {
        String kind();

        String bootstrapServers();

        @Override
        void close();
    }

    record ExternalBroker(String bootstrapServers) implements RunningBroker {
        @Override
        public String kind() {
            return "external (" + BOOTSTRAP_ENV + ")";
        }

        @Override
        public void close() {
            // not ours to stop
        }
    }

    /** Broker settings a single-node test cluster needs for transactions (exactly_once_v2) and quick groups. */
    static Map<String, String> singleNodeSettings() {
        return Map.of(
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "false",
                "log.message.timestamp.before.max.ms", String.valueOf(Long.MAX_VALUE),
                "log.retention.ms", "-1",
                // apply time-based retention every second, not every 5 minutes: a topic that would lose data to
                // it (historical event times) then loses it within the test, where it is seen
                "log.retention.check.interval.ms", "1000");
    }
}
