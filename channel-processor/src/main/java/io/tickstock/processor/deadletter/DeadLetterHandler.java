package io.tickstock.processor.deadletter;

import io.quarkus.arc.Arc;
import io.tickstock.model.serde.MalformedMessageException;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

/**
 * Kafka Streams' deserialization and processing exception handler: a record that cannot be read, or that a channel
 * throws on, goes to the dead-letter topic and processing CONTINUES with the next record, on every channel. Only
 * when the dead letter itself cannot be written does it answer FAIL: the stream thread is then replaced and the
 * record retried from the last commit, so nothing is ever dropped silently.
 *
 * <p>Kafka Streams creates handlers by class name; the handler finds its {@link DeadLetterRouter} in the config
 * under {@link #ROUTER_CONFIG} (tests) or as the application's CDI bean.
 */
public class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {

    /** Config key under which a {@link DeadLetterRouter} instance may be handed in. */
    public static final String ROUTER_CONFIG = "tickstock.dead-letter.router";
    /**
     * Config key: the topics whose unreadable records this engine dead-letters (comma-separated; all when absent).
     * A raw topic read by two engines has one owner, so its bad records are dead-lettered once.
     */
    public static final String OWNED_TOPICS_CONFIG = "tickstock.dead-letter.owned-topics";

    private static final Logger LOG = Logger.getLogger(DeadLetterHandler.class);

    private DeadLetterRouter router;
    private Set<String> owned;

    @Override
    public void configure(Map<String, ?> configs) {
        Object given = configs.get(ROUTER_CONFIG);
        router = given instanceof DeadLetterRouter ? (DeadLetterRouter) given
                : Arc.container().instance(DeadLetterRouter.class).get();
        Object topics = configs.get(OWNED_TOPICS_CONFIG);
        owned = topics == null ? null : Set.of(topics.toString().split(","));
        if (router == null) {
            throw new IllegalStateException("no DeadLetterRouter: pass one under " + ROUTER_CONFIG
                    + " or run inside the Quarkus application");
        }
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        if (owned != null && !owned.contains(record.topic())) {
            return DeserializationHandlerResponse.CONTINUE; // the engine that owns the topic dead-letters it
        }
        String reason = exception instanceof MalformedMessageException malformed ? malformed.reason()
                : "not_deserializable";
        return deadLetter(new DeadLetterRouter.Origin(record.topic(), record.partition(), record.offset(),
                record.key(), record.value()), reason, exception)
                ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        PoisonRecordException poison = poisonIn(exception);
        String reason = poison != null ? poison.reason() : "processing_error";
        return deadLetter(new DeadLetterRouter.Origin(context.topic(), context.partition(), context.offset(),
                context.sourceRawKey(), context.sourceRawValue()), reason, poison != null ? poison : exception)
                ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
    }

    private boolean deadLetter(DeadLetterRouter.Origin origin, String reason, Exception cause) {
        if (!(cause instanceof PoisonRecordException) && !(cause instanceof MalformedMessageException)) {
            // not a bad record but a failure of ours: keep the stack trace
            LOG.errorf(cause, "processing %s-%d@%d failed", origin.topic(), origin.partition(), origin.offset());
        }
        try {
            router.route(origin, reason, String.valueOf(cause.getMessage()));
            return true;
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot write the dead letter for %s-%d@%d: failing so it is retried", origin.topic(),
                    origin.partition(), origin.offset());
            return false;
        }
    }

    private static PoisonRecordException poisonIn(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof PoisonRecordException poison) {
                return poison;
            }
        }
        return null;
    }
}
