package io.tickstock.stack.process;

import io.tickstock.stack.layout.Instance;
import io.tickstock.stack.layout.Service;
import io.tickstock.stack.layout.StackHome;
import io.tickstock.stack.layout.StackLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a service instance of the local stack is given, as a process or in its container alike: the {@code local}
 * profile (one broker with replication 1, the simulator, no gateway auth; the packaged default is production), the
 * stack's broker and the instance's port, on top of what its service needs.
 */
public final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    /** The variables of {@code instance}, {@code extra} between the profile and the broker and port. */
    public static Map<String, String> of(StackLayout layout, Instance instance, Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_PROFILE", "local");
        env.putAll(extra);
        env.put("KAFKA_BOOTSTRAP_SERVERS", layout.bootstrap());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(layout.ports().of(instance)));
        return env;
    }

    /** Every processor instance has its own state directory and static member id; standbys as the group needs. */
    public static Map<String, String> processor(StackHome home, Instance instance, int standbys) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_STREAMS_STATE_DIR", home.processorState(instance).toString());
        env.put("KAFKA_STREAMS_GROUP_INSTANCE_ID", "tickstock-processor-local" + StackHome.suffix(instance));
        env.put("KAFKA_STREAMS_NUM_STANDBY_REPLICAS", Integer.toString(standbys));
        return env;
    }

    /** {@code NAME=VALUE NAME=VALUE}, as {@code up} keeps the ingest source and profile for a restart. */
    public static Map<String, String> words(String line) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String word : line.trim().split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                env.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return env;
    }

    /**
     * The marker, then the JVM options of every service ({@code TICKSTOCK_JAVA_OPTS}), then those of this one
     * ({@code TICKSTOCK_PROCESSOR_JAVA_OPTS}, ...), which come last so they win.
     */
    public static List<String> javaOptions(StackLayout layout, Instance instance) {
        List<String> options = new ArrayList<>();
        options.add(OwnProcesses.componentMarker(instance.name()));
        options.addAll(userJavaOptions(layout, instance.service()));
        return options;
    }

    /** What the user added: for every service, then for this one. */
    public static List<String> userJavaOptions(StackLayout layout, Service service) {
        List<String> options = new ArrayList<>(split(layout.env("TICKSTOCK_JAVA_OPTS")));
        options.addAll(split(layout.env(ownJavaOptions(service))));
        return options;
    }

    public static String ownJavaOptions(Service service) {
        return "TICKSTOCK_" + service.envName() + "_JAVA_OPTS";
    }

    static List<String> split(String options) {
        return Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
