package io.tickstock.processor.topology;

import io.tickstock.model.Aggregate;
import io.tickstock.model.Channel;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.processor.deadletter.InputChecks;
import io.tickstock.processor.detect.Bar;
import io.tickstock.processor.detect.BarDetector;
import io.tickstock.processor.metrics.ChannelMetrics;
import io.tickstock.processor.metrics.ChannelMetrics.DuplicateKind;
import io.tickstock.processor.state.BarHistory;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The OHLCV channel's per-record path: check, drop a re-delivered bar, judge the bar against the symbol's last bars.
 * A bar that starts no later than the newest one in the history (a late or replayed bar beyond the dedup window)
 * fires no bar events.
 */
final class OhlcvProcessor implements Processor<String, IngestedMessage, String, MarketEvent> {

    private static final Set<Feed> FEEDS = Set.of(Feed.AM);

    private final ChannelParts parts;
    private final BarDetector detector;
    private final ChannelMetrics metrics;
    private final int historyLimit;
    private ProcessorContext<String, MarketEvent> context;
    private KeyValueStore<String, BarHistory> histories;
    private EventEmitter events;

    OhlcvProcessor(ChannelParts parts, BarDetector detector) {
        this.parts = parts;
        this.detector = detector;
        this.metrics = parts.metricsOf(Channel.OHLCV);
        this.historyLimit = parts.config().ohlcv().history();
    }

    @Override
    public void init(ProcessorContext<String, MarketEvent> context) {
        this.context = context;
        this.histories = context.getStateStore(StoreNames.BAR_HISTORY);
        this.events = new EventEmitter(parts.priorities(), context::currentSystemTimeMs, context::forward);
    }

    @Override
    public void process(Record<String, IngestedMessage> record) {
        metrics.processed();
        Aggregate am = (Aggregate) InputChecks.check(record.key(), record.value(), FEEDS);
        String sym = am.sym();
        BarHistory history = histories.get(sym);
        history = history == null ? BarHistory.EMPTY : history;
        if (history.seen().contains(am.s())) {
            metrics.duplicate(DuplicateKind.INPUT);
        } else {
            histories.put(sym, judge(EventRecords.Input.of(record.value(), context.recordMetadata().orElseThrow()),
                    am, history.seen(am.s(), parts.dedupRetentionMillis())));
        }
        metrics.succeeded();
    }

    private BarHistory judge(EventRecords.Input input, Aggregate am, BarHistory history) {
        if (am.s() <= history.newestStart()) {
            metrics.filtered("late");
            return history;
        }
        Bar bar = new Bar(am.s(), am.o(), am.c(), am.v());
        BarDetector.Outcome outcome = detector.detect(history.bars(), bar);
        if (outcome.noise()) {
            metrics.filtered("noise");
        }
        for (BarDetector.Detection found : outcome.events()) {
            events.emit(input, new EventRecords.Detection(found.type(), found.direction(), am.c(), found.details()),
                    metrics);
        }
        return history.with(bar, historyLimit);
    }
}
