package io.tickstock.perf.run;

import io.tickstock.perf.client.PerfClient;
import io.tickstock.perf.client.Subscription;
import io.tickstock.perf.expect.CommittedEvents;
import io.tickstock.perf.expect.EventFact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live view of loss: events of the run committed more than a grace period ago that a reading client is owed
 * and has not received yet. An overdue event may still arrive (late, not lost); the final count after the drain
 * is what judges the run.
 */
final class Overdue {

    private record Missing(EventFact fact, PerfClient client) {
    }

    private final CommittedEvents committed;
    private final Map<Subscription, List<PerfClient>> bySubscription = new LinkedHashMap<>();
    private final long graceMillis;
    private final List<Missing> pending = new ArrayList<>();
    private int cursor;

    Overdue(CommittedEvents committed, List<PerfClient> clients, long graceMillis) {
        this.committed = committed;
        this.graceMillis = graceMillis;
        for (PerfClient client : clients) {
            if (!client.stalls()) {
                bySubscription.computeIfAbsent(client.subscription(), s -> new ArrayList<>()).add(client);
            }
        }
    }

    /** Events (per client) owed for longer than the grace period and not received at {@code nowMillis}. */
    synchronized int check(long nowMillis) {
        for (EventFact fact : committed.factsFrom(cursor)) {
            if (fact.readAtMillis() > nowMillis - graceMillis) {
                break;
            }
            cursor++;
            if (!fact.inRun()) {
                continue;
            }
            bySubscription.forEach((subscription, clients) -> {
                if (subscription.matches(fact.type(), fact.symbol())) {
                    for (PerfClient client : clients) {
                        if (!client.receipts().has(fact.number())) {
                            pending.add(new Missing(fact, client));
                        }
                    }
                }
            });
        }
        pending.removeIf(m -> m.client().receipts().has(m.fact().number()));
        return pending.size();
    }

    /** Of the overdue events, those whose input was accepted in {@code phase}. */
    synchronized int inPhase(int phase, PhaseClock phases) {
        return (int) pending.stream().filter(m -> phases.phaseAt(m.fact().ingestTs()) == phase).count();
    }
}
