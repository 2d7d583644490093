package io.tickstock.perf.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.Aggregate;
import io.tickstock.model.Direction;
import io.tickstock.model.EventType;
import io.tickstock.model.FairMarketValue;
import io.tickstock.model.Feed;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.MarketMessage;
import io.tickstock.model.SourceContext;
import io.tickstock.model.Topics;
import io.tickstock.model.Trade;
import io.tickstock.model.id.EventIds;
import io.tickstock.perf.result.DedupReport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dedup audit over constructed raw records and events: what it counts, and each fault it must catch. */
class DedupAuditTest {

    private static final long T0 = 1_733_500_000_000L;
    private static final String ORIGIN = "market_open_surge seed 42";
    private static final String RESENT = ORIGIN + Topics.RESENT_ORIGIN_SUFFIX;

    /** A run's raw topics, each record at the next offset of partition 0 of its feed's topic. */
    private final RawInputs raw = new RawInputs();
    private final Map<String, Long> nextOffset = new HashMap<>();
    private final Map<MarketMessage, Long> offsetOf = new HashMap<>();

    private long ingest(MarketMessage msg, String origin) {
        String topic = Topics.rawTopicOf(msg.ev());
        long offset = nextOffset.merge(topic, 1L, Long::sum) - 1;
        raw.add(topic, 0, offset, msg, origin);
        offsetOf.putIfAbsent(msg, offset);
        return offset;
    }

    private static MarketEvent event(MarketMessage input, long offset, EventType type) {
        return new MarketEvent(MarketEvent.VERSION, EventIds.of(input.identity(), type), type, input.sym(),
                type == EventType.FMV_DEVIATION ? Direction.UNDERVALUED : Direction.UP, 10, 1, type.channel(),
                input.eventTime(), input.eventTime() + 5, Map.of(), new SourceContext("simulator", input.ev(),
                input.eventTime(), input.eventTime() + 1, Topics.rawTopicOf(input.ev()), 0, offset, input.identity()));
    }

    private MarketEvent eventOf(MarketMessage input, EventType type) {
        return event(input, offsetOf.get(input), type);
    }

    private static CommittedIds committed(MarketEvent... events) {
        CommittedIds ids = new CommittedIds();
        for (MarketEvent event : events) {
            ids.add(event);
        }
        return ids;
    }

    private static DedupReport.Channel channel(DedupReport report, String name) {
        return report.channels().stream().filter(c -> c.channel().equals(name)).findFirst().orElseThrow();
    }

    private static Trade trade(String sym, String id, long t, int exchange, double price) {
        return Trade.of(sym, exchange, id, price, 100, t);
    }

    private static Aggregate minuteBar(String sym, long start, double close) {
        return Aggregate.bar(Feed.AM, sym, 10, Math.max(10, close), Math.min(10, close), close, 5_000, start,
                start + 60_000);
    }

    private static FairMarketValue quote(String sym, long millis, Double mp, Double conf) {
        return new FairMarketValue(Feed.FMV, sym, 11, mp, conf, millis * 1_000_000);
    }

    /** One input of each channel, each re-sent once as the simulator injects it, and an event of each channel. */
    private final Trade trade = trade("AAPL", "1", T0, 4, 190);
    private final Aggregate bar = minuteBar("MSFT", T0, 12);
    private final FairMarketValue quote = quote("IBM", T0 + 10, 10.0, 0.9);

    private void everyChannelWithOneInjectedRepeat() {
        ingest(trade, ORIGIN);
        ingest(bar, ORIGIN);
        ingest(quote, ORIGIN);
        ingest(trade, RESENT);
        ingest(bar, RESENT);
        ingest(quote, RESENT);
    }

    private CommittedIds oneEventPerChannel() {
        return committed(eventOf(trade, EventType.SURGE), eventOf(bar, EventType.BREAKOUT),
                eventOf(quote, EventType.FMV_DEVIATION));
    }

