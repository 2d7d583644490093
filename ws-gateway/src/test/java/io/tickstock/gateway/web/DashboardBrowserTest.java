package io.tickstock.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tickstock.gateway.ConnectedTest;
import io.tickstock.gateway.GatewayClients;
import io.tickstock.model.EventType;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.SourceContext;
import io.tickstock.model.Topics;
import io.tickstock.model.serde.Json;
import io.tickstock.testsupport.KafkaTestResource;
import io.tickstock.testsupport.TestEvents;
import io.tickstock.testsupport.WsTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The dashboard in a real browser (headless Chromium): it connects, shows events produced now, and its numbers. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@Tag("compatibility")
class DashboardBrowserTest extends ConnectedTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void thePageConnectsShowsLiveEventsWithRatesLatencyAndClientsAndFilters() throws Exception {
        // an hour-old event the page will get as a snapshot: it must not count as an hour of latency
        String snapshotSymbol = GatewayClients.symbol("S");
        MarketEvent old = aged(TestEvents.event(EventType.HIGH, snapshotSymbol, 1, 0), Duration.ofHours(1));
        try (WsTestClient witness = GatewayClients.connect(endpoint("/ws/v1"))) {
            GatewayClients.subscribe(witness, "*." + snapshotSymbol);
            TestEvents.publish(Topics.EVENTS, old);
            // once a client got it live, the gateway has it in its snapshot cache
            assertThat(witness.next("event", WAIT).path("id").asText()).isEqualTo(old.id());
        }
        Path profile = Files.createTempDirectory("chromium-profile");
        Path screenshot = Path.of("target/dashboard.png").toAbsolutePath();
        NodeScript.chromium();
        try (NodeScript browser = NodeScript.start("dashboard.mjs", base.toString(), screenshot.toString(),
                profile.toString())) {
            browser.await("READY", WAIT);
            String tickSymbol = GatewayClients.symbol("B");
            String barSymbol = GatewayClients.symbol("V");
            TestEvents.publish(Topics.EVENTS, TestEvents.event(EventType.HIGH, tickSymbol, 1, 1),
                    TestEvents.event(EventType.VOLUME_SPIKE, barSymbol, 2, 2));
            browser.send("EXPECT " + tickSymbol + " " + barSymbol);

            JsonNode shown = Json.mapper().readTree(browser.await("FILTERED", WAIT));
            MarketEvent visible = TestEvents.event(EventType.LOW, tickSymbol, 1, 3);
            MarketEvent hidden = TestEvents.event(EventType.LOW, barSymbol, 1, 4);
            TestEvents.publish(Topics.EVENTS, hidden, visible);
            browser.send("EXPECT " + visible.id() + " " + hidden.id());
            JsonNode result = Json.mapper().readTree(browser.await("RESULT", WAIT));

            assertThat(shown.path("total").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(shown.path("clients").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(shown.path("rateTick").asDouble()).isPositive();
            assertThat(shown.path("p50").asText()).matches("\\d+ ms");
            assertThat(shown.path("p99").asText()).matches("\\d+ ms");
            assertThat(shown.path("rows").toString())
                    .contains("\"symbol\":\"" + tickSymbol + "\",\"type\":\"high\",\"channel\":\"tick\"")
                    .contains("\"symbol\":\"" + barSymbol + "\",\"type\":\"volume_spike\",\"channel\":\"ohlcv\"");
            assertThat(shown.path("rows").toString()).as("a snapshot row says so instead of a latency")
                    .contains("\"symbol\":\"" + snapshotSymbol + "\",\"type\":\"high\",\"channel\":\"tick\","
                            + "\"latency\":\"snapshot\"");
            assertThat(Long.parseLong(shown.path("p99").asText().replace(" ms", "")))
                    .as("latency percentiles leave the hour-old snapshot out").isLessThan(Duration.ofMinutes(10).toMillis());
            assertThat(result.path("hiddenShown").asBoolean()).as("the symbol filter hides other symbols").isFalse();
            assertThat(screenshot).exists();
        }
    }

    /** The same event, as if ingested {@code age} ago. */
    private static MarketEvent aged(MarketEvent event, Duration age) {
        long then = event.source().ingestTs() - age.toMillis();
        SourceContext source = new SourceContext(event.source().provider(), event.source().feed(), then, then,
                event.source().topic(), event.source().partition(), event.source().offset(), event.source().msgId());
        return new MarketEvent(event.v(), event.id(), event.type(), event.symbol(), event.direction(), event.price(),
                event.priority(), event.channel(), then, then, event.details(), source);
    }
}
