package io.tickstock.processor.topology;

import io.tickstock.model.Aggregate;
import io.tickstock.model.Channel;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.Trade;
import io.tickstock.processor.detect.SurgeDetector;
import io.tickstock.processor.detect.TrendDetector;
import io.tickstock.processor.state.SymbolState;
import io.tickstock.processor.state.TickSample;
import io.tickstock.processor.state.TickSeries;
import io.tickstock.processor.state.TickState;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The tick channel's per-record path. Trades and {@code A} bars both move the session extremes and the last price;
 * the one-second series behind surge and trend takes trades, and {@code A} bars only for seconds without trades
 * (where a symbol's trades flow, its per-second bars would count the same volume twice).
 */
final class TickProcessor extends ChannelProcessor {

    private final SurgeDetector surge;
    private final TrendDetector trend;
    private final long seriesRetentionMillis;
    private KeyValueStore<String, TickState> ticks;
    private TickSeries series;

    TickProcessor(ChannelParts parts, SurgeDetector surge, TrendDetector trend, long seriesRetentionMillis) {
        super(parts, Channel.TICK, Set.of(Feed.T, Feed.A));
        this.surge = surge;
        this.trend = trend;
        this.seriesRetentionMillis = seriesRetentionMillis;
    }

    @Override
    public void init(ProcessorContext<String, MarketEvent> context) {
        super.init(context);
        ticks = context.getStateStore(StoreNames.TICK_STATE);
        WindowStore<String, TickSample> samples = context.getStateStore(StoreNames.TICK_SERIES);
        series = new TickSeries(samples, parts.config().surge().window().toMillis(), trend.windowsMillis(),
                trend.longestWindowMillis());
        SessionReset reset = new SessionReset(parts.config().session().calendar(),
                context.getStateStore(StoreNames.SYMBOL_STATE));
        context.schedule(parts.config().session().resetCheckInterval(), PunctuationType.WALL_CLOCK_TIME,
                wallClock -> reset.run(context.currentStreamTimeMs()));
    }

    @Override
    void detect(EventRecords.Input input, MarketMessage msg) {
        String sym = msg.sym();
        long time = msg.eventTime();
        SymbolState state = symbol(sym);
        TickState tick = ticks.get(sym);
        tick = tick == null ? TickState.EMPTY : tick;
        TickState added;
        double price;
        if (msg instanceof Trade trade) {
            price = trade.p();
            state = observeExtremes(input, state, price, price, false);
            tick = tick.withTradeAt(time);
            added = series.add(sym, tick, time, price, price, trade.s());
        } else {
            Aggregate bar = (Aggregate) msg;
            price = bar.c();
            state = observeExtremes(input, state, bar.h(), bar.l(), true);
            added = tick.lastTradeAt() < bar.s() ? series.add(sym, tick, bar.s(), bar.o(), bar.c(), bar.v()) : null;
        }
        if (added == null && msg instanceof Trade) {
            metrics.filtered("late"); // its high or low is found all the same; surge and trend need its history
        }
        putSymbol(sym, state.withPrice(price, time));
        ticks.put(sym, added == null ? tick : detectMoves(input, added, price, time));
    }

    private TickState detectMoves(EventRecords.Input input, TickState tick, double price, long time) {
        String sym = input.message().msg().sym();
        TickState next = tick;
        SurgeDetector.Surge surged = surge.detect(series.surgeInput(sym, tick, price), time, tick.lastSurgeUpAt(),
                tick.lastSurgeDownAt());
        if (surged != null) {
            emit(input, new EventRecords.Detection(EventType.SURGE, surged.direction(), price, Map.of(
                    "percent", surged.percent(), "volume", (double) surged.volume(),
                    "avgVolume", surged.averageVolume())));
            next = next.withSurge(surged.direction() == Direction.UP, time);
        }
        TrendDetector.Trend trended = trend.detect(series.trendInput(sym, tick, price), time, tick.lastTrendAt());
        if (trended != null) {
            emit(input, new EventRecords.Detection(EventType.TREND, trended.direction(), price,
                    Map.of("score", trended.score())));
            next = next.withTrend(time);
        }
        return next;
    }
}
