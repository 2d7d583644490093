package io.tickstock.processor.topology;

import io.tickstock.model.Aggregate;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Trade;
import io.tickstock.processor.dedup.InputDeduplicator;
import io.tickstock.processor.detect.HighLowDetector;
import io.tickstock.processor.metrics.ChannelMetrics;
import io.tickstock.processor.state.SymbolState;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/** The tick channel's per-record path: drop re-deliveries, update the symbol's state, emit what it detects. */
final class TickProcessor implements Processor<String, IngestedMessage, String, MarketEvent> {

    private final HighLowDetector highLow;
    private final long dedupRetentionMillis;
    private final ChannelMetrics metrics;
    private ProcessorContext<String, MarketEvent> context;
    private InputDeduplicator dedup;
    private KeyValueStore<String, SymbolState> states;

    TickProcessor(HighLowDetector highLow, long dedupRetentionMillis, ChannelMetrics metrics) {
        this.highLow = highLow;
        this.dedupRetentionMillis = dedupRetentionMillis;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, MarketEvent> context) {
        this.context = context;
        WindowStore<String, Long> seen = context.getStateStore(StoreNames.INPUT_DEDUP);
        this.dedup = new InputDeduplicator(seen, dedupRetentionMillis);
        this.states = context.getStateStore(StoreNames.SYMBOL_STATE);
    }

    @Override
    public void process(Record<String, IngestedMessage> record) {
        metrics.processed();
        MarketMessage msg = record.value().msg();
        if (!dedup.firstSighting(msg.identity(), msg.eventTime())) {
            metrics.duplicate();
            return;
        }
        if (msg instanceof Trade trade) {
            observe(record.value(), trade.p(), trade.p(), trade.p());
        } else if (msg instanceof Aggregate bar) {
            observe(record.value(), bar.h(), bar.l(), bar.c());
        } else {
            metrics.invalid();
        }
    }

    private void observe(IngestedMessage in, double high, double low, double last) {
        MarketMessage msg = in.msg();
        SymbolState state = states.get(msg.sym());
        if (state == null) {
            state = SymbolState.EMPTY;
        }
        HighLowDetector.Outcome outcome = highLow.observe(state.extremes(), high, low, msg.eventTime());
        states.put(msg.sym(), state.withExtremes(outcome.state()).withPrice(last, msg.eventTime()));
        EventRecords.Input input = new EventRecords.Input(in, context.recordMetadata().orElseThrow());
        for (HighLowDetector.Extreme extreme : outcome.extremes()) {
            boolean isHigh = extreme.type() == EventType.HIGH;
            Map<String, Double> details = Map.of(
                    isHigh ? "sessionHigh" : "sessionLow", extreme.price(),
                    isHigh ? "previousHigh" : "previousLow", extreme.previous(),
                    "step", extreme.step());
            context.forward(EventRecords.event(input, extreme.type(), isHigh ? Direction.UP : Direction.DOWN,
                    extreme.price(), details, context.currentSystemTimeMs()));
            metrics.emitted();
        }
    }
}
