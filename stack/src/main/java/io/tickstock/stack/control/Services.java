package io.tickstock.stack.control;

import io.tickstock.stack.container.ContainerRun;
import io.tickstock.stack.container.ImageUser;
import io.tickstock.stack.container.Images;
import io.tickstock.stack.layout.Directories;
import io.tickstock.stack.layout.Instance;
import io.tickstock.stack.layout.Service;
import io.tickstock.stack.process.Launch;
import io.tickstock.stack.process.OwnProcesses;
import io.tickstock.stack.process.ServiceEnvironment;
import io.tickstock.stack.sizing.ContainerLimits;
import io.tickstock.stack.sizing.JvmOptions;
import io.tickstock.stack.sizing.Sizing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starting the instances of the three services, as processes or in their containers. */
public final class Services {

    static final Duration READY = Duration.ofSeconds(120);
    // the services' images run as this user (k8s runAsUser): a state folder mounted into one must be its own

    private final Stack stack;

    public Services(Stack stack) {
        this.stack = stack;
    }

    /** Starts {@code instance} unless it runs, with {@code extra} in its environment; does not wait for it. */
    public void start(Instance instance, Map<String, String> extra) {
        String name = instance.name();
        if (stack.alive(name)) {
            stack.console().info(name + " already running (pid " + stack.pids().read(name).orElseThrow() + ")");
            return;
        }
        int port = stack.layout().ports().of(instance);
        stack.ensurePortFree(port, "the " + name, "TICKSTOCK_" + instance.service().envName() + "_PORT"
                + (instance.number() == 1 ? "" : " or TICKSTOCK_INSTANCE_PORT_STEP"));
        Directories.create(stack.home().logs(), stack.home().pids());
        stack.started(name);
        Map<String, String> environment = ServiceEnvironment.of(stack.layout(), instance, extra);
        Sizing sizing = stack.sizing();
        if (sizing == Sizing.CONTAINERS) {
            startContainer(instance, environment);
            return;
        }
        Service service = instance.service();
        stack.console().info("starting " + name + " on :" + port + (sizing != Sizing.K8S ? ""
                : " (Kubernetes sizing: " + stack.manifests().memoryLimitMib(service.label()) + " MiB, heap "
                        + stack.manifests().heapPercent(service) + " %)"));
        new Launch(name, command(instance, sizing), withStack(environment), stack.home().log(name)).start(stack.pids());
    }

    /** The java command line of a service instance under {@code sizing}: the marker first, the user's options last. */
    List<String> command(Instance instance, Sizing sizing) {
        List<String> command = new ArrayList<>(List.of(Launch.java(), OwnProcesses.componentMarker(instance.name())));
        command.addAll(JvmOptions.of(sizing, instance.service(), stack.layout().root()));
        command.addAll(ServiceEnvironment.userJavaOptions(stack.layout(), instance.service()));
        command.addAll(List.of("-jar", instance.service().jar(stack.layout().root()).toString()));
        return command;
    }

    /** The stack's environment with the instance's on top: a service sees every setting the stack was given. */
    private Map<String, String> withStack(Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(stack.layout().env());
        all.putAll(environment);
        return all;
    }

    public void startProcessor(Instance instance, int standbys) {
        start(instance, ServiceEnvironment.processor(stack.home(), instance, standbys));
    }

