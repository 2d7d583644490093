package io.tickstock.tools.status;

import io.tickstock.model.Channel;
import io.tickstock.model.Topics;
import java.io.PrintStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * {@code ./tickstock status}, the part past the process table: each service's readiness and liveness, per-channel
 * rates, the ingest feeds, the gateway, the processor's lag and the dead letters, in one screen. Rates come from two
 * scrapes of /q/metrics a second apart; lag and dead letters from Kafka itself.
 */
public final class StatusReport {

    static final String USAGE = """
            Usage: status-report [--bootstrap HOST:PORT] [--ingest URL] [--processor URL] [--gateway URL]
                                 [--group GROUP] [--sample-ms N]
            """;

    private final PrintStream out;

    StatusReport(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new LinkedHashMap<>(Map.of(
                "--bootstrap", System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                "--ingest", "http://127.0.0.1:8081", "--processor", "http://127.0.0.1:8082",
                "--gateway", "http://127.0.0.1:8080", "--group", "tickstock-processor", "--sample-ms", "1000"));
        for (int i = 0; i < args.length; i++) {
            if (!options.containsKey(args[i]) || i + 1 >= args.length) {
                System.err.print(USAGE);
                System.exit(2);
            }
            options.put(args[i], args[++i]);
        }
        List<ServiceProbe> services = List.of(
                new ServiceProbe("ingest", URI.create(options.get("--ingest"))),
                new ServiceProbe("processor", URI.create(options.get("--processor"))),
                new ServiceProbe("gateway", URI.create(options.get("--gateway"))));
        new StatusReport(System.out).print(services, options.get("--bootstrap"), options.get("--group"),
                Long.parseLong(options.get("--sample-ms")));
    }

    void print(List<ServiceProbe> services, String bootstrap, String group, long sampleMillis)
            throws InterruptedException {
        out.println(String.format("%-11s %-10s %-10s %s", "SERVICE", "READY", "LIVE", "URL"));
        for (ServiceProbe service : services) {
            out.println(String.format("%-11s %-10s %-10s %s", service.name(), service.health("ready"),
                    service.health("live"), service.base()));
        }
        Map<String, MetricsText> before = scrape(services);
        Thread.sleep(sampleMillis);
        Map<String, MetricsText> after = scrape(services);
        double seconds = sampleMillis / 1000.0;
        channels(new Rates(before.get("processor"), after.get("processor"), seconds));
        ingest(new Rates(before.get("ingest"), after.get("ingest"), seconds));
        gateway(new Rates(before.get("gateway"), after.get("gateway"), seconds));
        kafka(bootstrap, group);
    }

    void channels(Rates processor) {
        out.println();
        out.println(String.format("%-11s %10s %10s %10s %10s %10s", "CHANNEL", "in/s", "events/s", "dups/s",
                "invalid/s", "dlq total"));
        Map<String, Double> dlq = processor.after().sumBy("tickstock_channel_dlq_total", "channel");
        for (Channel channel : Channel.values()) {
            String name = channel.wireName();
            out.println(String.format(Locale.ROOT, "%-11s %10s %10s %10s %10s %10s", name,
                    rate(processor.by("tickstock_channel_processed_total", "channel").get(name)),
                    rate(processor.by("tickstock_channel_emitted_total", "channel").get(name)),
                    rate(processor.by("tickstock_channel_duplicates_total", "channel").get(name)),
                    rate(processor.by("tickstock_channel_invalid_total", "channel").get(name)),
                    count(dlq.get(name))));
        }
    }

    void ingest(Rates ingest) {
        out.println();
        out.println(String.format("%-11s %12s %10s %14s", "INGEST FEED", "published/s", "failed", "rejected total"));
        Map<String, Double> published = ingest.by("tickstock_ingest_published_total", "feed");
        Map<String, Double> failed = ingest.after().sumBy("tickstock_ingest_publish_failed_total", "feed");
        double rejected = ingest.after().total("tickstock_ingest_rejected_total");
        if (published.isEmpty()) {
            out.println("(no ingest metrics: is the ingest service up?)");
        }
        for (String feed : new TreeSet<>(published.keySet())) {
            out.println(String.format(Locale.ROOT, "%-11s %12s %10s %14s", feed, rate(published.get(feed)),
                    count(failed.get(feed)), count(rejected)));
        }
    }

    void gateway(Rates gateway) {
        out.println();
        out.println(String.format("%-11s %10s %12s %10s %10s %12s", "GATEWAY", "clients", "received/s", "sent/s",
                "shed/s", "407 closes"));
        out.println(String.format(Locale.ROOT, "%-11s %10s %12s %10s %10s %12s", "",
                count(gateway.after().total("tickstock_gateway_clients")),
                rate(gateway.total("tickstock_gateway_events_received_total")),
                rate(gateway.total("tickstock_gateway_sent_total")),
                rate(gateway.total("tickstock_gateway_shed_total")),
                count(gateway.after().total("tickstock_gateway_slow_closes_total"))));
    }

    void kafka(String bootstrap, String group) {
        out.println();
        List<String> deadLetters = List.of(Topics.RAW_DLQ, Topics.PROCESSOR_DLQ);
        try (KafkaBacklog backlog = new KafkaBacklog(bootstrap)) {
            // the processor's engines: the tick engine's group (every raw topic), the OHLCV engine's (the bars)
            for (String engine : List.of(group, group + "-ohlcv")) {
                Map<String, Long> lag = backlog.lag(engine);
                out.println("LAG of " + engine + (lag.isEmpty() ? ": no committed offsets yet" : ""));
                lag.forEach((topic, records) -> out.println(String.format("  %-28s %,d records behind", topic,
                        records)));
            }
            out.println("DEAD LETTERS (offsets on the topic)");
            backlog.retained(deadLetters).forEach((topic, offsets) ->
                    out.println(String.format("  %-28s %,d", topic, offsets)));
        } catch (ExecutionException | TimeoutException e) {
            out.println("KAFKA at " + bootstrap + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, MetricsText> scrape(List<ServiceProbe> services) {
        Map<String, MetricsText> scrapes = new LinkedHashMap<>();
        services.forEach(s -> scrapes.put(s.name(), s.metrics()));
        return scrapes;
    }

    static String rate(Double perSecond) {
        return perSecond == null || perSecond.isNaN() ? "-" : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    static String count(Double value) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, "%,.0f", value);
    }
}
