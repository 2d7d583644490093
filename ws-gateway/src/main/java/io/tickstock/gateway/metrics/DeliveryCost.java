package io.tickstock.gateway.metrics;

import java.lang.management.ManagementFactory;
import java.util.function.DoubleSupplier;

/**
 * What a delivery (one event written to one client) costs the gateway: deliveries per second of the process's own
 * CPU time (user + system, all threads: the feed, the event loops, garbage collection). Read over the interval since
 * the previous reading, so a scrape every 15 s gives the last 15 s.
 */
final class DeliveryCost {

    /** Shorter intervals than this keep the previous figure: too little CPU time to divide by. */
    private static final long LEAST_INTERVAL_NANOS = 1_000_000_000L;

    private final DoubleSupplier deliveries;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long lastAt = System.nanoTime();
    private long lastCpu = os.getProcessCpuTime();
    private double lastDeliveries;
    private double perCpuSecond;

    DeliveryCost(DoubleSupplier deliveries) {
        this.deliveries = deliveries;
        this.lastDeliveries = deliveries.getAsDouble();
    }

    double cpuSeconds() {
        return os.getProcessCpuTime() / 1e9;
    }

    synchronized double perCpuSecond() {
        long now = System.nanoTime();
        if (now - lastAt >= LEAST_INTERVAL_NANOS) {
            long cpu = os.getProcessCpuTime();
            double delivered = deliveries.getAsDouble();
            perCpuSecond = cpu > lastCpu ? (delivered - lastDeliveries) / ((cpu - lastCpu) / 1e9) : 0;
            lastAt = now;
            lastCpu = cpu;
            lastDeliveries = delivered;
        }
        return perCpuSecond;
    }
}
