package io.tickstock.processor.engine;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the broker cannot be reached (SPEC §11's readiness through SPEC §10's broker restart). The engines
 * cannot tell: they stay RUNNING through an outage, retrying, so their own checks kept saying ready (found by
 * {@code chaos all}). The check answers within {@link #TIMEOUT} whatever the broker does, so a probe never hangs.
 */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Admin admin;

    public BrokerHealthCheck(EngineProperties properties) {
        int timeout = (int) TIMEOUT.toMillis();
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout));
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions()
                    .timeoutMs((int) TIMEOUT.toMillis())).nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named("broker").up().withData("nodes", nodes.size()).build();
        } catch (ExecutionException | TimeoutException e) {
            return unreachable(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(e);
        }
    }

    private static HealthCheckResponse unreachable(Throwable why) {
        return HealthCheckResponse.named("broker").down()
                .withData("error", "no answer from the broker within " + TIMEOUT.toMillis() + " ms: " + why)
                .build();
    }

    @PreDestroy
    void close() {
        admin.close(TIMEOUT);
    }
}
