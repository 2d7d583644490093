package io.tickstock.perf.dedup;

import io.tickstock.model.EventType;
import java.time.Duration;
import java.util.Set;

/**
 * Which events any correct processor finds in the same input, however it interleaves the raw topics. The live
 * processor's tick channel takes the three raw topics in the order their records reach it (by ingest time among
 * what it has fetched, {@code max.task.idle.ms} 0), and a restart or the reference takes them in another order; one
 * partition of one topic is always taken in offset order. An event is order-independent when every input that decides
 * it lies on one topic:
 * <ul>
 *   <li>OHLCV events: the minute bars alone, in an engine of their own;</li>
 *   <li>{@code surge} and {@code trend}: the series of trades and {@code A} bars (the tick topic) alone;</li>
 *   <li>{@code high}/{@code low} of a symbol with input on only one of the tick and the bar topic — not of a symbol
 *   traded AND barred, where a trade and the bar holding it can both set an extreme and the first one taken
 *   emits it;</li>
 *   <li>{@code fmv_deviation} of a symbol whose every quote carries {@code mp} and {@code conf}, in a run shorter
 *   than the staleness bound — not of the others, which are priced with the last price the tick channel had when it
 *   took the quote.</li>
 * </ul>
 */
final class OrderIndependent {

    /** SPEC §4: an FMV quote older than this behind the symbol's newest input is ignored. */
    static final Duration FMV_STALE_AFTER = Duration.ofMinutes(15);

    static final String BOTH_PRICE_TOPICS = "high/low of symbols with input on both the tick and the bar topic: a "
            + "trade and the minute bar holding it can set the same extreme, and the one the tick channel takes first "
            + "(an order of arrival across topics) emits it";
    static final String PRICED_BY_TICK_CHANNEL = "fmv_deviation of symbols with quotes without mp or conf: those are "
            + "priced with the last price the tick channel had when it took the quote (an order of arrival across "
            + "topics)";
    static final String LONGER_THAN_STALENESS = "fmv_deviation: the run's input spans more event time than the "
            + FMV_STALE_AFTER.toMinutes() + " min after which whether a quote is stale depends on what the tick "
            + "channel took before it";

    private final Set<String> onBothPriceTopics;
    private final Set<String> quotedWithoutMarketFacts;
    private final boolean withinStaleness;

    OrderIndependent(RawInputs raw) {
        this.onBothPriceTopics = raw.symbolsOnBothPriceTopics();
        this.quotedWithoutMarketFacts = raw.quotedWithoutMarketFacts();
        this.withinStaleness = raw.eventTimeSpanMillis() < FMV_STALE_AFTER.toMillis();
    }

    /**
     * Null when an event of {@code type} for {@code symbol} is order-independent; else why it is not. (A processor
     * catching up, as after a restart and in the reference, has the lag of every input partition and takes the
     * records strictly by ingest time; a live one may take a record of one topic before an older one of another
     * that has not reached it yet.)
     */
    String dependsOnOrder(EventType type, String symbol) {
        return switch (type) {
            case HIGH, LOW -> onBothPriceTopics.contains(symbol) ? BOTH_PRICE_TOPICS : null;
            case FMV_DEVIATION -> !withinStaleness ? LONGER_THAN_STALENESS
                    : quotedWithoutMarketFacts.contains(symbol) ? PRICED_BY_TICK_CHANNEL : null;
            default -> null;
        };
    }
}
