package io.tickstock.stack.command;

import io.tickstock.model.SimulatorProfiles;
import io.tickstock.stack.control.Broker;
import io.tickstock.stack.control.Builds;
import io.tickstock.stack.control.Lifecycle;
import io.tickstock.stack.control.Monitoring;
import io.tickstock.stack.control.Probes;
import io.tickstock.stack.control.Services;
import io.tickstock.stack.control.Stack;
import io.tickstock.stack.control.StackException;
import io.tickstock.stack.layout.Instance;
import io.tickstock.stack.layout.Service;
import io.tickstock.stack.layout.StackLayout;
import io.tickstock.stack.sizing.Sizing;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./tickstock up}: builds what is missing, starts the broker and the services, waits until each is ready. */
@Command(name = "up")
final class UpCommand extends HelpedCommand {

    private static final Pattern FEED_STATE = Pattern.compile("\"state\":\"([A-Z_]*)\"");
    private static final Pattern FEED_STATUS = Pattern.compile("\"lastStatus\":\"([^\"]*)\"");


    @Option(names = "--source") String source = "simulator";
    @Option(names = "--profile") String profile = SimulatorProfiles.DEMO;
    @Option(names = "--build") boolean build;
    @Option(names = "--monitoring") boolean monitoring;
    @Option(names = "--processors") String processors = "1";
    @Option(names = "--gateways") String gateways = "1";
    @Option(names = "--limits") boolean limits;
    @Option(names = "--containers") boolean containers;
    @Option(names = "--fresh") boolean fresh;

    UpCommand(Stack stack) {
        super(stack);
    }

    @Override
    int run() {
        PrintStream out = stack.console().out();
        if (!List.of("simulator", "provider", "none").contains(source)) {
            throw new StackException("up: --source must be simulator, provider or none, not '" + source + "'.");
        }
        int processorCount = ScaleCommand.count(processors, "up: --processors must be a number from 1 to 9, not '"
                + processors + "'.");
        int gatewayCount = ScaleCommand.count(gateways, "up: --gateways must be a number from 1 to 9, not '"
                + gateways + "'.");
        if (!SimulatorProfiles.ALL.contains(profile)) {
            throw new StackException("up: --profile must be " + SimulatorProfiles.choices() + ", not '" + profile
                    + "'.");
        }
        if (source.equals("provider")) {
            requireProviderSettings();
        }
        long started = System.nanoTime();
        Lifecycle lifecycle = new Lifecycle(stack);
        if (fresh) {
            DownCommand.down(stack);
            stack.console().info("starting from a clean slate: no topics, no processor state");
            lifecycle.wipeState();
        }
        lifecycle.chooseSizing(containers ? Sizing.CONTAINERS : limits ? Sizing.K8S : Sizing.LOCAL);
        Builds builds = new Builds(stack);
        builds.services(build);
        builds.kafkaRuntime();
        if (stack.sizing() == Sizing.CONTAINERS) {
            // the images that are missing or older than their jars (all of them again with --build: podman reuses the
            // layers that did not change)
            builds.images(build);
        }
        Broker broker = new Broker(stack);
        broker.start();
        broker.createTopics();
        Services services = new Services(stack);
        services.startInstances(Service.PROCESSOR, processorCount);
        services.startInstances(Service.GATEWAY, gatewayCount);
        services.awaitInstances(Service.PROCESSOR, processorCount);
        services.awaitInstances(Service.GATEWAY, gatewayCount);
        keepIngestOptions();
        services.startIngest();
        Instance ingest = Instance.first(Service.INGEST);
        if (source.equals("provider")) {
            // the provider may refuse us (key, connection limit): report that rather than wait for readiness
            stack.awaitUntil(Duration.ofSeconds(120), "ingest started", ingest.name(),
                    () -> Probes.live(stack.layout().ports().of(ingest)));
            awaitFeed();
        } else {
            stack.awaitReady(ingest, Duration.ofSeconds(120));
        }
        if (monitoring) {
            new Monitoring(stack).start();
        }
        stack.console().info("TickStock is up in " + (System.nanoTime() - started) / 1_000_000_000 + "s (source: "
                + source + (source.equals("simulator") ? ", profile: " + profile : "") + "; "
                + stack.sizing().description() + ")");
        printUrls(out);
        return 0;
    }

