package io.tickstock.processor.topology;

import io.tickstock.model.Aggregate;
import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.Feed;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Trade;
import io.tickstock.processor.deadletter.InputChecks;
import io.tickstock.processor.deadletter.PoisonRecordException;
import io.tickstock.processor.detect.HighLowDetector;
import io.tickstock.processor.detect.SurgeDetector;
import io.tickstock.processor.detect.TrendDetector;
import io.tickstock.processor.metrics.ChannelMetrics;
import io.tickstock.processor.metrics.ChannelMetrics.DuplicateKind;
import io.tickstock.processor.state.MarketSymbol;
import io.tickstock.processor.state.SymbolState;
import io.tickstock.processor.state.TickSeries;
import io.tickstock.processor.state.TickState;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The tick channel, which owns what SPEC §4 makes shared per symbol. It takes the three raw topics in arrival order:
 * trades and {@code A} bars are its own input (extremes, last price, surge, trend); a minute bar only moves the
 * session extremes and the last price here (its bar events are the OHLCV channel's, in tasks of their own); a quote
 * only gets priced, and goes on to the FMV channel. One place, one order: a trade high and the bar containing it
 * meet in one state, whatever the timing.
 */
final class TickProcessor implements Processor<String, IngestedMessage, String, Object> {

    private static final Set<Feed> TICK_FEEDS = Set.of(Feed.T, Feed.A);
    private static final Set<Feed> BAR_FEEDS = Set.of(Feed.AM);
    private static final Set<Feed> QUOTE_FEEDS = Set.of(Feed.FMV);

    private final ChannelParts parts;
    private final SurgeDetector surge;
    private final TrendDetector trend;
    private final ChannelMetrics tick;
    private final ChannelMetrics ohlcv;
    private final ChannelMetrics fmv;
    private final String tickTopic;
    private final String barTopic;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, MarketSymbol> symbols;
    private TickSeries series;
    private EventEmitter events;
    private long newestEventTime = Long.MIN_VALUE;

    TickProcessor(ChannelParts parts, SurgeDetector surge, TrendDetector trend) {
        this.parts = parts;
        this.surge = surge;
        this.trend = trend;
        this.tick = parts.metricsOf(Channel.TICK);
        this.ohlcv = parts.metricsOf(Channel.OHLCV);
        this.fmv = parts.metricsOf(Channel.FMV);
        this.tickTopic = parts.config().topics().tick();
        this.barTopic = parts.config().topics().ohlcv();
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.symbols = context.getStateStore(StoreNames.TICK_SYMBOLS);
        this.series = new TickSeries(context.getStateStore(StoreNames.TICK_SECONDS),
                parts.config().surge().window().toMillis(), trend.windowsMillis(), trend.longestWindowMillis(),
                TickChannel.keptMillis(trend, parts));
        series.load(symbols);
        this.events = new EventEmitter(parts.priorities(), context::currentSystemTimeMs, context::forward);
        SessionReset reset = new SessionReset(parts.config().session().calendar(), symbols);
        context.schedule(parts.config().session().resetCheckInterval(), PunctuationType.WALL_CLOCK_TIME,
                wallClock -> reset.run(newestEventTime));
    }

    @Override
    public void process(Record<String, IngestedMessage> record) {
        RecordMetadata where = context.recordMetadata().orElseThrow();
        if (where.topic().equals(tickTopic)) {
            onTick(record, where);
        } else if (where.topic().equals(barTopic)) {
            onBar(record, where);
        } else {
            onQuote(record, where);
        }
    }

    private void onTick(Record<String, IngestedMessage> record, RecordMetadata where) {
        tick.processed();
        MarketMessage msg = InputChecks.check(record.key(), record.value(), TICK_FEEDS);
        String sym = msg.sym();
        MarketSymbol state = symbol(sym);
        String identity = msg.identity();
        long seriesTime = msg instanceof Aggregate bar ? bar.s() : msg.eventTime();
        if (series.seen(sym, state, seriesTime, identity)) {
            tick.duplicate(DuplicateKind.INPUT);
        } else {
            EventRecords.Input input = EventRecords.Input.of(record.value(), where);
            symbols.put(sym, msg instanceof Trade trade ? onTrade(input, state, trade) : onSecondBar(input, state,
                    (Aggregate) msg));
            noteEventTime(msg.eventTime());
        }
        tick.succeeded();
    }

    private MarketSymbol onTrade(EventRecords.Input input, MarketSymbol state, Trade trade) {
        String sym = trade.sym();
        double price = trade.p();
        SymbolState shared = observeExtremes(input, state.shared(), price, price, false, tick);
        MarketSymbol traded = state.withShared(shared.withPrice(price, trade.t()))
                .withTick(state.tick().withTradeAt(trade.t()), state.open());
        MarketSymbol added = series.add(sym, traded, trade.t(), price, price, trade.s(), trade.identity());
        if (added == null) {
            tick.filtered("late"); // its high or low is found all the same; surge and trend need its history
            return traded;
        }
        return detectMoves(input, added, price, trade.t());
    }

    /** An {@code A} bar joins the series only for a second in which the symbol had no trade: its volume is theirs. */
    private MarketSymbol onSecondBar(EventRecords.Input input, MarketSymbol state, Aggregate bar) {
        SymbolState shared = observeExtremes(input, state.shared(), bar.h(), bar.l(), true, tick);
        MarketSymbol priced = state.withShared(shared.withPrice(bar.c(), bar.e()));
        if (state.tick().lastTradeAt() >= bar.s()) {
            return series.remember(bar.sym(), priced, bar.s(), bar.identity());
        }
        MarketSymbol added = series.add(bar.sym(), priced, bar.s(), bar.o(), bar.c(), bar.v(), bar.identity());
        return added == null ? priced : detectMoves(input, added, bar.c(), bar.e());
    }

    /**
     * A minute bar's extremes and close. A bad or repeated bar is left to the OHLCV channel, which dead-letters or
     * counts it; here it changes nothing.
     */
    private void onBar(Record<String, IngestedMessage> record, RecordMetadata where) {
        Aggregate bar;
        try {
            bar = (Aggregate) InputChecks.check(record.key(), record.value(), BAR_FEEDS);
        } catch (PoisonRecordException e) {
            return;
        }
        MarketSymbol state = symbol(bar.sym());
        if (state.bars().contains(bar.s())) {
            return;
        }
        EventRecords.Input input = EventRecords.Input.of(record.value(), where);
        SymbolState shared = observeExtremes(input, state.shared(), bar.h(), bar.l(), true, ohlcv);
        symbols.put(bar.sym(), state.withShared(shared.withPrice(bar.c(), bar.e()))
                .withBar(bar.s(), parts.dedupRetentionMillis()));
        noteEventTime(bar.e());
    }

    /**
     * A quote leaves with the symbol's market facts as they are now, for the FMV channel to judge it by. It changes
     * nothing here: the newest time of the symbol's quotes is the FMV channel's own to keep.
     */
    private void onQuote(Record<String, IngestedMessage> record, RecordMetadata where) {
        fmv.processed();
        MarketMessage quote = InputChecks.check(record.key(), record.value(), QUOTE_FEEDS);
        SymbolState shared = symbol(quote.sym()).shared();
        context.forward(new Record<>(quote.sym(), new PricedQuote(record.value(), where.topic(), where.partition(),
                where.offset(), shared.lastPrice(), shared.lastPriceAt(), shared.newestAt()), record.timestamp()));
        noteEventTime(quote.eventTime());
        fmv.succeeded();
    }

    private MarketSymbol symbol(String sym) {
        MarketSymbol state = symbols.get(sym);
        return state == null ? MarketSymbol.EMPTY : state;
    }

    private void noteEventTime(long time) {
        newestEventTime = Math.max(newestEventTime, time);
    }

    /**
     * Offers a price range to the session extremes and emits the highs/lows it sets. A bar that re-reports an
     * extreme already emitted is the same market fact through another source: counted, not emitted (SPEC §5.2).
     */
    private SymbolState observeExtremes(EventRecords.Input input, SymbolState state, double high, double low,
            boolean bar, ChannelMetrics metrics) {
        HighLowDetector.Outcome outcome = parts.highLow().observe(state.extremes(), high, low,
                input.message().msg().eventTime());
        if (bar && outcome.resighted()) {
            metrics.duplicate(DuplicateKind.CROSS_SOURCE);
        }
        for (HighLowDetector.Extreme extreme : outcome.extremes()) {
            boolean isHigh = extreme.type() == EventType.HIGH;
            events.emit(input, new EventRecords.Detection(extreme.type(), isHigh ? Direction.UP : Direction.DOWN,
                    extreme.price(), Map.of(isHigh ? "sessionHigh" : "sessionLow", extreme.price(),
                            isHigh ? "previousHigh" : "previousLow", extreme.previous(), "step", extreme.step())),
                    metrics);
        }
        return state.withExtremes(outcome.state());
    }

    private MarketSymbol detectMoves(EventRecords.Input input, MarketSymbol state, double price, long time) {
        String sym = input.message().msg().sym();
        TickState counters = state.tick();
        TickState next = counters;
        SurgeDetector.Surge surged = surge.detect(series.surgeInput(sym, counters, price), time,
                counters.lastSurgeUpAt(), counters.lastSurgeDownAt());
        if (surged != null) {
            events.emit(input, new EventRecords.Detection(EventType.SURGE, surged.direction(), price, Map.of(
                    "percent", surged.percent(), "volume", (double) surged.volume(),
                    "avgVolume", surged.averageVolume())), tick);
            next = next.withSurge(surged.direction() == Direction.UP, time);
        }
        TrendDetector.Trend trended = trend.detect(series.trendInput(sym, counters, price), time,
                counters.lastTrendAt());
        if (trended != null) {
            events.emit(input, new EventRecords.Detection(EventType.TREND, trended.direction(), price,
                    Map.of("score", trended.score())), tick);
            next = next.withTrend(time);
        }
        return state.withTick(next, state.open());
    }
}
