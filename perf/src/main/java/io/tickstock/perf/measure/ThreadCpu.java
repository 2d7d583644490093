package io.tickstock.perf.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CPU time of a few threads of this JVM ({@link ThreadMXBean}), so a part of the harness can report its own cost
 * apart from the harness's process. A thread that has ended keeps the CPU time it was last seen with.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> lastSeen = new ConcurrentHashMap<>();
    private final List<String> names = new ArrayList<>();

    ThreadCpu() {
        if (!THREADS.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure a thread's CPU time: the Kafka probe's cost "
                    + "would go unreported");
        }
        THREADS.setThreadCpuTimeEnabled(true);
    }

    /** Counts {@code thread} from now on (its CPU time so far included). */
    synchronized void track(Thread thread) {
        lastSeen.put(thread.getId(), 0L);
        names.add(thread.getName());
    }

    /** Counts the live thread named {@code name}; false when there is none. */
    boolean track(String name) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                track(thread);
                return true;
            }
        }
        return false;
    }

    /** The tracked threads' CPU time, nanoseconds. */
    long nanos() {
        long sum = 0;
        for (Map.Entry<Long, Long> thread : lastSeen.entrySet()) {
            long now = THREADS.getThreadCpuTime(thread.getKey());
            if (now >= 0) {
                thread.setValue(now);
            }
            sum += thread.getValue();
        }
        return sum;
    }

    /** The tracked threads, by name. */
    synchronized List<String> names() {
        return List.copyOf(names);
    }
}
