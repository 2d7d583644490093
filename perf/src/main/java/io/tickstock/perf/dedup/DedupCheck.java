package io.tickstock.perf.dedup;

import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.Topics;
import io.tickstock.model.serde.IngestedMessageReader;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.model.serde.MalformedMessageException;
import io.tickstock.perf.result.DedupReport;
import io.tickstock.perf.stack.KafkaOffsets;
import io.tickstock.perf.stack.Stack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The dedup audit of a chaos run, once the pipeline has drained: reads every raw record and every committed event of
 * the run's stack (a fresh one: its topics hold this run only), runs the {@link ReferenceProcessor} over the same raw
 * records, and has {@link DedupAudit} judge. A failure to audit is a failed audit, with the reason.
 */
public final class DedupCheck {

    /** Where the packaged processor lies, from the repository root. */
    public static final String PROCESSOR_JAR = "channel-processor/target/quarkus-app/quarkus-run.jar";
    static final String REFERENCE_HOW = "the packaged processor with the live one's configuration, run once more, "
            + "uninterrupted, over the run's raw records from their beginning (application id "
            + ReferenceProcessor.APPLICATION_ID + ", events to " + ReferenceProcessor.EVENTS + ")";
    private static final Duration REFERENCE_TIMEOUT = Duration.ofMinutes(5);
    private static final IngestedMessageReader RAW = new IngestedMessageReader();
    private static final JsonSerde<MarketEvent> EVENT = new JsonSerde<>(MarketEvent.class);

    private final Path processorJar;
    private final Path logs;

    /**
     * @param processorJar the packaged processor the stack runs
     * @param logs where the reference writes its log ({@code dedup-reference.log})
     */
    public DedupCheck(Path processorJar, Path logs) {
        this.processorJar = processorJar;
        this.logs = logs;
    }

    public DedupReport run(String bootstrap, Stack.TopicNames topics, Consumer<String> say) {
        try (KafkaOffsets offsets = new KafkaOffsets(bootstrap)) {
            RawInputs raw = new RawInputs();
            long rawRecords = TopicContents.read(bootstrap, topics.raw(), false, record -> raw(raw, record));
            CommittedIds live = events(bootstrap, topics.events());
            say.accept("dedup audit: " + rawRecords + " raw records read; the reference processor runs over them");
            CommittedIds reference;
            int partitions = offsets.ends(List.of(topics.rawTick())).size();
            try (ReferenceProcessor processor = ReferenceProcessor.start(processorJar, bootstrap, partitions,
                    logs.resolve("dedup-reference.log"))) {
                processor.awaitDone(offsets, topics, REFERENCE_TIMEOUT);
                reference = events(bootstrap, ReferenceProcessor.EVENTS);
            }
            return DedupAudit.judge(raw, live, reference, REFERENCE_HOW);
        } catch (RuntimeException e) {
            return new DedupReport(List.of(), REFERENCE_HOW, List.of(), List.of("the dedup audit could not run: "
                    + e.getMessage()));
        }
    }

    private static void raw(RawInputs raw, ConsumerRecord<byte[], byte[]> record) {
        IngestedMessage message;
        try {
            message = RAW.deserialize(record.topic(), record.value());
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("raw record " + where(record) + " is not an ingested message: "
                    + e.getMessage(), e);
        }
        Header origin = record.headers().lastHeader(Topics.ORIGIN_HEADER);
        raw.add(record.topic(), record.partition(), record.offset(), message.msg(),
                origin == null ? null : new String(origin.value(), StandardCharsets.UTF_8));
    }

    private static CommittedIds events(String bootstrap, String topic) {
        CommittedIds ids = new CommittedIds();
        TopicContents.read(bootstrap, List.of(topic), true, record -> {
            try {
                ids.add(EVENT.deserializer().deserialize(record.topic(), record.value()));
            } catch (MalformedMessageException e) {
                throw new IllegalStateException("record " + where(record) + " is not an event: " + e.getMessage(), e);
            }
        });
        return ids;
    }

    private static String where(ConsumerRecord<byte[], byte[]> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }
}
