package io.tickstock.perf.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.model.Feed;
import io.tickstock.perf.result.RunResult;
import io.tickstock.perf.stack.IngestControl;
import io.tickstock.perf.stack.Stack;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    private static final Stack.TopicNames TOPICS = Stack.TopicNames.defaults();
    private static final String SOURCE = "http://127.0.0.1:8082/q/metrics";

    private static Map<Feed, Long> feeds(long t, long a, long am, long fmv) {
        Map<Feed, Long> map = new EnumMap<>(Feed.class);
        map.put(Feed.T, t);
        map.put(Feed.A, a);
        map.put(Feed.AM, am);
        map.put(Feed.FMV, fmv);
        return map;
    }

    private static Map<String, Long> channels(long tick, long ohlcv, long fmv) {
        return new TreeMap<>(Map.of("tick", tick, "ohlcv", ohlcv, "fmv", fmv));
    }

    private static Counters counters(Map<Feed, Long> published, Map<String, Long> processed,
            Map<String, Long> duplicates, Map<Feed, Long> sent, Map<Feed, Long> injected, String source) {
        return new Counters(published, processed, duplicates, Map.of(), Map.of(),
                new IngestControl.SimulatorCounts("demo", 1, false, false, sent, injected, 0, -1, 0), source, List.of());
    }

    private final Counters before = counters(feeds(100, 10, 5, 5), channels(110, 5, 5), channels(3, 0, 0),
            feeds(0, 0, 0, 0), feeds(0, 0, 0, 0), SOURCE);
    private final Map<String, Long> raw = Map.of(TOPICS.rawTick(), 90L, TOPICS.rawOhlcv(), 20L, TOPICS.rawFmv(), 0L);
    private final Set<String> consumed = Set.of(TOPICS.rawTick(), TOPICS.rawOhlcv());

    private List<RunResult.Check> reconcile(Counters after) {
        return Reconciliation.checks(TOPICS, before, after, raw, Map.of(), 0, consumed);
    }

    @Test
    void aRunWhoseCountsAgreeHoldsEveryCheckAndChecksEveryChannel() {
        Counters after = counters(feeds(180, 20, 25, 5), channels(200, 25, 5), channels(7, 1, 0),
                feeds(80, 10, 20, 0), feeds(3, 1, 1, 0), SOURCE);

        List<RunResult.Check> checks = reconcile(after);

        assertThat(checks).allMatch(RunResult.Check::ok);
        assertThat(checks).extracting(RunResult.Check::name).contains("processor processed (fmv) = raw records",
                "processor duplicates (tick) = injected T+A duplicates",
                "processor duplicates (ohlcv) = injected AM duplicates",
                "processor duplicates (fmv) = injected FMV duplicates");
    }

    @Test
    void aProcessorMetricRemovedIsAFailingCheckThatNamesItAndWhereItWasRead() {
        Map<String, Long> withoutOhlcv = channels(7, 1, 0);
        withoutOhlcv.remove("ohlcv");
        Counters after = counters(feeds(180, 20, 25, 5), channels(200, 25, 5), withoutOhlcv,
                feeds(80, 10, 20, 0), feeds(3, 1, 1, 0), SOURCE);

        List<RunResult.Check> failed = reconcile(after).stream().filter(c -> !c.ok()).toList();

        assertThat(failed).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("processor duplicates (ohlcv) = injected AM duplicates");
            assertThat(check.actual()).isEqualTo("no figure: tickstock_channel_duplicates_total{channel=\"ohlcv\"} "
                    + "missing after the run, from " + SOURCE);
        });
    }

    @Test
    void aProcessorThatDidNotAnswerFailsEveryProcessorCheck() {
        Counters after = counters(feeds(180, 20, 25, 5), Map.of(), Map.of(), feeds(80, 10, 20, 0),
                feeds(3, 1, 1, 0), SOURCE + " (no answer)");

        List<RunResult.Check> failed = reconcile(after).stream().filter(c -> !c.ok()).toList();

        assertThat(failed).hasSize(6).allSatisfy(check -> assertThat(check.actual())
                .startsWith("no figure: ").endsWith("missing after the run, from " + SOURCE + " (no answer)"));
    }

    @Test
    void aRunWithoutInputProvesNothing() {
        Counters after = counters(feeds(100, 10, 5, 5), channels(110, 5, 5), channels(3, 0, 0), feeds(0, 0, 0, 0),
                feeds(0, 0, 0, 0), SOURCE);

        List<RunResult.Check> checks = Reconciliation.checks(TOPICS, before, after, Map.of(), Map.of(), 0, Set.of());

        assertThat(checks).filteredOn(c -> !c.ok()).extracting(RunResult.Check::name)
                .containsExactly("simulator sent messages in the run");
    }
}
