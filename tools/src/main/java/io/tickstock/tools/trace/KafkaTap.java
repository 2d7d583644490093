package io.tickstock.tools.trace;

import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.serde.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the raw topics and tickstock.events from their end, without a consumer group (tracing never moves anyone's
 * offsets), read_committed (what the gateway sees), and hands the traced symbol's records to the {@link HopLog}.
 */
final class KafkaTap implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<String> rawTopics;
    private final String eventsTopic;
    private final String symbol;
    private final HopLog log;
    private final AtomicBoolean running = new AtomicBoolean(true);

    KafkaTap(String bootstrap, List<String> rawTopics, String eventsTopic, String symbol, HopLog log) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tickstock-trace");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.rawTopics = rawTopics;
        this.eventsTopic = eventsTopic;
        this.symbol = symbol;
        this.log = log;
    }

    /** Assigns every partition of the topics and moves to their end: from now on, nothing older. */
    void startAtEnd(Duration timeout) {
        List<TopicPartition> partitions = new ArrayList<>();
        List<String> topics = new ArrayList<>(rawTopics);
        topics.add(eventsTopic);
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist (is the stack up?)");
            }
            for (PartitionInfo info : infos) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Polls until {@link #stop()} or the deadline (epoch ms); one record of the symbol at a time to the log. */
    void run(long deadline) {
        try {
            while (running.get() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (symbol.equals(record.key())) {
                        hand(record, System.currentTimeMillis());
                    }
                }
            }
        } catch (WakeupException e) {
            // stop() interrupts a poll on purpose
        }
    }

    void stop() {
        running.set(false);
        consumer.wakeup();
    }

    private void hand(ConsumerRecord<String, byte[]> record, long seenAt) {
        try {
            if (record.topic().equals(eventsTopic)) {
                MarketEvent event = Json.mapper().readValue(record.value(), MarketEvent.class);
                log.event(record.topic(), record.partition(), record.offset(), event, seenAt);
            } else {
                IngestedMessage in = Json.mapper().readValue(record.value(), IngestedMessage.class);
                log.raw(record.topic(), record.partition(), record.offset(), in, seenAt);
            }
        } catch (IOException e) {
            log.note(seenAt, record.topic() + "[" + record.partition() + "]@" + record.offset(),
                    "unreadable: " + new String(record.value(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
