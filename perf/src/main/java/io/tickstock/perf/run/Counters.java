package io.tickstock.perf.run;

import io.tickstock.model.Feed;
import io.tickstock.perf.stack.IngestControl;
import io.tickstock.perf.stack.ServiceMetrics;
import io.tickstock.perf.stack.Stack;
import io.tickstock.tools.status.MetricsText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters a run is reconciled by, read before and after it. A counter a service did not report is absent from
 * its map, never zero: the reconciliation fails a check whose counter is missing, and names it.
 *
 * @param processed the processor's records processed, per channel
 * @param duplicates the processor's input re-deliveries dropped (SPEC §5.1), per channel; cross-source sightings of
 *     one fact are counted apart and not here
 * @param processorMetrics where the processor's counters were read from, and "(no answer)" when it gave none
 * @param gatewayMissing gateway counters its metrics did not have: their figures are absent from the result
 */
record Counters(Map<Feed, Long> published, Map<String, Long> processed, Map<String, Long> duplicates,
        Map<String, Long> emitted, Map<String, Long> gateway, IngestControl.SimulatorCounts simulator,
        String processorMetrics, List<String> gatewayMissing) {

    static final String PROCESSED = "tickstock_channel_processed_total";
    static final String DUPLICATES = "tickstock_channel_duplicates_total";

    static Counters read(Stack stack, IngestControl ingest) {
        MetricsText processor = ServiceMetrics.scrape(stack.processor());
        MetricsText gateway = ServiceMetrics.scrape(stack.gatewayHttp());
        Map<String, Long> gatewayCounts = new LinkedHashMap<>();
        List<String> gatewayMissing = new ArrayList<>();
        putTotal(gatewayCounts, gatewayMissing, "sent", gateway, "tickstock_gateway_sent_total", 1);
        putTotal(gatewayCounts, gatewayMissing, "shed", gateway, "tickstock_gateway_shed_total", 1);
        putTotal(gatewayCounts, gatewayMissing, "conflated", gateway, "tickstock_gateway_conflated_total", 1);
        putTotal(gatewayCounts, gatewayMissing, "slowCloses", gateway, "tickstock_gateway_slow_closes_total", 1);
        putTotal(gatewayCounts, gatewayMissing, "repeated", gateway, "tickstock_gateway_events_repeated_total", 1);
        putTotal(gatewayCounts, gatewayMissing, "received", gateway, "tickstock_gateway_events_received_total", 1);
        putTotal(gatewayCounts, gatewayMissing, "topicReads", gateway, "tickstock_gateway_topic_reads_total", 1);
        // the gateway's own CPU time, in ms: what its deliveries per CPU-second are reckoned by
        putTotal(gatewayCounts, gatewayMissing, "cpuMillis", gateway, "tickstock_gateway_cpu_seconds_total", 1000);
        // of that, its JIT compiler's: a fresh JVM warming up, not a cost per delivery (reported beside it)
        putTotal(gatewayCounts, gatewayMissing, "compilerCpuMillis", gateway,
                "tickstock_gateway_compiler_cpu_seconds_total", 1000);
        putTotal(gatewayCounts, gatewayMissing, "frames", gateway, "tickstock_gateway_frames_total", 1);
        String source = stack.processor().resolve("/q/metrics")
                + (processor.samples().isEmpty() ? " (no answer)" : "");
        return new Counters(ingest.published(),
                ServiceMetrics.counts(processor, PROCESSED, "channel"),
                ServiceMetrics.counts(processor, DUPLICATES, "channel",
                        s -> s.labels().getOrDefault("kind", "input").equals("input")),
                ServiceMetrics.counts(processor, "tickstock_channel_emitted_total", "channel"),
                gatewayCounts, ingest.simulator(), source, List.copyOf(gatewayMissing));
    }

    private static void putTotal(Map<String, Long> map, List<String> missing, String key, MetricsText metrics,
            String name, double scale) {
        double total = metrics.total(name);
        if (Double.isNaN(total)) {
            missing.add(name);
        } else {
            map.put(key, Math.round(total * scale));
        }
    }
}
