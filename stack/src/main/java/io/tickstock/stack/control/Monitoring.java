package io.tickstock.stack.control;

import io.tickstock.stack.layout.Directories;
import io.tickstock.stack.layout.Service;
import io.tickstock.stack.layout.StackLayout;
import io.tickstock.stack.process.Launch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Prometheus beside the stack ({@code up --monitoring}): the three services scraped, the alert rules loaded. */
public final class Monitoring {

    public static final String NAME = "prometheus";

    private final Stack stack;

    public Monitoring(Stack stack) {
        this.stack = stack;
    }

    public void start() {
        StackLayout layout = stack.layout();
        int port = layout.ports().prometheus();
        if (stack.alive(NAME)) {
            stack.console().info("Prometheus already running on :" + port + " (pid "
                    + stack.pids().read(NAME).orElseThrow() + ")");
            return;
        }
        if (!Commands.onPath("prometheus")) {
            throw new StackException("--monitoring needs Prometheus and 'prometheus' is not on the PATH. Install "
                    + "Debian's package ('apt-get install prometheus') and try again.");
        }
        stack.ensurePortFree(port, "Prometheus", "TICKSTOCK_PROMETHEUS_PORT");
        Path home = stack.home().prometheus();
        Directories.create(home.resolve("data"), stack.home().logs(), stack.home().pids());
        Path config = home.resolve("prometheus.yml");
        writeConfig(config);
        stack.console().info("starting Prometheus on :" + port
                + " (scraping the three services, TickStock alert rules loaded)");
        stack.started(NAME);
        new Launch(NAME, List.of("prometheus", "--config.file=" + config, "--storage.tsdb.path=" + home.resolve("data"),
                "--storage.tsdb.retention.time=2d", "--web.listen-address=127.0.0.1:" + port), layout.env(),
                stack.home().log(NAME)).start(stack.pids());
        stack.awaitUntil(Broker.START, "Prometheus ready on :" + port, NAME,
                () -> Probes.get(port, "/-/ready").isPresent());
    }

    private void writeConfig(Path config) {
        StackLayout layout = stack.layout();
        try {
            String template = Files.readString(layout.root().resolve("deploy/prometheus/prometheus-local.yml"));
            Files.writeString(config, template
                    .replace("@RULES@", layout.root().resolve("deploy/prometheus/tickstock-alerts.yml").toString())
                    .replace("@INGEST_PORT@", Integer.toString(layout.ports().of(Service.INGEST)))
                    .replace("@PROCESSOR_PORT@", Integer.toString(layout.ports().of(Service.PROCESSOR)))
                    .replace("@GATEWAY_PORT@", Integer.toString(layout.ports().of(Service.GATEWAY))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
