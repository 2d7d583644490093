package io.tickstock.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.model.serde.Json;
import io.tickstock.testsupport.FuzzedFrames;
import io.tickstock.testsupport.RunTopics;
import io.tickstock.stack.process.ServiceProcess;
import io.tickstock.testsupport.TopicReader;
import io.tickstock.tools.status.MetricsText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hostile input through the running stack (SPEC §10), the packaged services as users run them, auth on: 10,000
 * fuzzed provider frames replayed through the ingest service between 1,000 valid trades, while more than 10,000
 * hostile WebSocket actions hit the gateway and a well-behaved client follows the valid trades' highs and lows.
 * Nothing may crash, every input must be accounted for — ingest: received = accepted + rejected, the raw topics
 * hold the accepted, the dead-letter topic the rejected; gateway: every action answered as the protocol says, the
 * error counters equal the errors sent — and the well-behaved client must get every event it is owed, once.
 */
@Tag("deployment")
class HostileInputIT {

    private static final int FRAMES = 10_000;
    private static final int CANARIES = 1_000;
    private static final Set<String> CANARY_SYMBOLS = Set.of("HOSTA", "HOSTB");
    private static final String TOKEN = "hostile-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(120);

    private static RunTopics topics;
    private static final Running running = new Running("hostile");
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ServiceProcess processor;
    private static ServiceProcess gateway;
    private static ServiceProcess ingest;

    @BeforeAll
    static void startAll() {
        topics = RunTopics.create("hostile", 3);
        processor = start("processor", "channel-processor", topics.processorEnv("processor"));
        Map<String, String> gatewayEnv = new HashMap<>(topics.gatewayEnv());
        // the gateway as packaged (the prod profile: auth on), on the run's one broker
        gatewayEnv.put("QUARKUS_PROFILE", "prod");
        gatewayEnv.put("TICKSTOCK_GATEWAY_AUTH_API_KEY_SHA256", sha256(TOKEN));
        gateway = start("gateway", "ws-gateway", gatewayEnv);
        Map<String, String> ingestEnv = new HashMap<>(topics.ingestEnv());
        ingestEnv.put("TICKSTOCK_INGEST_SOURCE", "none");
        ingest = start("ingest", "ingest-service", ingestEnv);
        services.forEach(ServiceProcess::awaitReady);
    }

    private static ServiceProcess start(String name, String module, Map<String, String> env) {
        ServiceProcess service = running.service(name, module, env);
        services.add(service);
        return service;
    }

    @AfterAll
    static void stopAll() throws Exception {
        running.close();
    }

    @Test
    void nothingCrashesEveryInputIsAccountedForAndTheGoodClientMissesNothing() throws Exception {
        Path replay = writeReplay(System.currentTimeMillis() - Duration.ofMinutes(30).toMillis());
        ResumingClient good = running.client(() -> gateway.uri("/ws/v1"),
                "high.HOSTA,low.HOSTA,high.HOSTB,low.HOSTB", TOKEN);
        await().atMost(WAIT).until(() -> good.subscribed() == 1);
        MetricsText gatewayBefore = Scrape.of(gateway);

        // as fast as it goes: paced by event time, one fuzzed timestamp far ahead (an altered digit) would hold
        // the replay back for hours; the well-behaved client's events arrive while the attack runs all the same
        assertThat(ingest.post("/replay", "{\"file\":\"" + replay.toAbsolutePath() + "\",\"speed\":0}")
                .statusCode()).isEqualTo(202);
        HostileClients.Outcome attack = new HostileClients(gateway.uri("/ws/v1"), TOKEN, 88).attack(10_000, 8);
        await().atMost(WAIT).until(() -> replayState().path("state").asText().equals("finished"));

        JsonNode replayed = replayState();
        assertIngestAccountedForEverything(replayed);
        assertGatewayAnsweredEveryAction(attack, gatewayBefore, Scrape.of(gateway));
        System.out.printf("hostile input: %d lines replayed (%d fuzzed frames, %d valid trades): %d messages "
                + "accepted, %d rejected (each on the raw dead-letter topic); %d WebSocket actions (%d of them "
                + "flood), errors received by code %s, every one as the protocol says%n", replayed.path("lines")
                .asLong(), FRAMES, CANARIES, replayed.path("accepted").asLong(), replayed.path("rejected").asLong(),
                attack.actions(), attack.floodMessages(), attack.receivedErrors());

        processor.awaitReady();
        ProcessorGroup.of(topics, "processor").awaitCaughtUp(WAIT);
        assertThat(Scrape.of(processor).total("tickstock_channel_dlq_total"))
                .as("what ingest accepted, the processor can process").isIn(0.0, Double.NaN);
        Map<String, HighLowPrediction.Expected> owed = HighLowPrediction.predict(
                HighLowPrediction.readAll(topics.tick(), CANARIES), CANARY_SYMBOLS::contains);
        assertThat(owed).as("the valid trades must fire events").hasSizeGreaterThan(20);
        await().atMost(WAIT).untilAsserted(() -> assertThat(good.ids())
                .as("the well-behaved client: every event of the valid trades once")
                .containsExactlyInAnyOrderElementsOf(owed.keySet()));
        assertThat(good.connections()).as("never cut off").isEqualTo(1);
        assertThat(good.errors()).isEmpty();
        services.forEach(service -> assertThat(service.alive()).isTrue());
        services.forEach(ServiceProcess::awaitReady);
    }

