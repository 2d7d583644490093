package io.tickstock.perf.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own latency probe, {@code org.apache.kafka.tools.EndToEndLatency}, on the broker under test while the run
 * loads it: one message at a time, produced with {@code acks=all} and consumed back, so one hop through the broker.
 * It runs in its own JVM (it calls {@code System.exit}), on the harness's class path, which carries kafka-tools.
 * It reports whole milliseconds.
 */
public final class KafkaBaseline {

    /** What the probe printed. */
    public record Result(String topic, int messages, int messageBytes, double avgMs, long p50Ms, long p99Ms,
            long p999Ms, String output) {
    }

    private static final Pattern AVG = Pattern.compile("Avg latency: ([0-9.]+) ms");
    private static final Pattern PERCENTILES =
            Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99\\.9th = (\\d+)");
    public static final String TOPIC = "tickstock.perf.baseline";

    private KafkaBaseline() {
    }

    /**
     * Runs the probe and waits for it.
     *
     * @param started told the probe's pid, so its resources can be sampled apart
     * @return empty when it failed (its output is then on the harness's log), the result otherwise
     */
    public static Optional<Result> run(String bootstrap, int messages, int messageBytes, LongConsumer started) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.EndToEndLatency",
                bootstrap, TOPIC, Integer.toString(messages), "all", Integer.toString(messageBytes));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            started.accept(process.pid());
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                System.err.println("Kafka's EndToEndLatency failed:\n" + output);
                return Optional.empty();
            }
            return parse(output, messages, messageBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka's EndToEndLatency", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<Result> parse(String output, int messages, int messageBytes) {
        Matcher avg = AVG.matcher(output);
        Matcher percentiles = PERCENTILES.matcher(output);
        if (!avg.find() || !percentiles.find()) {
            return Optional.empty();
        }
        return Optional.of(new Result(TOPIC, messages, messageBytes, Double.parseDouble(avg.group(1)),
                Long.parseLong(percentiles.group(1)), Long.parseLong(percentiles.group(2)),
                Long.parseLong(percentiles.group(3)), lastLines(output)));
    }

    private static String lastLines(String output) {
        String[] lines = output.strip().split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 2), lines.length));
    }
}
