package io.tickstock.stack.sizing;

import io.tickstock.stack.layout.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import com.sun.management.HotSpotDiagnosticMXBean;

/** The JVM options a service's process starts with under each sizing. */
public final class JvmOptions {

    /**
     * Every JVM of the stack (broker included) compiles at a lower OS priority (nice 10) than it serves: on a freshly
     * started stack under full load the JIT threads took ~2/3 of a 2-core machine for 90 s (docs/architecture.md
     * "Cold start"); raising the nice value needs no privilege (the JVM warns that lowering would; it does not lower).
     */
    public static final List<String> JIT_BEHIND_SERVING = List.of("-XX:ThreadPriorityPolicy=1",
            "-XX:CompilerThreadPriority=10");

    /** The gateway gets the heap it has in Kubernetes (512 MiB limit, 50 %): its memory no longer grows with clients. */
    static final Map<Service, String> HEAP = Map.of(Service.PROCESSOR, "128m", Service.GATEWAY, "256m",
            Service.INGEST, "256m");

    /**
     * The processor's live heap is ~60 MB (8,000 symbols): the serial collector in 128 MB (a 32 MB young generation)
     * keeps it under its 300 MB RSS target, where G1 grew its heap to 183 MB committed for 66 MB in use and kept
     * ~12 MB of its own (docs/architecture.md "Processor memory").
     */
    static final Map<Service, List<String>> COLLECTOR = Map.of(Service.PROCESSOR,
            List.of("-XX:+UseSerialGC", "-Xmn32m"), Service.GATEWAY, List.of(), Service.INGEST, List.of());

    /**
     * Native memory a service freed (the JIT compilers' arenas: 42 MB in the processor after the warm-up) goes back to
     * the OS every 5 s instead of staying with the process. The option exists since JDK 17.0.9; older JVMs go without.
     */
    static final String NATIVE_HEAP_TRIM = "-XX:TrimNativeHeapInterval=5000";

    private JvmOptions() {
    }

    /** The local heap, or ({@code up --limits}) the heap the image's run-java would derive from the k8s limit. */
    public static List<String> of(Sizing sizing, Service service, Path root) {
        List<String> options = new ArrayList<>();
        if (sizing == Sizing.K8S) {
            K8sManifests manifests = new K8sManifests(root);
            // -XX:MaxRAM stands in for the container limit the JVM would see
            options.add("-XX:MaxRAM=" + manifests.memoryLimitMib(service.label()) + "m");
            options.add("-XX:MaxRAMPercentage=" + manifests.heapPercent(service));
            options.addAll(imageOptions(root));
        } else {
            options.add("-Xmx" + HEAP.get(service));
            options.addAll(COLLECTOR.get(service));
            if (nativeHeapTrimSupported()) {
                options.add(NATIVE_HEAP_TRIM);
            }
        }
        options.addAll(JIT_BEHIND_SERVING);
        return options;
    }

    /** The JVM options every service image starts with (deploy/containers/jvm-options, comments aside). */
    static List<String> imageOptions(Path root) {
        try {
            return Files.readAllLines(root.resolve("deploy/containers/jvm-options")).stream()
                    .filter(line -> !line.startsWith("#"))
                    .flatMap(line -> Arrays.stream(line.trim().split("\\s+"))).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asked of this JVM, which is the one the services run on (they start from its {@code java.home}): no JVM is
     * started to ask.
     */
    static boolean nativeHeapTrimSupported() {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("TrimNativeHeapInterval");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
