package io.tickstock.e2e;

import io.tickstock.stack.process.ServiceProcess;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What one test started — services and clients — closed together when it ends, the last started first. */
final class Running implements AutoCloseable {

    private final String prefix;
    private final List<AutoCloseable> started = new ArrayList<>();
    private int services;

    Running(String prefix) {
        this.prefix = prefix;
    }

    /** Starts a service; its log is numbered, so a restarted service keeps the log of its predecessor. */
    ServiceProcess service(String name, String module, Map<String, String> env) {
        ServiceProcess service = ServiceProcess.start(prefix + "-" + ++services + "-" + name, module, env);
        started.add(service);
        return service;
    }

    ResumingClient client(Supplier<URI> gateways, String patterns) {
        return client(gateways, patterns, null);
    }

    ResumingClient client(Supplier<URI> gateways, String patterns, String token) {
        ResumingClient client = ResumingClient.start(gateways, patterns, token);
        started.add(client);
        return client;
    }

    @Override
    public void close() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }
}