    private void requireProviderSettings() {
        if (stack.layout().env("TICKSTOCK_PROVIDER_URL").isEmpty()) {
            throw new StackException("up --source provider needs TICKSTOCK_PROVIDER_URL (e.g. "
                    + "wss://socket.polygon.io/stocks) and TICKSTOCK_PROVIDER_KEY in the environment.");
        }
        if (stack.layout().env("TICKSTOCK_PROVIDER_KEY").isEmpty()) {
            throw new StackException("up --source provider needs TICKSTOCK_PROVIDER_KEY (your API key) in the "
                    + "environment.");
        }
    }

    /** Kept for restart, which starts a crashed ingest the way up did. */
    private void keepIngestOptions() {
        try {
            Files.writeString(stack.home().ingestOptions(), "TICKSTOCK_INGEST_SOURCE=" + source
                    + " TICKSTOCK_INGEST_SIMULATOR_PROFILE=" + profile + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Up to 30 s for the provider feed to subscribe; says what the provider answered if it does not. */
    private void awaitFeed() {
        int port = stack.layout().ports().of(Service.INGEST);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            state = Probes.get(port, "/status").map(FEED_STATE::matcher).filter(Matcher::find).map(m -> m.group(1))
                    .orElse("");
            if (state.equals("SUBSCRIBED")) {
                stack.console().info("provider feed subscribed");
                return;
            }
            pause();
        }
        String last = Probes.get(port, "/status").map(FEED_STATUS::matcher).filter(Matcher::find)
                .map(m -> ", the provider said: " + m.group(1)).orElse("");
        stack.console().warn("tickstock: the provider feed is not subscribed yet (state "
                + (state.isEmpty() ? "unknown" : state) + last + ").");
        stack.console().warn("           It keeps retrying with backoff; check TICKSTOCK_PROVIDER_URL and _KEY, then "
                + "./tickstock logs ingest.");
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    private void printUrls(PrintStream out) {
        StackLayout layout = stack.layout();
        int gateway = layout.ports().of(Service.GATEWAY);
        StringBuilder text = new StringBuilder();
        text.append("\n  dashboard        http://localhost:").append(gateway).append("/\n");
        text.append("  WebSocket        ws://localhost:").append(gateway).append("/ws/v1");
        stack.running(Service.GATEWAY).stream().skip(1).forEach(instance -> text.append(String.format(
                "%n  WebSocket (%s) ws://localhost:%s/ws/v1", instance, layout.ports().of(instance))));
        text.append("\n  ingest status    http://localhost:").append(layout.ports().of(Service.INGEST))
                .append("/status\n");
        text.append("  processor        http://localhost:").append(layout.ports().of(Service.PROCESSOR))
                .append("/q/health\n");
        text.append("  metrics          http://localhost:PORT/q/metrics   (any of the three)\n");
        text.append("  Kafka            ").append(layout.bootstrap()).append("   (./tickstock kafka topics --list)\n");
        text.append("  logs             ").append(stack.home().logs()).append("   (./tickstock logs SERVICE)\n");
        if (stack.sizing() == Sizing.CONTAINERS) {
            text.append("  containers       ").append(layout.containerPrefix())
                    .append("-*   (podman ps; memory and CPU from k8s/base: ./tickstock status)\n");
        }
        if (stack.alive(Monitoring.NAME)) {
            int prometheus = layout.ports().prometheus();
            text.append("  Prometheus       http://localhost:").append(prometheus)
                    .append("/   (targets: /targets, alerts: /alerts)\n");
            text.append("  Grafana          import deploy/grafana/tickstock-dashboard.json, data source "
                    + "http://localhost:").append(prometheus).append('\n');
        }
        text.append("\n  Follow a symbol: ./tickstock trace AAPL      One screen of numbers: ./tickstock status\n");
        text.append("  Stop everything with: ./tickstock down\n");
        out.print(text);
    }
}
