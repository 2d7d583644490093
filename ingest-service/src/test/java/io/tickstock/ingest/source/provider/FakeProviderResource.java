package io.tickstock.ingest.source.provider;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a {@link FakeProvider} for a {@code @QuarkusTest} and points the service's provider settings at it. */
public class FakeProviderResource implements QuarkusTestResourceLifecycleManager {

    static final String KEY = "quarkus-test-key-77";
    static FakeProvider provider;

    @Override
    public Map<String, String> start() {
        try {
            provider = FakeProvider.start(KEY);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the fake provider", e);
        }
        return Map.of("tickstock.ingest.source", "provider",
                "tickstock.ingest.provider.url", provider.url().toString(),
                "tickstock.ingest.provider.key", KEY,
                "tickstock.ingest.provider.subscribe", "T.PRVQ,FMV.PRVQ",
                "tickstock.ingest.provider.backoff-initial", "50ms",
                "tickstock.ingest.provider.backoff-max", "200ms");
    }

    @Override
    public void stop() {
        try {
            provider.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
