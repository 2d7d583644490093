package io.tickstock.e2e;

import io.tickstock.stack.process.ServiceProcess;
import io.tickstock.tools.status.MetricsText;

/** A service's {@code /q/metrics}, parsed by the parser of {@code ./tickstock status}. */
final class Scrape {

    private Scrape() {
    }

    static MetricsText of(ServiceProcess service) {
        return MetricsText.parse(service.get("/q/metrics").body());
    }
}