    @Test
    void aRunWhoseEventsMatchTheReferenceAndWhoseRepeatsWereAllInjectedPasses() {
        everyChannelWithOneInjectedRepeat();

        DedupReport report = DedupAudit.judge(raw, oneEventPerChannel(), oneEventPerChannel(), "test reference");

        assertThat(report.failures()).isEmpty();
        assertThat(report.channels()).extracting(DedupReport.Channel::channel).containsExactly("tick", "ohlcv", "fmv");
        assertThat(report.channels()).allSatisfy(c -> {
            assertThat(c.raw()).isEqualTo(2);
            assertThat(c.unique()).isEqualTo(1);
            assertThat(c.repeats()).isEqualTo(1);
            assertThat(c.injected()).isEqualTo(1);
            assertThat(c.eventsCommitted()).isEqualTo(1);
            assertThat(c.compared()).isEqualTo(1);
            assertThat(c.orderDependent()).isZero();
            assertThat(c.missing() + c.extra() + c.idsCommittedTwice() + c.eventsFromRepeats()).isZero();
        });
        assertThat(channel(report, "ohlcv").rawByFeed()).containsExactly(Map.entry("AM", 2L));
    }

    @Test
    void identitiesAreSpecFieldsOnlySoACorrectedPriceIsARepeatAndAnotherExchangeIsNot() {
        ingest(trade("AAPL", "7", T0, 4, 190), ORIGIN);
        ingest(trade("AAPL", "7", T0, 4, 191), RESENT); // same (sym, i, t, x): the same trade, whatever its price
        ingest(trade("AAPL", "7", T0, 11, 190), ORIGIN); // another exchange: another trade
        ingest(trade("AAPL", "7", T0 + 1, 4, 190), ORIGIN); // another time: another trade
        ingest(Aggregate.bar(Feed.A, "AAPL", 190, 191, 189, 190, 300, T0, T0 + 1_000), ORIGIN);
        ingest(Aggregate.bar(Feed.A, "AAPL", 190, 192, 189, 191, 400, T0, T0 + 1_000), RESENT); // same (ev, sym, s)
        ingest(minuteBar("AAPL", T0, 12), ORIGIN); // AM and A of the same start are different inputs
        ingest(quote("IBM", T0, 10.0, 0.9), ORIGIN);
        ingest(quote("IBM", T0 + 1, 10.0, 0.9), ORIGIN);

        DedupReport report = DedupAudit.judge(raw, new CommittedIds(), new CommittedIds(), "test");

        DedupReport.Channel tick = channel(report, "tick");
        assertThat(tick.rawByFeed()).containsExactly(Map.entry("A", 2L), Map.entry("T", 4L));
        assertThat(tick.unique()).isEqualTo(4);
        assertThat(tick.repeats()).isEqualTo(2);
        assertThat(tick.injected()).isEqualTo(2);
        assertThat(channel(report, "ohlcv").repeats()).isZero();
        assertThat(channel(report, "fmv").unique()).isEqualTo(2);
        assertThat(report.failures()).noneMatch(f -> f.contains("input"));
    }

