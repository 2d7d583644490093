package io.tickstock.perf.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.perf.client.FrameScanner;
import io.tickstock.perf.client.PerfClient;
import io.tickstock.perf.client.ServerObject;
import io.tickstock.perf.client.Subscription;
import io.tickstock.perf.expect.BarBursts;
import io.tickstock.perf.integrity.IdSpace;
import io.tickstock.perf.measure.Latencies;
import io.tickstock.perf.stack.SimulatorSchedule;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DeliveriesTest {

    private final IdSpace ids = new IdSpace();
    private final Latencies latencies = new Latencies();
    private final BarBursts bursts = new BarBursts();
    private final PhaseClock phases = new PhaseClock();
    private final GroupBursts groupBursts = new GroupBursts();
    private final Deliveries deliveries = new Deliveries(ids, latencies, bursts, phases, "all", groupBursts);
    private final PerfClient all = new PerfClient("all", Subscription.of("*.*"), false, Optional.empty(), deliveries);

    private static ServerObject event(String id, String feed, long ingestTs, long detectedAt) {
        return event(id, feed, 60_000, ingestTs, detectedAt);
    }

    private static ServerObject event(String id, String feed, long providerTs, long ingestTs, long detectedAt) {
        return FrameScanner.scan("[{\"ev\":\"event\",\"id\":\"" + id + "\",\"type\":\"high\",\"symbol\":\"A\","
                + "\"priority\":1,\"channel\":\"tick\",\"detectedAt\":" + detectedAt + ",\"source\":{\"feed\":\""
                + feed + "\",\"providerTs\":" + providerTs + ",\"ingestTs\":" + ingestTs + "},\"gatewayReadUs\":"
                + (detectedAt + 2) * 1_000 + "}]").get(0);
    }

    @ParameterizedTest(name = "feed {0} is the {1} input")
    @CsvSource({"T, tick", "A, tick", "AM, ohlcv", "FMV, fmv", "??, tick"})
    void latencyIsKeptByTheChannelOfTheInput(String feed, String channel) {
        assertThat(Deliveries.inputChannel(event("x", feed, 0, 0))).isEqualTo(channel);
    }

    @Test
    void everyEventIsAReceiptButOnlyInputAfterTheWarmUpIsALatency() {
        phases.begin(1_000);
        deliveries.measureFrom(2_000);

        deliveries.event(all, event("warm", "T", 1_500, 1_510), 1_600_000);
        deliveries.event(all, event("bar-high", "AM", 2_000, 2_004), 2_010_000);
        deliveries.event(all, event("bar-high", "AM", 2_000, 2_004), 2_012_000);

        assertThat(deliveries.delivered()).isEqualTo(3);
        assertThat(all.receipts().distinct()).isEqualTo(2);
        assertThat(all.receipts().extraCopies()).isEqualTo(1);
        Latencies.Breakdown total = latencies.interval();
        assertThat(total.get("all").getTotalCount()).isEqualTo(2);
        assertThat(total.get("ohlcv").getMaxValue()).isBetween(11_990L, 12_010L);
        assertThat(total.get(Latencies.HOPS[0]).getMaxValue()).as("ingest → detected").isBetween(3_990L, 4_010L);
        assertThat(total.get(Latencies.HOPS[2]).getMaxValue()).as("gateway read → read").isBetween(5_990L, 6_010L);
        assertThat(all.gatewayLatency().getTotalCount()).isEqualTo(2);
        assertThat(total.get("tick").getTotalCount()).isZero();
        assertThat(latencies.phase(0).get("all").getTotalCount()).isEqualTo(2);
        assertThat(bursts.bursts(Map.of(60_000L, 1L))).isEmpty();
    }

    @Test
    void aGroupHasABurstWhenItsClientsReadItsEventsAndAStalledClientCountsForNone() {
        PerfClient mover = new PerfClient("movers-1", Subscription.of("high.*"), false, Optional.empty(), deliveries);
        PerfClient stalled = new PerfClient("stalled", Subscription.of("*.*"), true, Optional.empty(), deliveries);
        groupBursts.member(mover, "movers");
        groupBursts.member(stalled, "stalled");

        deliveries.event(mover, event("b1", "AM", 2_000, 2_004), 2_010_000);
        deliveries.event(mover, event("b2", "AM", 2_000, 2_004), 2_050_000);
        deliveries.event(mover, event("t", "T", 2_000, 2_004), 2_090_000);
        deliveries.event(stalled, event("b1", "AM", 2_000, 2_004), 2_095_000);

        assertThat(groupBursts.delivered("movers", 60_000)).isEqualTo(2);
        assertThat(groupBursts.lastAt("movers", 60_000)).isEqualTo(2_050);
        assertThat(groupBursts.lastReadUs("movers", 60_000)).as("the gateway read the later one at 2,006 ms")
                .isEqualTo(2_006_000);
        assertThat(groupBursts.delivered("stalled", 60_000)).isZero();
        assertThat(groupBursts.lastAt("other", 60_000)).isZero();
    }

    @Test
    void withTheSimulatorsScheduleKnownLatencyIsAlsoKeptFromWhenTheInputWasDue() {
        phases.begin(0);
        deliveries.measureFrom(0);
        deliveries.event(all, event("unscheduled", "T", 900, 1_000, 1_005), 1_010_000);
        deliveries.schedule(SimulatorSchedule.of(new SimulatorSchedule.Stretch(0, 0, 0, 1)));

        // a trade due at 1,000 ms that the simulator sent 700 ms late: ingest stamped 1,700
        deliveries.event(all, event("late", "T", 1_000, 1_700, 1_705), 1_720_000);

        Latencies.Breakdown total = latencies.interval();
        assertThat(total.get("tick").getTotalCount()).isEqualTo(2);
        assertThat(total.get("tick").getMaxValue()).as("ingestTs hides the delay").isBetween(19_990L, 20_020L);
        Histogram fromSchedule = total.get(Latencies.fromSchedule("tick"));
        assertThat(fromSchedule.getTotalCount()).as("only input with a known schedule").isEqualTo(1);
        assertThat(fromSchedule.getMaxValue()).isBetween(719_000L, 721_000L);
        assertThat(total.get(Latencies.fromSchedule("all")).getTotalCount()).isEqualTo(1);
        assertThat(latencies.total().percentiles()).containsKeys("tick from schedule", "all from schedule")
                .doesNotContainKeys("ohlcv from schedule");
    }
}
