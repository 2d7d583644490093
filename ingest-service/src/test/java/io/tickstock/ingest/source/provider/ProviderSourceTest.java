package io.tickstock.ingest.source.provider;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tickstock.ingest.KafkaRawTopics;
import io.tickstock.model.Topics;
import io.tickstock.testsupport.KafkaTestResource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The service with the provider as its source: readiness, status, metrics and data follow the connection. */
@QuarkusTest
@TestProfile(ProviderSourceTest.ProviderProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
class ProviderSourceTest {

    /** Its own profile: the fake provider resource applies to this app only. */
    public static class ProviderProfile implements QuarkusTestProfile {
        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(FakeProviderResource.class));
        }
    }

    @Test
    void readyWhenSubscribedAndDataReachesTheRawTopicAndReadinessFollowsTheConnection() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/q/health/ready").then().statusCode(200));
        assertThat(FakeProviderResource.provider.actions)
                .containsExactly("#1 auth " + FakeProviderResource.KEY, "#1 subscribe T.PRVQ,FMV.PRVQ");
        get("/status").then().body("source", equalTo("provider")).body("connected", equalTo(true))
                .body("provider.state", equalTo("SUBSCRIBED")).body("provider.url", containsString("ws://127.0.0.1"))
                .body(org.hamcrest.Matchers.not(containsString(FakeProviderResource.KEY)));

        long now = System.currentTimeMillis();
        FakeProviderResource.provider.push("[{\"ev\":\"T\",\"sym\":\"PRVQ\",\"x\":4,\"i\":\"9\",\"p\":12.5,\"s\":100,"
                + "\"t\":" + now + "},{\"ev\":\"FMV\",\"sym\":\"PRVQ\",\"fmv\":12.6,\"t\":" + now * 1_000_000 + "}]");
        assertThat(KafkaRawTopics.read(Topics.RAW_TICK, 1)).anyMatch(r -> "PRVQ".equals(r.key())
                && "provider".equals(r.value().provider()));
        assertThat(KafkaRawTopics.read(Topics.RAW_FMV, 1)).anyMatch(r -> "PRVQ".equals(r.key()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> get("/status").then()
                .body("lastDelivery", notNullValue()).body("accepted.T", org.hamcrest.Matchers.greaterThan(0)));
        get("/q/metrics").then().body(containsString("tickstock_ingest_feed_connected{source=\"provider\"} 1.0"));

        FakeProviderResource.provider.maxConnections(0);
        FakeProviderResource.provider.dropAll();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/q/health/ready").then().statusCode(503)
                .body(containsString("max_connections")));
        FakeProviderResource.provider.maxConnections(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/q/health/ready").then().statusCode(200));
        get("/q/metrics").then().body(containsString("tickstock_ingest_feed_reconnects_total{source=\"provider\"}"));
    }
}