    @Test
    void anUninjectedRepeatAndAnInjectedOriginalFailEvenWhenTheirCountsCancelOut() {
        ingest(trade, ORIGIN);
        ingest(trade, ORIGIN); // a repeat nobody injected: ingest or the producer re-sent it
        ingest(bar, RESENT); // marked as a re-send, but nothing came before it
        ingest(quote, ORIGIN);
        ingest(quote, RESENT);

        DedupReport report = DedupAudit.judge(raw, oneEventPerChannel(), oneEventPerChannel(), "test");

        long repeats = report.channels().stream().mapToLong(DedupReport.Channel::repeats).sum();
        long injected = report.channels().stream().mapToLong(DedupReport.Channel::injected).sum();
        assertThat(repeats).as("the totals agree").isEqualTo(injected).isEqualTo(2);
        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).anySatisfy(f -> assertThat(f).startsWith("tick input: 1 repeat(s) not injected")
                .contains("raw.tick/0@1"));
        assertThat(report.failures()).anySatisfy(f -> assertThat(f)
                .startsWith("ohlcv input: 0 repeat(s) not injected, 1 injected re-send(s) without their original"));
    }

    @Test
    void aReferenceEventTheLiveRunLacksIsAFalseDrop() {
        everyChannelWithOneInjectedRepeat();
        Aggregate second = minuteBar("MSFT", T0 + 60_000, 13);
        ingest(second, ORIGIN);
        CommittedIds reference = oneEventPerChannel();
        reference.add(eventOf(second, EventType.BREAKOUT));

        DedupReport report = DedupAudit.judge(raw, oneEventPerChannel(), reference, "test");

        DedupReport.Channel ohlcv = channel(report, "ohlcv");
        assertThat(ohlcv.compared()).isEqualTo(2);
        assertThat(ohlcv.missing()).isEqualTo(1);
        assertThat(ohlcv.extra()).isZero();
        assertThat(report.failures()).singleElement().asString()
                .startsWith("1 ohlcv: reference events not committed")
                .contains(EventIds.of(second.identity(), EventType.BREAKOUT));
    }

    @Test
    void anEventTheReferenceDoesNotHaveIsExtra() {
        everyChannelWithOneInjectedRepeat();
        CommittedIds live = oneEventPerChannel();
        live.add(eventOf(trade, EventType.TREND));

        DedupReport report = DedupAudit.judge(raw, live, oneEventPerChannel(), "test");

        assertThat(channel(report, "tick").extra()).isEqualTo(1);
        assertThat(report.failures()).singleElement().asString()
                .startsWith("1 tick: committed events the reference does not have");
    }

    @Test
    void anIdCommittedTwiceFailsTheRunThoughEveryIdIsThere() {
        everyChannelWithOneInjectedRepeat();
        CommittedIds live = oneEventPerChannel();
        live.add(eventOf(bar, EventType.BREAKOUT));

        DedupReport report = DedupAudit.judge(raw, live, oneEventPerChannel(), "test");

        DedupReport.Channel ohlcv = channel(report, "ohlcv");
        assertThat(ohlcv.eventsCommitted()).isEqualTo(2);
        assertThat(ohlcv.idsCommittedTwice()).isEqualTo(1);
        assertThat(ohlcv.missing() + ohlcv.extra()).isZero();
        assertThat(report.failures()).singleElement().asString().startsWith("1 ohlcv: event ids committed twice");
    }

    @Test
    void anEventWhoseInputRecordIsARepeatIsADuplicateLetThrough() {
        everyChannelWithOneInjectedRepeat();
        long repeatOffset = 1; // the trade's injected copy
        MarketEvent fromRepeat = event(trade, repeatOffset, EventType.SURGE);
        CommittedIds live = committed(fromRepeat, eventOf(bar, EventType.BREAKOUT),
                eventOf(quote, EventType.FMV_DEVIATION));

        DedupReport report = DedupAudit.judge(raw, live, oneEventPerChannel(), "test");

        assertThat(channel(report, "tick").eventsFromRepeats()).isEqualTo(1);
        assertThat(report.failures()).singleElement().asString()
                .startsWith("1 tick: committed events whose input record is a repeat").contains("raw.tick/0@1");
    }

    @Test
    void extremesOfASymbolTradedAndBarredAreOrderDependentAndADifferenceThereSaysSo() {
        everyChannelWithOneInjectedRepeat();
        Aggregate aaplBar = minuteBar("AAPL", T0, 191); // AAPL trades too: its extremes come from both topics
        ingest(aaplBar, ORIGIN);
        CommittedIds live = oneEventPerChannel();
        live.add(eventOf(trade, EventType.HIGH)); // the live run took the trade first and emitted from it
        CommittedIds reference = oneEventPerChannel();
        reference.add(eventOf(aaplBar, EventType.HIGH)); // the reference took the bar first
        reference.add(eventOf(bar, EventType.HIGH)); // MSFT has bars only: its high is order-independent

        DedupReport report = DedupAudit.judge(raw, live, reference, "test");

        DedupReport.Channel tick = channel(report, "tick");
        assertThat(tick.compared()).isEqualTo(2);
        assertThat(tick.missing()).isEqualTo(1);
        assertThat(tick.orderDependent()).isEqualTo(1);
        assertThat(tick.orderDependentMissing()).isEqualTo(1);
        assertThat(tick.orderDependentExtra()).isEqualTo(1);
        assertThat(report.orderDependent()).singleElement().asString()
                .startsWith(OrderIndependent.BOTH_PRICE_TOPICS).endsWith("(1 committed events)");
        assertThat(report.failures()).hasSize(3);
        assertThat(report.failures()).anySatisfy(f -> assertThat(f)
                .startsWith("1 tick: reference events not committed").contains("high MSFT").doesNotContain("order"));
        assertThat(report.failures()).anySatisfy(f -> assertThat(f)
                .startsWith("1 tick: reference events of an order-dependent kind not committed")
                .contains("high AAPL", "interleaves"));
        assertThat(report.failures()).anySatisfy(f -> assertThat(f)
                .startsWith("1 tick: committed events of an order-dependent kind the reference does not have"));
    }

    @Test
    void deviationsOfSymbolsQuotedWithoutMarketPriceOrConfidenceAreOrderDependent() {
        everyChannelWithOneInjectedRepeat();
        FairMarketValue bare = quote("ORCL", T0 + 20, null, null);
        ingest(bare, ORIGIN);
        CommittedIds live = oneEventPerChannel();
        live.add(eventOf(bare, EventType.FMV_DEVIATION));
        CommittedIds reference = oneEventPerChannel();
        reference.add(eventOf(bare, EventType.FMV_DEVIATION));

        DedupReport report = DedupAudit.judge(raw, live, reference, "test");

        DedupReport.Channel fmv = channel(report, "fmv");
        assertThat(fmv.compared()).isEqualTo(1);
        assertThat(fmv.orderDependent()).isEqualTo(1);
        assertThat(report.orderDependent()).singleElement().asString()
                .startsWith(OrderIndependent.PRICED_BY_TICK_CHANNEL);
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void everyDeviationIsOrderDependentWhenTheRunOutlastsTheStalenessBound() {
        everyChannelWithOneInjectedRepeat();
        ingest(minuteBar("MSFT", T0 + OrderIndependent.FMV_STALE_AFTER.toMillis(), 12), ORIGIN);

        DedupReport report = DedupAudit.judge(raw, oneEventPerChannel(), oneEventPerChannel(), "test");

        assertThat(channel(report, "fmv").compared()).isZero();
        assertThat(channel(report, "fmv").orderDependent()).isEqualTo(1);
        assertThat(report.orderDependent()).singleElement().asString()
                .startsWith(OrderIndependent.LONGER_THAN_STALENESS);
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void aChannelWithoutAnyReferenceEventProvesNothingAndFails() {
        everyChannelWithOneInjectedRepeat();
        CommittedIds withoutBars = committed(eventOf(trade, EventType.SURGE), eventOf(quote, EventType.FMV_DEVIATION));

        DedupReport report = DedupAudit.judge(raw, withoutBars, withoutBars, "test");

        assertThat(report.failures()).singleElement().asString()
                .startsWith("ohlcv: the reference has no event of this channel to compare with");
    }

    @Test
    void aRunWithoutInjectedDuplicatesProvesNothingAndFails() {
        ingest(trade, ORIGIN);
        ingest(bar, ORIGIN);
        ingest(quote, ORIGIN);

        DedupReport report = DedupAudit.judge(raw, oneEventPerChannel(), oneEventPerChannel(), "test");

        assertThat(report.failures()).singleElement().asString().startsWith("no raw record of the run is an injected");
        assertThat(report.channels()).allSatisfy(c -> assertThat(c.repeats()).isZero());
    }

    @Test
    void theRepeatsOfARunAreKnownByPosition() {
        everyChannelWithOneInjectedRepeat();

        assertThat(raw.isRepeat(Topics.RAW_TICK, 0, 0)).isFalse();
        assertThat(raw.isRepeat(Topics.RAW_TICK, 0, 1)).isTrue();
        assertThat(raw.isRepeat(Topics.RAW_TICK, 1, 1)).isFalse();
        assertThat(List.of(RawInputs.specIdentity(trade), RawInputs.specIdentity(bar), RawInputs.specIdentity(quote)))
                .containsExactly("T AAPL i=1 t=" + T0 + " x=4", "AM MSFT s=" + T0, "FMV IBM t=" + (T0 + 10) * 1_000_000);
    }
}
