package io.tickstock.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tickstock.model.Topics;
import java.time.Duration;

/** What the gateway reads from configuration ({@code tickstock.gateway.*}, env {@code TICKSTOCK_GATEWAY_*}). */
@ConfigMapping(prefix = "tickstock.gateway")
public interface GatewayConfig {

    @WithDefault(Topics.EVENTS)
    String eventsTopic();

    /** Longest a poll of the events topic waits; bounds how long shutdown takes. */
    @WithDefault("100ms")
    Duration pollTimeout();

    /** Most subscription patterns one client may hold. */
    @WithDefault("1000")
    int maxSubscriptions();
}
