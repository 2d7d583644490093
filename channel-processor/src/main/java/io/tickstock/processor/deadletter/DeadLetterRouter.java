package io.tickstock.processor.deadletter;

import io.tickstock.model.Channel;
import io.tickstock.model.DeadLetters;
import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.metrics.ProcessorMetrics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * Puts a record a channel could not take on {@code tickstock.processor.dlq}: the original key and value bytes,
 * untouched, with the reason, the channel and the original coordinates in {@link DeadLetters} headers; counts it
 * for that channel. Which channel a record belongs to follows from its source topic.
 */
public class DeadLetterRouter {

    private static final Logger LOG = Logger.getLogger(DeadLetterRouter.class);

    private final String topic;
    private final Map<String, Channel> channelsByTopic = new HashMap<>();
    private final ProcessorMetrics metrics;
    private final Consumer<ProducerRecord<byte[], byte[]>> sink;

    /**
     * @param sink writes one record and returns only once it is stored (throws if it cannot be), so a record is
     *     never acknowledged to Kafka Streams before its dead letter is safe
     */
    public DeadLetterRouter(ProcessorConfig.TopicNames topics, ProcessorMetrics metrics,
            Consumer<ProducerRecord<byte[], byte[]>> sink) {
        this.topic = topics.dlq();
        this.channelsByTopic.put(topics.tick(), Channel.TICK);
        this.channelsByTopic.put(topics.ohlcv(), Channel.OHLCV);
        this.channelsByTopic.put(topics.fmv(), Channel.FMV);
        this.metrics = metrics;
        this.sink = sink;
    }

    /** Where a rejected record came from. */
    public record Origin(String topic, int partition, long offset, byte[] key, byte[] value) {
    }

    /** The channel that reads {@code sourceTopic}, or null for a topic no channel reads. */
    public Channel channelOf(String sourceTopic) {
        return sourceTopic == null ? null : channelsByTopic.get(sourceTopic);
    }

    /** Writes the dead letter; throws when it cannot, so the caller fails rather than drop the record silently. */
    public void route(Origin origin, String reason, String detail) {
        Channel channel = channelOf(origin.topic());
        String channelName = channel == null ? "unknown" : channel.wireName();
        RecordHeaders headers = new RecordHeaders();
        header(headers, DeadLetters.REASON, reason);
        header(headers, DeadLetters.DETAIL, detail);
        header(headers, DeadLetters.SOURCE, "processor");
        header(headers, DeadLetters.CHANNEL, channelName);
        header(headers, DeadLetters.TIME, Long.toString(System.currentTimeMillis()));
        header(headers, DeadLetters.ORIGINAL_TOPIC, String.valueOf(origin.topic()));
        header(headers, DeadLetters.ORIGINAL_PARTITION, Integer.toString(origin.partition()));
        header(headers, DeadLetters.ORIGINAL_OFFSET, Long.toString(origin.offset()));
        sink.accept(new ProducerRecord<>(topic, null, origin.key(), origin.value(), headers));
        if (channel != null) {
            metrics.of(channel).deadLettered(reason);
        }
        LOG.warnf("dead-lettered %s-%d@%d (%s channel): %s: %s", origin.topic(), origin.partition(), origin.offset(),
                channelName, reason, detail);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
