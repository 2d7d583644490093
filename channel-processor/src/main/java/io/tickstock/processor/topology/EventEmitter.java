package io.tickstock.processor.topology;

import io.tickstock.model.MarketEvent;
import io.tickstock.model.MarketMessage;
import io.tickstock.processor.metrics.ChannelMetrics;
import io.tickstock.processor.prioritize.Priorities;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.processor.api.Record;

/** Turns what a channel detected into its event record (priority, id, source context), forwards and counts it. */
final class EventEmitter {

    private final Priorities priorities;
    private final LongSupplier wallClock;
    private final Consumer<Record<String, MarketEvent>> forward;

    EventEmitter(Priorities priorities, LongSupplier wallClock, Consumer<Record<String, MarketEvent>> forward) {
        this.priorities = priorities;
        this.wallClock = wallClock;
        this.forward = forward;
    }

    void emit(EventRecords.Input input, EventRecords.Detection detection, ChannelMetrics metrics) {
        MarketMessage msg = input.message().msg();
        int priority = priorities.of(detection.type(), msg.sym(), msg.eventTime(),
                detection.details().getOrDefault("deviation", 0.0));
        long now = wallClock.getAsLong();
        forward.accept(EventRecords.event(input, detection, priority, now));
        metrics.emitted(detection.type(), now - input.message().ingestTs());
    }
}
