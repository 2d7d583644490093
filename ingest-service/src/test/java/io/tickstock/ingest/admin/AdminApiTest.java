package io.tickstock.ingest.admin;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.tickstock.testsupport.KafkaTestResource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator API on :8081, against the running service and a real broker. */
@QuarkusTest
@TestProfile(AdminApiTest.NoSourceAtStart.class)
@QuarkusTestResource(KafkaTestResource.class)
class AdminApiTest {

    /** Starts with no source, so every test decides what runs. */
    public static class NoSourceAtStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the %test overrides of rate and symbols would change every profile: back to the profiles' own
            return Map.of("tickstock.ingest.source", "none", "tickstock.ingest.simulator.seed", "7",
                    "tickstock.ingest.simulator.max-messages", "20000",
                    "tickstock.ingest.simulator.trades-per-second", "",
                    "tickstock.ingest.simulator.symbol-count", "");
        }
    }

    @Test
    void switchingToTheSurgeProfileShowsItsRatesAndTheSpeedCanChange() {
        get("/status").then().statusCode(200).body("source", equalTo("none")).body("running", equalTo(false));

        given().contentType(ContentType.JSON).body("{\"source\":\"simulator\",\"profile\":\"market_open_surge\"}")
                .put("/source").then().statusCode(200)
                .body("source", equalTo("simulator")).body("running", equalTo(true))
                .body("simulator.profile", equalTo("market_open_surge"))
                .body("simulator.messagesPerMinute", equalTo(50_000));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/status").then()
                .body("rates.T.perSecond", greaterThan(100f)).body("rates.FMV.perSecond", greaterThan(10f))
                .body("accepted.T", greaterThan(100)).body("connected", equalTo(true)));

        given().contentType(ContentType.JSON).body("{\"multiplier\":2}").put("/simulator/rate").then()
                .statusCode(200).body("simulator.multiplier", equalTo(2.0f));
        given().contentType(ContentType.JSON).body("{\"multiplier\":25}").put("/simulator/rate").then()
                .statusCode(400).body("error", containsString("1 … 20"));
        given().post("/source/stop").then().statusCode(200).body("running", equalTo(false));
        given().post("/source/start").then().statusCode(200).body("running", equalTo(true));
        given().post("/source/stop").then().statusCode(200).body("simulator.running", equalTo(false));
    }

    @Test
    void badChoicesAreRefusedWithWhatToDo() {
        given().contentType(ContentType.JSON).body("{\"source\":\"bogus\"}").put("/source").then().statusCode(400)
                .body("error", containsString("simulator, provider or none"));
        given().contentType(ContentType.JSON).body("{}").put("/source").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"source\":\"simulator\",\"profile\":\"rush\"}").put("/source")
                .then().statusCode(400).body("error", containsString("market_open_surge"));
        given().contentType(ContentType.JSON).body("{\"source\":\"provider\"}").put("/source").then().statusCode(409)
                .body("error", containsString("TICKSTOCK_PROVIDER_URL"));
        given().contentType(ContentType.JSON).body("{\"source\":\"none\"}").put("/source").then().statusCode(200)
                .body("source", equalTo("none"));
        given().post("/source/start").then().statusCode(409).body("error", containsString("no source"));
        given().contentType(ContentType.JSON).body("{}").put("/simulator/rate").then().statusCode(400);
    }

    @Test
    void aReplayRunsInTheBackgroundAndReportsItsProgress() throws Exception {
        String file = Path.of(getClass().getResource("/replay/JPM_1min_2023-07-10.csv").toURI()).toString();

        given().contentType(ContentType.JSON).body("{\"file\":\"" + file + "\",\"speed\":0}").post("/replay").then()
                .statusCode(202).body("format", equalTo("csv"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/replay").then().statusCode(200)
                .body("state", equalTo("finished")).body("accepted", equalTo(10)).body("rejected", equalTo(0)));
        get("/replay/progress").then().statusCode(200)
                .body(startsWith("finished JPM_1min_2023-07-10.csv: 100%, 11 lines, 10 accepted, 0 rejected"));
        get("/status").then().body("replay.state", equalTo("finished"));
        given().delete("/replay").then().statusCode(200).body("state", equalTo("finished"));

        given().contentType(ContentType.JSON).body("{\"file\":\"/no/such/file.csv\"}").post("/replay").then()
                .statusCode(400).body("error", containsString("cannot read"));
        given().contentType(ContentType.JSON).body("{\"file\":\"" + file + "\",\"zone\":\"Mars/Base\"}")
                .post("/replay").then().statusCode(400).body("error", containsString("zone"));
        get("/q/metrics").then().statusCode(200)
                .body(containsString("tickstock_ingest_accepted_total{feed=\"AM\",source=\"replay\"}"))
                .body(containsString("tickstock_ingest_send_blocked_seconds_count"))
                .body(containsString("tickstock_ingest_producer_buffer_available_bytes"));
    }

    @Test
    void aFileCanBeAskedWhatItWouldBringBeforeItIsReplayed() throws Exception {
        String file = Path.of(getClass().getResource("/replay/JPM_1min_2023-07-10.csv").toURI()).toString();

        given().contentType(ContentType.JSON).body("{\"file\":\"" + file + "\",\"zone\":\"UTC\"}")
                .post("/replay/earliest").then().statusCode(200)
                .body("JPM", equalTo(Instant.parse("2023-07-10T14:01:00Z").toEpochMilli()));
        given().contentType(ContentType.JSON).body("{\"file\":\"/no/such/file.csv\"}").post("/replay/earliest")
                .then().statusCode(400).body("error", containsString("cannot read"));
    }

    @Test
    void healthSaysTheFeedIsFineWithoutAProvider() {
        get("/q/health/ready").then().statusCode(200).body(containsString("ingest feed"));
    }
}
