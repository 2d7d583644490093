package io.tickstock.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.perf.result.Rules;
import io.tickstock.perf.result.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

    private static String printed(RunResult run) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleSummary.print(run, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunWithNonDefaultRulesSaysSo() {
        Runs runs = new Runs();
        runs.rules = Rules.perfRun(Duration.ofSeconds(30), 50, Duration.ofSeconds(300), false,
                List.of("TICKSTOCK_GATEWAY_REPEAT_WINDOW=15000"));

        assertThat(printed(runs.build())).contains("    rules      ran with non-default settings: latency warm-up "
                + "30 s, default 15 s; stack configured TICKSTOCK_GATEWAY_REPEAT_WINDOW=15000");
    }

    @Test
    void aRunWithTheDefaultsPrintsNoRulesLine() {
        Runs runs = new Runs();
        runs.rules = Rules.perfRun(Duration.ofSeconds(15), 50, Duration.ofSeconds(300), false, List.of());

        assertThat(printed(runs.build())).doesNotContain("rules ");
    }

    @Test
    void anOldResultSaysWhatItDidNotRecord() {
        assertThat(printed(new Runs().build())).contains("    rules      not recorded: the overdue grace; the "
                + "processor's drain timeout; the raw topics' settle wait")
                .doesNotContain("ran with non-default settings");
    }
}
