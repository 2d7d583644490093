package io.tickstock.perf.run;

import io.tickstock.model.Feed;
import io.tickstock.perf.client.PerfClient;
import io.tickstock.perf.client.ServerObject;
import io.tickstock.perf.expect.BarBursts;
import io.tickstock.perf.integrity.IdSpace;
import io.tickstock.perf.measure.Latencies;
import io.tickstock.perf.stack.SimulatorSchedule;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where every client's events go: into the client's receipts (integrity), and, for events of the run's input after
 * its warm-up read by a reading client, into the latency histograms (ingestTs → read, the gateway's read → read, and
 * from when the simulator had the input due → read; same machine, same clock). The bursts count the events of one
 * client that sees everything, and per group when its clients had a burst's last event.
 */
final class Deliveries implements PerfClient.Sink {

    private final IdSpace ids;
    private final Latencies latencies;
    private final BarBursts bursts;
    private final PhaseClock phases;
    private volatile long measureFromMillis = Long.MAX_VALUE;
    private volatile SimulatorSchedule schedule;
    private final String burstClient;
    private final GroupBursts groupBursts;
    private final AtomicLong delivered = new AtomicLong();

    /**
     * @param burstClient the client whose arrivals time the minute bursts
     * @param groupBursts when each group of clients had the last event of each burst
     */
    Deliveries(IdSpace ids, Latencies latencies, BarBursts bursts, PhaseClock phases, String burstClient,
            GroupBursts groupBursts) {
        this.ids = ids;
        this.latencies = latencies;
        this.bursts = bursts;
        this.phases = phases;
        this.burstClient = burstClient;
        this.groupBursts = groupBursts;
    }

    @Override
    public void event(PerfClient client, ServerObject event, long receivedMicros) {
        client.receipts().receive(ids.numberOf(event.id()));
        delivered.incrementAndGet();
        if (event.ingestTs() >= measureFromMillis && !client.stalls()) {
            long latency = receivedMicros - event.ingestTs() * 1_000;
            long gateway = event.gatewayReadUs() > 0 ? Math.max(0, receivedMicros - event.gatewayReadUs()) : -1;
            latencies.record(inputChannel(event), event.priority(), phases.phaseAt(event.ingestTs()), latency,
                    (event.detectedAt() - event.ingestTs()) * 1_000, gateway, fromSchedule(event, receivedMicros));
            client.recordLatency(latency, gateway);
        }
        if (event.feed().equals("AM")) {
            if (client.name().equals(burstClient)) {
                bursts.delivered(event.providerTs(), receivedMicros / 1_000);
            }
            groupBursts.delivered(client, event.providerTs(), receivedMicros / 1_000, event.gatewayReadUs());
        }
    }

    /** Due → read: the input's due time is its provider timestamp on the simulator's schedule. */
    private long fromSchedule(ServerObject event, long receivedMicros) {
        SimulatorSchedule known = schedule;
        return known == null ? Latencies.UNKNOWN : receivedMicros - known.dueMicros(event.providerTs());
    }

    /**
     * The simulator's schedule as far as the run knows it: latency from the schedule is recorded from now on (an
     * event whose input is due on a stretch not known yet — the few milliseconds between a change of speed and the
     * harness reading it — is mapped on the stretch before, off by that time × (new speed / old speed − 1)).
     */
    void schedule(SimulatorSchedule schedule) {
        this.schedule = schedule;
    }

    /**
     * The channel of the event's input (its {@code source.feed}): T and A are tick, AM is ohlcv, FMV is fmv. SPEC §9
     * measures tick latency and the OHLCV minute burst apart, and a high found in a minute bar (an event of type
     * {@code high}, owned by the tick detector) belongs to the burst, not to the tick latency.
     */
    static String inputChannel(ServerObject event) {
        try {
            return Feed.ofCode(event.feed()).channel().wireName();
        } catch (IllegalArgumentException e) {
            return event.channel();
        }
    }

    /**
     * Latency is recorded for input accepted from {@code millis} on: the run's start plus its warm-up (freshly
     * started services run their first seconds interpreted, which is not the steady state the targets are about).
     */
    void measureFrom(long millis) {
        measureFromMillis = millis;
    }

    /** Events read, over all clients (snapshots not counted). */
    long delivered() {
        return delivered.get();
    }
}
