package io.tickstock.processor.topology;

import io.tickstock.model.Aggregate;
import io.tickstock.model.Channel;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.MarketMessage;
import io.tickstock.processor.detect.Bar;
import io.tickstock.processor.detect.BarDetector;
import io.tickstock.processor.state.BarHistory;
import java.util.Set;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The OHLCV channel's per-record path. Every bar moves the shared extremes and last price; a bar that starts no
 * later than the newest one in the history (a late or replayed bar beyond the dedup window) fires no bar events.
 */
final class OhlcvProcessor extends ChannelProcessor {

    private final BarDetector detector;
    private final int historyLimit;
    private KeyValueStore<String, BarHistory> histories;

    OhlcvProcessor(ChannelParts parts, BarDetector detector) {
        super(parts, Channel.OHLCV, Set.of(Feed.AM));
        this.detector = detector;
        this.historyLimit = parts.config().ohlcv().history();
    }

    @Override
    public void init(ProcessorContext<String, MarketEvent> context) {
        super.init(context);
        histories = context.getStateStore(StoreNames.BAR_HISTORY);
    }

    @Override
    void detect(EventRecords.Input input, MarketMessage msg) {
        Aggregate am = (Aggregate) msg;
        String sym = am.sym();
        putSymbol(sym, observeExtremes(input, symbol(sym), am.h(), am.l(), true).withPrice(am.c(), am.e()));
        BarHistory history = histories.get(sym);
        history = history == null ? BarHistory.EMPTY : history;
        if (am.s() <= history.newestStart()) {
            metrics.filtered("late");
            return;
        }
        Bar bar = new Bar(am.s(), am.o(), am.c(), am.v());
        BarDetector.Outcome outcome = detector.detect(history.bars(), bar);
        if (outcome.noise()) {
            metrics.filtered("noise");
        }
        for (BarDetector.Detection found : outcome.events()) {
            emit(input, new EventRecords.Detection(found.type(), found.direction(), am.c(), found.details()));
        }
        histories.put(sym, history.with(bar, historyLimit));
    }
}