    private static void assertIngestAccountedForEverything(JsonNode replay) {
        MetricsText metrics = Scrape.of(ingest);
        double received = metrics.total("tickstock_ingest_received_total");
        double accepted = metrics.total("tickstock_ingest_accepted_total");
        double rejected = metrics.total("tickstock_ingest_rejected_total");

        assertThat(replay.path("lines").asLong()).as("every line read").isEqualTo(FRAMES + CANARIES);
        assertThat(received).as("received = accepted + rejected").isEqualTo(accepted + rejected);
        assertThat(accepted).as("accepted, by the replay and the counters")
                .isEqualTo(replay.path("accepted").asDouble());
        assertThat(rejected).as("rejected, by the replay and the counters")
                .isEqualTo(replay.path("rejected").asDouble());
        // the fuzzing must exercise both sides, or this proves nothing
        assertThat(accepted).isGreaterThan(CANARIES + FRAMES / 20);
        assertThat(rejected).isGreaterThan(FRAMES / 2);
        await().atMost(WAIT).untilAsserted(() -> {
            MetricsText now = Scrape.of(ingest);
            assertThat(now.total("tickstock_ingest_published_total")).as("Kafka acknowledged every accepted")
                    .isEqualTo(accepted);
            assertThat(now.total("tickstock_ingest_dead_lettered_total")).as("and every dead letter")
                    .isEqualTo(rejected);
        });
        assertThat(count(topics.tick()) + count(topics.ohlcv()) + count(topics.fmv()))
                .as("the raw topics hold the accepted").isEqualTo((long) accepted);
        assertThat(count(topics.rawDlq())).as("the dead-letter topic holds the rejected").isEqualTo((long) rejected);
    }

    private static void assertGatewayAnsweredEveryAction(HostileClients.Outcome attack, MetricsText before,
            MetricsText after) {
        assertThat(attack.actions()).isGreaterThanOrEqualTo(10_000);
        assertThat(attack.mismatches()).as("every action answered as the protocol says").isEmpty();
        assertThat(attack.expectedErrors()).containsKeys(400, 401, 402, 404, 405, 413);
        attack.expectedErrors().forEach((code, count) -> assertThat(attack.receivedErrors().get(code))
                .as("errors %d received", code).isEqualTo(count));
        assertThat(attack.receivedErrors().get(429)).as("each flood was told").isGreaterThanOrEqualTo(10);
        Map<String, Double> errorsBefore = before.sumBy("tickstock_gateway_errors_total", "code");
        Map<String, Double> errorsAfter = after.sumBy("tickstock_gateway_errors_total", "code");
        attack.receivedErrors().forEach((code, count) -> assertThat(errorsAfter.getOrDefault(code.toString(), 0.0)
                - errorsBefore.getOrDefault(code.toString(), 0.0)).as("errors %d counted", code)
                .isEqualTo(count.doubleValue()));
    }

    private static JsonNode replayState() throws IOException {
        return Json.mapper().readTree(ingest.get("/replay").body());
    }

    private static long count(String topic) {
        try (TopicReader<byte[]> reader = TopicReader.fromBeginning(topic, new ByteArrayDeserializer())) {
            return reader.readFor(Duration.ofSeconds(2)).size();
        }
    }

    /**
     * NDJSON of provider frames: {@value #FRAMES} fuzzed ones (on one line each: a line is a frame) and, every tenth
     * line, a valid trade of HOSTA or HOSTB, 1.5 s of market apart, prices on a random walk.
     */
    private static Path writeReplay(long start) throws IOException {
        Path file = Path.of("target", "hostile", "fuzzed-" + UUID.randomUUID() + ".ndjson");
        Files.createDirectories(file.getParent());
        FuzzedFrames frames = new FuzzedFrames(4711, start);
        Random walk = new Random(17);
        double[] prices = {42.0, 140.0};
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < FRAMES; i++) {
                byte[] frame = frames.next();
                for (int b = 0; b < frame.length; b++) {
                    frame[b] = frame[b] == '\n' || frame[b] == '\r' ? (byte) ' ' : frame[b];
                }
                out.write(frame);
                out.write('\n');
                if (i % 10 == 9) {
                    int canary = i / 10;
                    int symbol = canary % 2;
                    prices[symbol] = Math.round(prices[symbol] * (1 + walk.nextGaussian() * 0.003) * 100) / 100.0;
                    out.write(("[{\"ev\":\"T\",\"sym\":\"" + (symbol == 0 ? "HOSTA" : "HOSTB") + "\",\"x\":4,\"i\":\"c"
                            + canary + "\",\"p\":" + prices[symbol] + ",\"s\":100,\"t\":" + (start + canary * 1_500L)
                            + "}]\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return file;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
