package io.tickstock.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickstock.ingest.metrics.IngestCounters;
import io.tickstock.ingest.metrics.RejectLog;
import io.tickstock.ingest.normalize.FrameReader;
import io.tickstock.ingest.publish.Publisher;
import io.tickstock.ingest.publish.RawPublisher;
import io.tickstock.ingest.validate.Reason;
import io.tickstock.ingest.validate.Rejection;
import io.tickstock.ingest.validate.RejectedException;
import io.tickstock.ingest.validate.Rules;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.serde.JsonSerde;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The front door of SPEC §3: every source hands its input here. Frames are split and read (normalize), each message
 * checked against the rules (validate), then published to its raw topic, or its original bytes dead-lettered with
 * the reason, counted and logged at a bounded rate. One bad element never costs its neighbours.
 */
@ApplicationScoped
public class Intake {

    private static final JsonSerde<MarketMessage> AS_JSON = new JsonSerde<>(MarketMessage.class);

    /** A frame read but not yet published: a replay paces on its event time in between. */
    public record Frame(List<Item> items) {
        /** The event time of the frame's first market-data message, if it has one. */
        public OptionalLong eventTime() {
            for (Item item : items) {
                if (item.msg() != null) {
                    return OptionalLong.of(item.msg().eventTime());
                }
            }
            return OptionalLong.empty();
        }
    }

    /** One element of a frame: a message, a control message, or a rejection (exactly one is set). */
    public record Item(MarketMessage msg, JsonNode control, Rejection rejection, byte[] original, String symbol) {
    }

    /** What became of a frame's elements. */
    public record Outcome(int accepted, int rejected) {
    }

    private final FrameReader reader;
    private final Rules rules;
    private final Publisher publisher;
    private final IngestCounters counters;
    private final RejectLog rejectLog;

    @Inject
    public Intake(IngestConfig config, RawPublisher publisher, MeterRegistry registry) {
        this(new FrameReader(config.validation().maxFrameBytes(), config.validation().maxMessageBytes()),
                new Rules(Clock.systemUTC(), config.validation().maxAhead()), publisher, new IngestCounters(registry),
                new RejectLog(Clock.systemUTC(), config.validation().logPerSecond()));
    }

    public Intake(FrameReader reader, Rules rules, Publisher publisher, IngestCounters counters,
            RejectLog rejectLog) {
        this.reader = reader;
        this.rules = rules;
        this.publisher = publisher;
        this.counters = counters;
        this.rejectLog = rejectLog;
    }

    /** Reads and publishes a provider frame or replay line; status messages go to {@code control}. */
    public Outcome frame(Origin origin, byte[] frame, Consumer<JsonNode> control) {
        return publish(origin, read(frame), control);
    }

    /** Splits and reads a frame without publishing anything yet. */
    public Frame read(byte[] frame) {
        List<Item> items = new ArrayList<>();
        reader.read(frame, new FrameReader.Handler() {
            @Override
            public void message(MarketMessage msg, byte[] original) {
                items.add(new Item(msg, null, null, original, msg.sym()));
            }

            @Override
            public void control(JsonNode status) {
                items.add(new Item(null, status, null, null, null));
            }

            @Override
            public void rejected(Rejection rejection, byte[] original, String symbol) {
                items.add(new Item(null, null, rejection, original, symbol));
            }
        });
        return new Frame(items);
    }

    /** Publishes what {@link #read(byte[])} made of a frame, element by element, in frame order. */
    public Outcome publish(Origin origin, Frame frame, Consumer<JsonNode> control) {
        int accepted = 0;
        int rejected = 0;
        for (Item item : frame.items()) {
            if (item.msg() != null) {
                if (message(origin, item.msg(), item.original())) {
                    accepted++;
                } else {
                    rejected++;
                }
            } else if (item.control() != null) {
                control.accept(item.control());
            } else {
                reject(origin, null, item.rejection(), item.original(), item.symbol());
                rejected++;
            }
        }
        return new Outcome(accepted, rejected);
    }

    /**
     * A message a source built itself (simulator, CSV bar). {@code original} is what to dead-letter if it breaks a
     * rule; {@code null} means its JSON. Returns whether it was accepted.
     */
    public boolean message(Origin origin, MarketMessage msg, byte[] original) {
        try {
            rules.check(msg);
        } catch (RejectedException e) {
            reject(origin, msg.ev(), e.rejection(), original != null ? original : AS_JSON.serialize(null, msg),
                    msg.sym());
            return false;
        }
        publisher.accepted(origin, msg);
        counters.accepted(origin.source(), msg.ev());
        return true;
    }

    /** Input a source could not turn into a message (a CSV row that is not a bar). */
    public void rejected(Origin origin, Feed feed, Rejection rejection, byte[] original, String symbol) {
        reject(origin, feed, rejection, original, symbol);
    }

    /** A frame the source stopped reading at the size limit: {@code head} is what it kept of {@code size} bytes. */
    public void tooLarge(Origin origin, byte[] head, long size) {
        reject(origin, null, Rejection.of(Reason.FRAME_TOO_LARGE,
                "frame of " + size + " bytes or more, the limit is " + reader.maxFrameBytes()), head, null);
    }

    private void reject(Origin origin, Feed feed, Rejection rejection, byte[] original, String symbol) {
        publisher.rejected(origin, rejection, original, symbol);
        counters.rejected(origin.source(), feed, rejection.reason());
        rejectLog.log(origin, rejection);
    }

    public IngestCounters counters() {
        return counters;
    }
}
