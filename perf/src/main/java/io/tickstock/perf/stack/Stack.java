package io.tickstock.perf.stack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the stack under test answers, and the processes that make it up, for the resource sampler.
 *
 * @param gateway the gateway's {@code ws://…/ws/v1}
 * @param ingest the ingest service's HTTP root (its admin API drives the simulator)
 * @param processor the processor's HTTP root (its metrics count what it consumed)
 * @param processorGroup the processor's consumer group (its Kafka Streams application id): its tick engine's
 * @param processes pid of each component to sample, by name ({@code kafka}, {@code processor}, …)
 * @param token the gateway token, when it requires one
 */
public record Stack(
        URI gateway,
        URI ingest,
        URI processor,
        String bootstrap,
        String processorGroup,
        Map<String, Long> processes,
        Optional<String> token,
        TopicNames topics) {

    /** The three services, in the order of the data flow. */
    public static final List<String> SERVICES = List.of("ingest", "processor", "gateway");

    /** The topic names the services use (their configuration; the defaults of SPEC §2). */
    public record TopicNames(String rawTick, String rawOhlcv, String rawFmv, String rawDlq, String events,
            String processorDlq) {

        public static TopicNames defaults() {
            return new TopicNames(io.tickstock.model.Topics.RAW_TICK, io.tickstock.model.Topics.RAW_OHLCV,
                    io.tickstock.model.Topics.RAW_FMV, io.tickstock.model.Topics.RAW_DLQ,
                    io.tickstock.model.Topics.EVENTS, io.tickstock.model.Topics.PROCESSOR_DLQ);
        }

        public List<String> raw() {
            return List.of(rawTick, rawOhlcv, rawFmv);
        }
    }

    /**
     * The consumer groups of the processor's engines: the tick engine's, which reads every raw topic, and the OHLCV
     * engine's, which reads the minute bars again for the OHLCV channel.
     */
    public List<String> processorGroups() {
        return List.of(processorGroup, processorGroup + "-ohlcv");
    }

    /** The gateway's HTTP root (metrics), from its WebSocket address. */
    public URI gatewayHttp() {
        return URI.create(gateway.getScheme().replaceFirst("^ws", "http") + "://" + gateway.getAuthority());
    }

    /** Each service's HTTP root (health, metrics), by its name in {@link #SERVICES}, in that order. */
    public Map<String, URI> httpRoots() {
        Map<String, URI> roots = new LinkedHashMap<>();
        roots.put("ingest", ingest);
        roots.put("processor", processor);
        roots.put("gateway", gatewayHttp());
        return roots;
    }

    /** The pids in {@code dir/NAME.pid} (as {@code ./tickstock up} writes them), for the names that have one. */
    public static Map<String, Long> pidsIn(Path dir) {
        Map<String, Long> pids = new TreeMap<>();
        for (String name : List.of("kafka", "processor", "gateway", "ingest")) {
            Path file = dir.resolve(name + ".pid");
            try {
                if (Files.exists(file)) {
                    pids.put(name, Long.parseLong(Files.readString(file).trim()));
                }
            } catch (IOException | NumberFormatException e) {
                // a pid file being rewritten or gone: that component is not sampled
            }
        }
        return pids;
    }
}