    /** The ingest service with the source and profile {@code up} chose (none, if it never ran here). */
    public void startIngest() {
        try {
            Path options = stack.home().ingestOptions();
            String words = Files.exists(options) ? Files.readString(options) : "TICKSTOCK_INGEST_SOURCE=none";
            start(Instance.first(Service.INGEST), ServiceEnvironment.words(words));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts instances 1..{@code count} of the processor or the gateway that do not run. Processors keep one standby
     * replica of every task on another instance once there are two or more, as in Kubernetes; the group leader's
     * setting decides, so a running instance started without standbys is restarted (static membership: it takes its
     * partitions back at once).
     */
    public void startInstances(Service service, int count) {
        int standbys = count >= 2 ? 1 : 0;
        for (int n = 1; n <= count; n++) {
            Instance instance = new Instance(service, n);
            if (service != Service.PROCESSOR) {
                start(instance, Map.of());
                continue;
            }
            if (standbys == 1 && standbysOf(instance).filter("0"::equals).isPresent()) {
                stack.console().info("restarting " + instance + " with a standby replica of every task, now that "
                        + "there are " + count + " processors");
                new Components(stack).stop(instance.name());
            }
            startProcessor(instance, standbys);
        }
    }

    public void awaitInstances(Service service, int count) {
        for (int n = 1; n <= count; n++) {
            stack.awaitReady(new Instance(service, n), READY);
        }
    }

    /** Stops the instances numbered above {@code count}, the last first. */
    public void stopInstancesAbove(Service service, int count) {
        Components components = new Components(stack);
        stack.pids().started(service).stream().sorted(Comparator.reverseOrder()).filter(i -> i.number() > count)
                .forEach(i -> components.stop(i.name()));
    }

    /** The standby replicas a running processor instance was started with. */
    Optional<String> standbysOf(Instance instance) {
        return stack.process(instance.name()).flatMap(p -> {
            try {
                String environ = new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "environ")),
                        StandardCharsets.UTF_8);
                return Arrays.stream(environ.split("\0"))
                        .filter(v -> v.startsWith("KAFKA_STREAMS_NUM_STANDBY_REPLICAS="))
                        .map(v -> v.substring(v.indexOf('=') + 1)).findFirst();
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * A service instance in its image, with the environment a process gets ({@code JAVA_OPTS} included) and the heap
     * share of its ConfigMap; a state directory it is given is mounted at its path.
     */
    private void startContainer(Instance instance, Map<String, String> environment) {
        Service service = instance.service();
        List<String> volumes = new ArrayList<>();
        String state = environment.get("KAFKA_STREAMS_STATE_DIR");
        if (state != null) {
            chown(ImageUser.SERVICE.idText(), Path.of(state));
            volumes.addAll(List.of("-v", state + ":" + state));
        }
        Map<String, String> env = new HashMap<>(environment);
        env.put("JAVA_OPTS", String.join(" ", ServiceEnvironment.javaOptions(stack.layout(), instance)));
        env.put("JAVA_MAX_MEM_RATIO", Integer.toString(stack.manifests().heapPercent(service)));
        String container = stack.containers().nameOf(instance.name());
        stack.console().info("starting " + instance + " on :" + stack.layout().ports().of(instance) + " in "
                + container + " (" + ContainerLimits.summary(service.label(), stack.manifests()) + ", heap "
                + stack.manifests().heapPercent(service) + " %)");
        startContainer(stack, instance.name(), new ContainerRun(container, Images.of(service, stack.layout().root()),
                stack.home().dir(), stack.home().log(instance.name()),
                ContainerLimits.of(service.label(), stack.manifests()), volumes, env));
    }

    /** Runs the container of {@code name} and keeps the pid of its JVM as for a process. */
    static void startContainer(Stack stack, String name, ContainerRun run) {
        Directories.create(stack.home().containers());
        try {
            // from the stack's own folder: conmon leaves a file 'oom' in its working directory when the cgroup kills
            // the container, and that should not be the repository
            stack.pids().write(name, stack.containers().start(run, stack.home().containers()));
        } catch (IllegalStateException e) {
            throw new StackException(e.getMessage());
        }
    }

    /** Creates {@code dir} owned (all of it) by {@code uid}, the user of the image that mounts it. */
    static void chown(String uid, Path dir) {
        Directories.create(dir);
        if (Commands.run(dir, List.of("chown", "-R", uid + ":" + uid, dir.toString())) != 0) {
            throw new StackException("cannot give " + dir + " to user " + uid + " (chown; containers run as root)");
        }
    }
}
