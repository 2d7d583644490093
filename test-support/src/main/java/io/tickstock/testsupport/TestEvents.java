package io.tickstock.testsupport;

import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.SourceContext;
import io.tickstock.model.Topics;
import io.tickstock.model.serde.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Market events as the channel processor writes them (value, key = symbol, priority header), for tests of what
 * reads {@code tickstock.events}. Each event gets a fresh id and a {@code seq} detail, so a test can check order.
 */
public final class TestEvents {

    private TestEvents() {
    }

    /** An event of {@code type} for {@code symbol} at {@code priority}; {@code seq} lands in its details. */
    public static MarketEvent event(EventType type, String symbol, int priority, long seq) {
        long now = System.currentTimeMillis();
        SourceContext source = new SourceContext("test", type.channel() == Channel.OHLCV ? Feed.AM : Feed.T,
                now, now, Topics.RAW_TICK, 0, seq, "T|" + symbol + "|" + seq + "|" + now + "|4");
        return new MarketEvent(MarketEvent.VERSION, UUID.randomUUID().toString().replace("-", ""), type, symbol,
                Direction.UP, 100 + seq / 100.0, priority, type.channel(), now, now, Map.of("seq", (double) seq),
                source);
    }

    /** Writes {@code events} to {@code topic} on the test broker, in order, and waits until all are acknowledged. */
    public static void publish(String topic, List<MarketEvent> events) {
        Properties props = TestBroker.clientProperties();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new JsonSerde<>(MarketEvent.class))) {
            List<Future<?>> sent = new ArrayList<>();
            for (MarketEvent event : events) {
                ProducerRecord<String, MarketEvent> record = new ProducerRecord<>(topic, event.symbol(), event);
                record.headers().add(Topics.PRIORITY_HEADER,
                        Integer.toString(event.priority()).getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing test events failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing test events", e);
        }
    }

    public static void publish(String topic, MarketEvent... events) {
        publish(topic, List.of(events));
    }
}
