package io.tickstock.gateway.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of the JVM's JIT compiler threads, from {@code /proc/self/task} (Linux): the part of the gateway's CPU
 * that is a fresh JVM warming up, not a delivery. NaN where there is no {@code /proc}.
 */
final class CompilerTime {

    /** Linux reports thread times in clock ticks of 1/100 s ({@code USER_HZ}). */
    private static final double SECONDS_PER_TICK = 0.01;
    private static final Path TASKS = Path.of("/proc/self/task");

    private CompilerTime() {
    }

    static double cpuSeconds() {
        if (!Files.isDirectory(TASKS)) {
            return Double.NaN;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            return tasks.mapToLong(CompilerTime::compilerTicks).sum() * SECONDS_PER_TICK;
        } catch (IOException | UncheckedIOException e) {
            return Double.NaN;
        }
    }

    /** A thread's user + system ticks when it is a compiler thread ({@code C1 CompilerThre}, {@code C2 ...}). */
    private static long compilerTicks(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            int nameStart = stat.indexOf('(');
            int nameEnd = stat.lastIndexOf(')');
            if (nameStart < 0 || nameEnd < nameStart || !stat.substring(nameStart + 1, nameEnd).contains("Compiler")) {
                return 0;
            }
            // after the name: state, then fields 4 ... ; utime and stime are fields 14 and 15 of the line
            String[] fields = stat.substring(nameEnd + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended meanwhile
        }
    }
}
