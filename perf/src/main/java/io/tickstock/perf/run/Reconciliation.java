package io.tickstock.perf.run;

import io.tickstock.model.Feed;
import io.tickstock.perf.result.RunResult;
import io.tickstock.perf.stack.Stack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The counts along the pipeline against each other: simulator → ingest → raw topics → processor. Every check is made
 * in every run: a counter a service did not report is a failing check that names it and where it was read from, and a
 * channel without input is checked too (0 = 0), so that no figure is taken for granted.
 */
final class Reconciliation {

    /** The processor's channels: their raw topic, and the feeds whose injected duplicates they must drop. */
    private record Channel(String name, String rawTopic, String feeds, String meaning) {
    }

    private Reconciliation() {
    }

    static List<RunResult.Check> checks(Stack.TopicNames topics, Counters before, Counters after,
            Map<String, Long> rawRecords, Map<String, Long> deadLetters, long finalLag, Set<String> consumed) {
        List<RunResult.Check> checks = new ArrayList<>();
        Map<Feed, Long> published = new LinkedHashMap<>();
        after.published().forEach((feed, n) -> published.put(feed, n - before.published().get(feed)));
        long sent = sum(after.simulator().sent());
        checks.add(new RunResult.Check("simulator sent messages in the run", "> 0", Long.toString(sent), sent > 0,
                "a run without input proves nothing"));
        checks.add(check("simulator sent = ingest published", sent, sum(published),
                "every message the simulator sent was accepted and acknowledged by Kafka"));
        checks.add(check("ingest published = raw records", sum(published),
                raw(rawRecords, topics.rawTick()) + raw(rawRecords, topics.rawOhlcv())
                        + raw(rawRecords, topics.rawFmv()),
                "the raw topics hold exactly what ingest published (T+A on tick, AM on ohlcv, FMV on fmv)"));
        List<String> unread = topics.raw().stream()
                .filter(t -> raw(rawRecords, t) > 0 && !consumed.contains(t)).toList();
        checks.add(new RunResult.Check("raw topics of the run consumed by the processor", "all",
                unread.isEmpty() ? "all" : "not " + String.join(", ", unread), unread.isEmpty(),
                "the processor's group committed offsets on every raw topic the run wrote to"));
        checks.add(check("processor lag at the end", 0, finalLag,
                "the processor committed every raw record of the run (on the topics it consumes)"));
        List<Channel> channels = List.of(
                new Channel("tick", topics.rawTick(), "T+A", "input dedup dropped exactly the re-sent copies: none "
                        + "missed, no false drop"),
                new Channel("ohlcv", topics.rawOhlcv(), "AM", "as above, for minute bars"),
                new Channel("fmv", topics.rawFmv(), "FMV", "as above, for FMV quotes"));
        for (Channel channel : channels) {
            checks.add(increase("processor processed (" + channel.name() + ") = raw records",
                    raw(rawRecords, channel.rawTopic()), Counters.PROCESSED, channel.name(), before, after,
                    Counters::processed, "the channel read each raw record once (an aborted transaction re-reads: "
                            + "more)"));
        }
        Map<Feed, Long> injected = after.simulator().duplicates();
        for (Channel channel : channels) {
            long expected = injected.entrySet().stream()
                    .filter(e -> e.getKey().channel().wireName().equals(channel.name()))
                    .mapToLong(Map.Entry::getValue).sum();
            checks.add(increase("processor duplicates (" + channel.name() + ") = injected " + channel.feeds()
                    + " duplicates", expected, Counters.DUPLICATES, channel.name(), before, after,
                    Counters::duplicates, channel.meaning()));
        }
        checks.add(check("dead letters (raw + processor)", 0, sum(deadLetters),
                "simulated input is valid: nothing may be dead-lettered"));
        return checks;
    }

    /**
     * {@code expected} against what a processor counter rose by over the run; when the counter is missing before or
     * after it, a failing check that says which, and where it was read from.
     */
    private static RunResult.Check increase(String name, long expected, String metric, String channel,
            Counters before, Counters after, Function<Counters, Map<String, Long>> counter, String meaning) {
        Long from = counter.apply(before).get(channel);
        Long to = counter.apply(after).get(channel);
        if (from == null || to == null) {
            String when = from == null ? "before the run, from " + before.processorMetrics()
                    : "after the run, from " + after.processorMetrics();
            return new RunResult.Check(name, Long.toString(expected), "no figure: " + metric + "{channel=\""
                    + channel + "\"} missing " + when, false, meaning);
        }
        return check(name, expected, to - from, meaning);
    }

    private static RunResult.Check check(String name, long expected, long actual, String meaning) {
        return new RunResult.Check(name, Long.toString(expected), Long.toString(actual), expected == actual, meaning);
    }

    /** Records the run added to a raw topic; a topic it added none to is 0 (a channel may have no input). */
    private static long raw(Map<String, Long> rawRecords, String topic) {
        return rawRecords.getOrDefault(topic, 0L);
    }

    private static long sum(Map<?, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
