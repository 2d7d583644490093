package io.tickstock.ingest;

import io.tickstock.ingest.publish.Publisher;
import io.tickstock.ingest.validate.Rejection;
import io.tickstock.model.MarketMessage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The boundary's cost per message, by type: split the frame, read the JSON into the typed record, check the SPEC §3
 * rules, count — everything the intake does before the producer. {@code single}: a frame of one message (the worst
 * case); {@code batch}: a frame of 100, as providers send under load.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IntakeBenchmark {

    private static final long NOW = System.currentTimeMillis();

    @Param({"T", "A", "AM", "FMV"})
    public String feed;

    private Intake intake;
    private byte[] one;
    private byte[] hundred;
    private final Origin origin = new Origin(Origin.PROVIDER, "benchmark");

    @Setup
    public void setUp(Blackhole blackhole) {
        Publisher sink = new Publisher() {
            @Override
            public void accepted(Origin origin, MarketMessage msg) {
                blackhole.consume(msg);
            }

            @Override
            public void rejected(Origin origin, Rejection rejection, byte[] original, String key) {
                throw new IllegalStateException("benchmark input must be valid: " + rejection);
            }
        };
        intake = TestIntakes.wallClock(sink);
        String message = message(feed);
        one = ("[" + message + "]").getBytes(StandardCharsets.UTF_8);
        hundred = ("[" + (message + ",").repeat(99) + message + "]").getBytes(StandardCharsets.UTF_8);
    }

    static String message(String feed) {
        return switch (feed) {
            case "T" -> "{\"ev\":\"T\",\"sym\":\"AAPL\",\"x\":4,\"i\":\"52983525029461\",\"z\":3,\"p\":190.25,"
                    + "\"s\":100,\"c\":[12,37],\"t\":" + NOW + "}";
            case "A", "AM" -> "{\"ev\":\"" + feed + "\",\"sym\":\"MSFT\",\"v\":4110,\"av\":9470157,\"op\":330.1,"
                    + "\"vw\":331.2182,\"o\":331.21,\"c\":331.22,\"h\":331.27,\"l\":331.19,\"a\":330.85,\"z\":685,"
                    + "\"s\":" + (NOW - 60_000) + ",\"e\":" + NOW + "}";
            default -> "{\"ev\":\"FMV\",\"sym\":\"TLT\",\"fmv\":98.3101,\"mp\":98.3,\"conf\":0.92,\"t\":"
                    + NOW * 1_000_000 + "}";
        };
    }

    @Benchmark
    public Intake.Outcome single() {
        return intake.frame(origin, one, status -> { });
    }

    @Benchmark
    @OperationsPerInvocation(100)
    public Intake.Outcome batch() {
        return intake.frame(origin, hundred, status -> { });
    }
}
