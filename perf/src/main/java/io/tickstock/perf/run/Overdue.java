package io.tickstock.perf.run;

import io.tickstock.perf.client.PerfClient;
import io.tickstock.perf.client.Subscription;
import io.tickstock.perf.expect.CommittedEvents;
import io.tickstock.perf.expect.EventFact;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live view of loss: events of the run committed more than a grace period ago that a reading client is owed
 * and has not received yet. An overdue event may still arrive (late, not lost); the final count after the drain
 * is what judges the run.
 */
final class Overdue {

    /** A fact still owed to some clients: one bit per client (by its index among the reading clients). */
    private record Missing(EventFact fact, BitSet clients) {
    }

    private final CommittedEvents committed;
    private final List<PerfClient> reading = new ArrayList<>();
    private final Map<Subscription, BitSet> bySubscription = new LinkedHashMap<>();
    private final long graceMillis;
    private final Map<String, BitSet> owedByKey = new HashMap<>();
    private final List<Missing> pending = new ArrayList<>();
    private int cursor;

    Overdue(CommittedEvents committed, List<PerfClient> clients, long graceMillis) {
        this.committed = committed;
        this.graceMillis = graceMillis;
        for (PerfClient client : clients) {
            if (!client.stalls()) {
                bySubscription.computeIfAbsent(client.subscription(), s -> new BitSet()).set(reading.size());
                reading.add(client);
            }
        }
    }

    /**
     * Events (per client) owed for longer than the grace period and not received at {@code nowMillis}. Kept as one
     * bit per client and event: a thousand clients a burst behind are millions of them, and the harness must not be
     * the one that runs out of memory.
     */
    synchronized int check(long nowMillis) {
        for (EventFact fact : committed.factsFrom(cursor)) {
            if (fact.readAtMillis() > nowMillis - graceMillis) {
                break;
            }
            cursor++;
            if (!fact.inRun()) {
                continue;
            }
            BitSet owedTo = owedTo(fact);
            if (!owedTo.isEmpty()) {
                pending.add(new Missing(fact, (BitSet) owedTo.clone()));
            }
        }
        int missing = 0;
        for (Iterator<Missing> it = pending.iterator(); it.hasNext(); ) {
            Missing m = it.next();
            BitSet clients = m.clients();
            for (int i = clients.nextSetBit(0); i >= 0; i = clients.nextSetBit(i + 1)) {
                if (reading.get(i).receipts().has(m.fact().number())) {
                    clients.clear(i);
                }
            }
            if (clients.isEmpty()) {
                it.remove();
            } else {
                missing += clients.cardinality();
            }
        }
        return missing;
    }

    /**
     * The reading clients an event of the fact's (type, symbol) is owed to, worked out once per (type, symbol): a
     * burst brings thousands of facts and there are nine hundred watch lists to match each against, on the harness's
     * cores, in the seconds the gateway is busiest.
     */
    private BitSet owedTo(EventFact fact) {
        return owedByKey.computeIfAbsent(fact.type() + '.' + fact.symbol(), key -> {
            BitSet owedTo = new BitSet();
            bySubscription.forEach((subscription, clients) -> {
                if (subscription.matches(fact.type(), fact.symbol())) {
                    owedTo.or(clients);
                }
            });
            return owedTo;
        });
    }

    /** Of the overdue events, those whose input was accepted in {@code phase}. */
    synchronized int inPhase(int phase, PhaseClock phases) {
        return pending.stream().filter(m -> phases.phaseAt(m.fact().ingestTs()) == phase)
                .mapToInt(m -> m.clients().cardinality()).sum();
    }
}
