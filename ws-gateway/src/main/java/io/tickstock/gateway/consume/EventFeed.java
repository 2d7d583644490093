package io.tickstock.gateway.consume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.tickstock.gateway.GatewayConfig;
import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.gateway.socket.Fanout;
import io.tickstock.gateway.socket.Frames;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.model.serde.MalformedMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads every partition of {@code tickstock.events} (no consumer group: each gateway replica sees all events, SPEC
 * §2) with {@code read_committed}, so only events of committed processor transactions reach clients, and hands each
 * poll's batch to the {@link Fanout}. A record that is not an event is counted and skipped, never fatal.
 */
@ApplicationScoped
public class EventFeed {

    private static final Logger LOG = Logger.getLogger(EventFeed.class);

    private final GatewayConfig config;
    private final Fanout fanout;
    private final Map<String, Object> kafka;
    private final JsonSerde<MarketEvent> serde = new JsonSerde<>(MarketEvent.class);
    private final Counter received;
    private final Counter malformed;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean assigned;

    public EventFeed(GatewayConfig config, Fanout fanout, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            MeterRegistry registry) {
        this.config = config;
        this.fanout = fanout;
        this.kafka = kafka;
        this.received = registry.counter("tickstock.gateway.events.received");
        this.malformed = registry.counter("tickstock.gateway.events.malformed");
    }

    void onStart(@Observes StartupEvent event) {
        thread = new Thread(this::run, "event-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        KafkaConsumer<String, byte[]> running = consumer;
        if (running != null) {
            running.wakeup();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    /** True once the feed has its partitions and reads them. */
    public boolean assigned() {
        return assigned && thread != null && thread.isAlive();
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafkaConsumer =
                new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafkaConsumer;
            List<TopicPartition> partitions = kafkaConsumer.partitionsFor(config.eventsTopic()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            kafkaConsumer.assign(partitions);
            kafkaConsumer.seekToEnd(partitions);
            partitions.forEach(kafkaConsumer::position);
            assigned = true;
            LOG.infof("reading %d partitions of %s", partitions.size(), config.eventsTopic());
            while (!Thread.currentThread().isInterrupted()) {
                deliver(kafkaConsumer.poll(config.pollTimeout()));
            }
        } catch (WakeupException e) {
            LOG.info("event feed stopped");
        } catch (RuntimeException e) {
            LOG.error("event feed failed", e);
        } finally {
            assigned = false;
        }
    }

    private void deliver(ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) {
            return;
        }
        List<OutgoingEvent> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            received.increment();
            try {
                MarketEvent event = serde.deserialize(record.topic(), record.value());
                batch.add(new OutgoingEvent(event, Frames.eventObject(event, cursorOf(record))));
            } catch (MalformedMessageException e) {
                malformed.increment();
                LOG.warnf("skipping %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
            }
        }
        fanout.deliver(batch);
    }

    static String cursorOf(ConsumerRecord<?, ?> record) {
        return record.partition() + "-" + record.offset();
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "tickstock-gateway");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return props;
    }
}
