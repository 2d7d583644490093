package io.tickstock.perf.dedup;

import io.tickstock.model.Channel;
import io.tickstock.perf.result.DedupReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges SPEC §5 from ids alone: the raw records say what dedup had to drop (each repeat of an identity, each one
 * matched record by record with the simulator's mark, not a count with a count), the committed events say what the
 * live processor did (an id twice, an event whose input record is a repeat), and a reference run over the same raw
 * records says which events the unique inputs must produce (an id it has and the live run lacks is a false drop or
 * a loss; one the live run has and it lacks came from nothing a correct run reads). Two errors cannot cancel: every
 * figure is a set difference or a property of single records, and each one that is not zero fails the audit on
 * its own. Events of kinds that depend on how the tick channel interleaves the raw topics ({@link OrderIndependent})
 * are compared as well and fail the audit when they differ, with a message that says the difference may be an
 * interleaving rather than a fault: a false alarm is possible there, a false pass is not.
 */
public final class DedupAudit {

    private static final String MAYBE_INTERLEAVING = "; these kinds depend on how the tick channel interleaves the "
            + "raw topics, so a difference may also be an order the two runs did not share — compare the samples' "
            + "inputs with the symbol's records on the other raw topics";

    private DedupAudit() {
    }

    /**
     * @param live the events the live processor committed over the run ({@code read_committed}, every copy)
     * @param reference the events of the reference run over the same raw records
     * @param referenceHow how the reference was computed, for the report
     */
    public static DedupReport judge(RawInputs raw, CommittedIds live, CommittedIds reference, String referenceHow) {
        OrderIndependent order = new OrderIndependent(raw);
        List<String> failures = new ArrayList<>();
        Map<String, Long> dependent = new LinkedHashMap<>();
        List<DedupReport.Channel> channels = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            channels.add(channel(channel, raw, live, reference, order, failures, dependent));
        }
        if (channels.stream().mapToLong(DedupReport.Channel::injected).sum() == 0) {
            failures.add("no raw record of the run is an injected re-send: it tested no dedup (the simulator's "
                    + "duplicate rate must be above 0)");
        }
        List<String> reasons = new ArrayList<>();
        dependent.forEach((why, events) -> reasons.add(why + " (" + events + " committed events)"));
        return new DedupReport(channels, referenceHow, reasons, failures);
    }

    private static DedupReport.Channel channel(Channel channel, RawInputs raw, CommittedIds live,
            CommittedIds reference, OrderIndependent order, List<String> failures, Map<String, Long> dependent) {
        String name = channel.wireName();
        RawInputs.Tally input = raw.tally(channel);
        if (input.repeatsNotInjected + input.injectedNotRepeats + input.identitiesMerged > 0) {
            failures.add(name + " input: " + input.repeatsNotInjected + " repeat(s) not injected, "
                    + input.injectedNotRepeats + " injected re-send(s) without their original before them, "
                    + input.identitiesMerged + " input(s) the processor's identity merges with another; e.g. "
                    + input.samples);
        }
        Sampled twice = new Sampled(name + ": event ids committed twice");
        Sampled fromRepeats = new Sampled(name + ": committed events whose input record is a repeat (a duplicate "
                + "the processor let through)");
        Sampled extra = new Sampled(name + ": committed events the reference does not have");
        Sampled dependentExtra = new Sampled(name + ": committed events of an order-dependent kind the reference "
                + "does not have" + MAYBE_INTERLEAVING);
        long committed = 0;
        for (CommittedIds.Event event : live.events()) {
            if (event.channel() != channel) {
                continue;
            }
            int copies = live.copies(event.id());
            committed += copies;
            twice.count(copies > 1, event);
            fromRepeats.count(raw.isRepeat(event.topic(), event.partition(), event.offset()), event);
            String why = order.dependsOnOrder(event.type(), event.symbol());
            if (why != null) {
                dependent.merge(why, 1L, Long::sum);
            }
            (why == null ? extra : dependentExtra).count(!reference.contains(event.id()), event);
        }
        Sampled missing = new Sampled(name + ": reference events not committed (inputs dropped as duplicates that "
                + "were none, or lost)");
        Sampled dependentMissing = new Sampled(name + ": reference events of an order-dependent kind not committed "
                + "(inputs dropped as duplicates that were none, or lost)" + MAYBE_INTERLEAVING);
        Sampled referenceTwice = new Sampled(name + ": ids the reference itself committed twice (the reference is "
                + "in doubt)");
        for (CommittedIds.Event event : reference.events()) {
            if (event.channel() != channel) {
                continue;
            }
            boolean independent = order.dependsOnOrder(event.type(), event.symbol()) == null;
            (independent ? missing : dependentMissing).count(!live.contains(event.id()), event);
            referenceTwice.count(reference.copies(event.id()) > 1, event);
        }
        for (Sampled found : List.of(twice, fromRepeats, extra, missing, dependentExtra, dependentMissing,
                referenceTwice)) {
            found.failure().ifPresent(failures::add);
        }
        if (missing.seen + dependentMissing.seen == 0) {
            failures.add(name + ": the reference has no event of this channel to compare with: the run proves "
                    + "nothing about its false drops");
        }
        return new DedupReport.Channel(name, RawInputs.byFeedCode(input), input.raw(), input.identities.size(),
                input.repeats, input.injected, input.repeatsNotInjected, input.injectedNotRepeats, committed,
                twice.count, fromRepeats.count, missing.seen, missing.count, extra.count, dependentMissing.seen,
                dependentMissing.count, dependentExtra.count);
    }

    /** Of the events looked at, how many had one fault, and the first few of them for the failure message. */
    private static final class Sampled {
        private final String what;
        private final List<String> samples = new ArrayList<>();
        private long seen;
        private long count;

        Sampled(String what) {
            this.what = what;
        }

        void count(boolean faulty, CommittedIds.Event event) {
            seen++;
            if (!faulty) {
                return;
            }
            count++;
            if (samples.size() < RawInputs.SAMPLES) {
                samples.add(event.type().wireName() + " " + event.symbol() + " " + event.id() + " from "
                        + event.topic() + "/" + event.partition() + "@" + event.offset());
            }
        }

        Optional<String> failure() {
            return count == 0 ? Optional.empty() : Optional.of(count + " " + what + ", e.g. "
                    + samples);
        }
    }
}
