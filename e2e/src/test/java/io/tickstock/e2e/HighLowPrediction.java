package io.tickstock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.EventType;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.Trade;
import io.tickstock.model.id.EventIds;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.testsupport.TopicReader;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The high/low events a run owes its clients, computed by {@link ReferenceHighLow} from the trades exactly as they
 * lie on the raw tick topic (what Kafka accepted is the input; what a service never got into Kafka is not owed).
 */
final class HighLowPrediction {

    /** An input record as it lay on the raw topic, and the event the reference says it fires. */
    record Expected(EventType type, ConsumerRecord<String, IngestedMessage> input) {
    }

    private HighLowPrediction() {
    }

    /** Waits until {@code topic} holds {@code count} records and returns them, failing if it holds more. */
    static List<ConsumerRecord<String, IngestedMessage>> readExactly(String topic, int count) {
        List<ConsumerRecord<String, IngestedMessage>> records = readAll(topic, count);
        assertThat(records).hasSize(count);
        return records;
    }

    /** Waits until {@code topic} holds at least {@code count} records and returns all of them. */
    static List<ConsumerRecord<String, IngestedMessage>> readAll(String topic, int count) {
        try (TopicReader<IngestedMessage> raw =
                TopicReader.fromBeginning(topic, new JsonSerde<>(IngestedMessage.class))) {
            raw.awaitAtLeast(count, Duration.ofSeconds(60));
            return raw.readFor(Duration.ofMillis(500));
        }
    }

    /** Every trade's expected event, by id: each symbol's trades fed to the reference in partition order. */
    static Map<String, Expected> predict(List<ConsumerRecord<String, IngestedMessage>> records) {
        return predict(records, symbol -> true);
    }

    /** The same for the trades of the symbols {@code symbols} accepts; other records are left out. */
    static Map<String, Expected> predict(List<ConsumerRecord<String, IngestedMessage>> records,
            Predicate<String> symbols) {
        ReferenceHighLow reference = new ReferenceHighLow();
        Map<String, Expected> expected = new HashMap<>();
        records.stream()
                .filter(record -> record.value().msg() instanceof Trade && symbols.test(record.key()))
                .sorted(Comparator.comparingInt((ConsumerRecord<String, IngestedMessage> r) -> r.partition())
                        .thenComparingLong(ConsumerRecord::offset))
                .forEach(record -> {
                    Trade trade = (Trade) record.value().msg();
                    ReferenceHighLow.Kind kind = reference.trade(trade.sym(), trade.p(), trade.t());
                    if (kind != null) {
                        EventType type = kind == ReferenceHighLow.Kind.HIGH ? EventType.HIGH : EventType.LOW;
                        expected.put(EventIds.of(trade.identity(), type), new Expected(type, record));
                    }
                });
        return expected;
    }
}
