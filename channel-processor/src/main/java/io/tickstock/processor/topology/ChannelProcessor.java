package io.tickstock.processor.topology;

import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.MarketMessage;
import io.tickstock.processor.deadletter.InputChecks;
import io.tickstock.processor.dedup.InputDeduplicator;
import io.tickstock.processor.detect.HighLowDetector;
import io.tickstock.processor.metrics.ChannelMetrics;
import io.tickstock.processor.metrics.ChannelMetrics.DuplicateKind;
import io.tickstock.processor.state.SymbolState;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The per-record path every channel shares: check the record (a bad one throws, and the exception handler
 * dead-letters it), drop re-deliveries, let the channel detect, emit what it found. The session extremes live here
 * too because the tick and OHLCV channels both move them.
 */
abstract class ChannelProcessor implements Processor<String, IngestedMessage, String, MarketEvent> {

    private final Set<Feed> feeds;
    final ChannelParts parts;
    final ChannelMetrics metrics;
    ProcessorContext<String, MarketEvent> context;
    private InputDeduplicator dedup;
    private KeyValueStore<String, SymbolState> symbols;

    ChannelProcessor(ChannelParts parts, Channel channel, Set<Feed> feeds) {
        this.parts = parts;
        this.metrics = parts.metricsOf(channel);
        this.feeds = Set.copyOf(feeds);
    }

    @Override
    public void init(ProcessorContext<String, MarketEvent> context) {
        this.context = context;
        WindowStore<String, Long> seen = context.getStateStore(StoreNames.INPUT_DEDUP);
        this.dedup = new InputDeduplicator(seen, parts.dedupRetentionMillis());
        this.symbols = context.getStateStore(StoreNames.SYMBOL_STATE);
    }

    @Override
    public final void process(Record<String, IngestedMessage> record) {
        metrics.processed();
        MarketMessage msg = InputChecks.check(record.key(), record.value(), feeds);
        if (dedup.firstSighting(msg.identity(), msg.eventTime())) {
            detect(new EventRecords.Input(record.value(), context.recordMetadata().orElseThrow()), msg);
        } else {
            metrics.duplicate(DuplicateKind.INPUT);
        }
        metrics.succeeded();
    }

    /** The channel's own detection for a checked, first-seen message. */
    abstract void detect(EventRecords.Input input, MarketMessage msg);

    SymbolState symbol(String sym) {
        SymbolState state = symbols.get(sym);
        return state == null ? SymbolState.EMPTY : state;
    }

    void putSymbol(String sym, SymbolState state) {
        symbols.put(sym, state);
    }

    /**
     * Offers a price range to the shared session extremes and emits the highs/lows it sets. A bar that re-reports
     * an extreme already emitted is the same market fact through another source: counted, not emitted (SPEC §5.2).
     */
    SymbolState observeExtremes(EventRecords.Input input, SymbolState state, double high, double low, boolean bar) {
        HighLowDetector.Outcome outcome = parts.highLow().observe(state.extremes(), high, low,
                input.message().msg().eventTime());
        if (bar && outcome.resighted()) {
            metrics.duplicate(DuplicateKind.CROSS_SOURCE);
        }
        for (HighLowDetector.Extreme extreme : outcome.extremes()) {
            boolean isHigh = extreme.type() == EventType.HIGH;
            emit(input, new EventRecords.Detection(extreme.type(),
                    isHigh ? Direction.UP : Direction.DOWN, extreme.price(),
                    Map.of(isHigh ? "sessionHigh" : "sessionLow", extreme.price(),
                            isHigh ? "previousHigh" : "previousLow", extreme.previous(),
                            "step", extreme.step())));
        }
        return state.withExtremes(outcome.state());
    }

    void emit(EventRecords.Input input, EventRecords.Detection detection) {
        MarketMessage msg = input.message().msg();
        int priority = parts.priorities().of(detection.type(), msg.sym(), msg.eventTime(),
                detection.details().getOrDefault("deviation", 0.0));
        long now = context.currentSystemTimeMs();
        context.forward(EventRecords.event(input, detection, priority, now));
        metrics.emitted(detection.type(), now - input.message().ingestTs());
    }
}
