package io.tickstock.ingest.source.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickstock.ingest.RecordingPublisher;
import io.tickstock.ingest.TestIntakes;
import io.tickstock.model.Trade;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider client against a protocol-faithful fake provider on a real loopback WebSocket. */
class ProviderClientTest {

    private static final String KEY = "test-key-5f1c9a";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final RecordingPublisher published = new RecordingPublisher();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private FakeProvider provider() throws Exception {
        FakeProvider provider = FakeProvider.start(KEY);
        closing.add(0, provider);
        return provider;
    }

    private ProviderClient client(FakeProvider provider, String key, int maxFrameBytes) {
        ProviderClient client = new ProviderClient(new ProviderClient.Settings(provider.url(), key,
                "T.*,A.*,AM.*,FMV.*", Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(5),
                Duration.ofSeconds(30), maxFrameBytes), TestIntakes.wallClock(published),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), new SplittableRandom(1)),
                Clock.systemUTC(), reconnects::incrementAndGet);
        closing.add(client::close);
        client.start();
        return client;
    }

    private static String trades(String sym, int from, int count) {
        StringBuilder frame = new StringBuilder("[");
        long now = System.currentTimeMillis();
        for (int i = from; i < from + count; i++) {
            frame.append(frame.length() > 1 ? "," : "").append("{\"ev\":\"T\",\"sym\":\"").append(sym)
                    .append("\",\"x\":4,\"i\":\"").append(i).append("\",\"z\":3,\"p\":101.5,\"s\":100,\"t\":")
                    .append(now).append('}');
        }
        return frame.append(']').toString();
    }

    private List<String> acceptedIds() {
        synchronized (published) {
            return published.accepted.stream().map(m -> ((Trade) m).i()).toList();
        }
    }

    @Test
    void authenticatesSubscribesAndDeliversABurstInOrder() throws Exception {
        FakeProvider provider = provider();
        ProviderClient client = client(provider, KEY, 1 << 20);

        await().atMost(WAIT).until(() -> client.status().connected());
        assertThat(provider.actions).containsExactly("#1 auth " + KEY, "#1 subscribe T.*,A.*,AM.*,FMV.*");
        assertThat(client.status().lastDelivery()).isNull();

        for (int frame = 0; frame < 50; frame++) {
            provider.push(trades("BRST", frame * 40, 40));
        }
        await().atMost(WAIT).until(() -> acceptedIds().size() == 2_000);
        assertThat(acceptedIds()).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 2_000).mapToObj(Integer::toString).toList());
        ProviderClient.Status status = client.status();
        assertThat(status.state()).isEqualTo(ProviderClient.State.SUBSCRIBED);
        assertThat(status.lastDelivery()).isNotNull();
        assertThat(status.lastStatus()).startsWith("success: subscribed to:");
        assertThat(status.url()).isEqualTo(provider.url().toString());
    }

    @Test
    void aRefusedKeyIsReportedAndRetriedWithBackoffNeverDelivering() throws Exception {
        FakeProvider provider = provider();
        ProviderClient client = client(provider, "wrong-key", 1 << 20);

        await().atMost(WAIT).until(() -> provider.connections() >= 3);
        ProviderClient.Status status = client.status();
        assertThat(status.connected()).isFalse();
        assertThat(status.lastStatus()).startsWith("auth_failed");
        assertThat(provider.actions).allMatch(action -> action.endsWith("auth wrong-key"));
        assertThat(reconnects.get()).isGreaterThanOrEqualTo(2);
        assertThat(published.accepted).isEmpty();
    }

    @Test
    void aDroppedConnectionIsReconnectedAndResubscribed() throws Exception {
        FakeProvider provider = provider();
        ProviderClient client = client(provider, KEY, 1 << 20);
        await().atMost(WAIT).until(() -> client.status().connected());
        provider.push(trades("DROP", 0, 5));
        await().atMost(WAIT).until(() -> acceptedIds().size() == 5);

        provider.dropAll();

        await().atMost(WAIT).until(() -> provider.subscribedClients() == 1 && provider.connections() == 2);
        await().atMost(WAIT).until(() -> client.status().connected());
        assertThat(provider.actions).containsExactly("#1 auth " + KEY, "#1 subscribe T.*,A.*,AM.*,FMV.*",
                "#2 auth " + KEY, "#2 subscribe T.*,A.*,AM.*,FMV.*");
        assertThat(client.status().reconnects()).isEqualTo(1);
        provider.push(trades("DROP", 5, 5));
        await().atMost(WAIT).until(() -> acceptedIds().size() == 10);
    }

    @Test
    void maxConnectionsIsReportedAndTheClientGetsInOnceASlotFrees() throws Exception {
        FakeProvider provider = provider();
        provider.maxConnections(0);
        ProviderClient client = client(provider, KEY, 1 << 20);

        await().atMost(WAIT).until(() -> client.status().state() == ProviderClient.State.MAX_CONNECTIONS);
        assertThat(client.status().lastStatus()).startsWith("max_connections");
        assertThat(client.status().connected()).isFalse();

        provider.maxConnections(1);
        await().atMost(WAIT).until(() -> client.status().connected());
        provider.push(trades("MAXC", 0, 3));
        await().atMost(WAIT).until(() -> acceptedIds().size() == 3);
    }

    @Test
    void aMalformedElementIsDeadLetteredAndItsNeighboursArrive() throws Exception {
        FakeProvider provider = provider();
        ProviderClient client = client(provider, KEY, 1 << 20);
        await().atMost(WAIT).until(() -> client.status().connected());
        String good = trades("MALF", 0, 2);
        String bad = "{\"ev\":\"T\",\"sym\":\"MALF\",\"x\":4,\"i\":\"x\",\"p\":\"oops\",\"s\":100,\"t\":1}";

        provider.push(good.substring(0, good.length() - 1) + "," + bad + "," + trades("MALF", 2, 1).substring(1));

        await().atMost(WAIT).until(() -> acceptedIds().size() == 3 && published.rejected.size() == 1);
        assertThat(acceptedIds()).containsExactly("0", "1", "2");
        RecordingPublisher.DeadLetter letter = published.rejected.get(0);
        assertThat(new String(letter.original(), StandardCharsets.UTF_8)).isEqualTo(bad);
        assertThat(letter.rejection().reason().code()).isEqualTo("bad_field");
        assertThat(letter.origin().source()).isEqualTo("provider");
        assertThat(letter.origin().where()).isEqualTo(provider.url() + " #1");
    }

    @Test
    void aFrameOverTheSizeLimitIsRejectedAndTheConnectionGoesOn() throws Exception {
        FakeProvider provider = provider();
        ProviderClient client = client(provider, KEY, 4_096);
        await().atMost(WAIT).until(() -> client.status().connected());

        provider.push(trades("HUGE", 0, 200)); // ~17 KB
        provider.push(trades("SMAL", 0, 2));

        await().atMost(WAIT).until(() -> acceptedIds().size() == 2 && published.rejected.size() == 1);
        assertThat(published.rejected.get(0).rejection().reason().code()).isEqualTo("frame_too_large");
        assertThat(published.rejected.get(0).original().length).isLessThanOrEqualTo(4_097);
        assertThat(published.accepted).allMatch(m -> m.sym().equals("SMAL"));
        assertThat(client.status().reconnects()).isZero();
    }

    @Test
    void theKeyNeverReachesTheLog() throws Exception {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            FakeProvider provider = provider();
            ProviderClient client = client(provider, KEY, 1 << 20);
            await().atMost(WAIT).until(() -> client.status().connected());
            provider.dropAll();
            await().atMost(WAIT).until(() -> provider.connections() == 2 && client.status().connected());
            client(provider, "another-secret", 1 << 20);
            await().atMost(WAIT).until(() -> provider.connections() >= 4);
        } finally {
            root.removeHandler(capture);
        }
        assertThat(lines).as("something was logged").isNotEmpty();
        assertThat(lines).noneMatch(line -> line.contains(KEY) || line.contains("another-secret"));
        assertThat(lines.toString()).contains("connecting to ws://127.0.0.1");
    }

    @Test
    void backoffDoublesWithJitterUpToItsCapAndResets() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1_000), new SplittableRandom(3));
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            delays.add(backoff.next().toMillis());
        }
        long[][] bounds = {{50, 100}, {100, 200}, {200, 400}, {400, 800}, {500, 1000}, {500, 1000}, {500, 1000},
            {500, 1000}};
        for (int i = 0; i < bounds.length; i++) {
            assertThat(delays.get(i)).as("attempt %d", i).isBetween(bounds[i][0], bounds[i][1]);
        }
        assertThat(delays.stream().distinct().count()).as("jittered").isGreaterThan(4);
        backoff.reset();
        assertThat(backoff.next().toMillis()).isBetween(50L, 100L);
        assertThat(backoff.attempts()).isEqualTo(1);
    }
}
