package io.tickstock.tools.trace;

import io.tickstock.model.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./tickstock trace SYMBOL}: follows one symbol live through the raw topics, tickstock.events and what the
 * gateway sends, one line per hop with its latency. Ends on Ctrl-C, or after {@code --seconds}.
 */
public final class SymbolTrace {

    static final String USAGE = """
            Usage: trace SYMBOL [--bootstrap HOST:PORT] [--gateway ws://HOST:PORT/ws/v1] [--no-gateway]
                                [--token TOKEN] [--seconds N]

            Follows SYMBOL live, from now on: every record of it on the raw topics (tick, ohlcv, fmv), every event
            on tickstock.events, and every event the gateway sends a client subscribed to *.SYMBOL, each with the
            latency of its hop. Reads without a consumer group (moves no offsets). Ends on Ctrl-C or after N seconds.
              --bootstrap   Kafka (default 127.0.0.1:9092, or KAFKA_BOOTSTRAP_SERVERS)
              --gateway     the gateway's WebSocket endpoint (default ws://127.0.0.1:8080/ws/v1)
              --no-gateway  Kafka hops only
              --token       for a gateway that requires auth (or TICKSTOCK_TRACE_TOKEN)
            """;

    private SymbolTrace() {
    }

    public static void main(String[] args) {
        TraceOptions options;
        try {
            options = TraceOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("trace: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(USAGE);
            return;
        }
        run(options, new HopLog(System.out));
    }

    static void run(TraceOptions options, HopLog log) {
        List<String> raw = List.of(Topics.RAW_TICK, Topics.RAW_OHLCV, Topics.RAW_FMV);
        KafkaTap kafka = new KafkaTap(options.bootstrap(), raw, Topics.EVENTS, options.symbol(), log);
        Thread main = Thread.currentThread();
        Thread stopper = new Thread(() -> {
            kafka.stop();
            try {
                main.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "trace-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        GatewayTap gateway = new GatewayTap(options.symbol(), options.token(), log);
        try {
            kafka.startAtEnd(Duration.ofSeconds(10));
            log.header();
            options.gateway().ifPresent(gateway::connect);
            long deadline = options.seconds().map(s -> System.currentTimeMillis() + s * 1000L).orElse(Long.MAX_VALUE);
            kafka.run(deadline);
        } finally {
            gateway.close();
            kafka.close();
            if (!stopper.isAlive()) {
                removeHook(stopper);
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    /** What the command line asked for. */
    record TraceOptions(String symbol, String bootstrap, Optional<URI> gateway, Optional<String> token,
            Optional<Integer> seconds, boolean help) {

        static TraceOptions parse(String[] args, Map<String, String> env) {
            String symbol = null;
            String bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
            Optional<URI> gateway = Optional.of(URI.create("ws://127.0.0.1:8080/ws/v1"));
            Optional<String> token = Optional.ofNullable(env.get("TICKSTOCK_TRACE_TOKEN"));
            Optional<Integer> seconds = Optional.empty();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h":
                    case "--help":
                        return new TraceOptions("", bootstrap, gateway, token, seconds, true);
                    case "--bootstrap":
                        bootstrap = value(args, ++i, arg);
                        break;
                    case "--gateway":
                        gateway = Optional.of(URI.create(value(args, ++i, arg)));
                        break;
                    case "--no-gateway":
                        gateway = Optional.empty();
                        break;
                    case "--token":
                        token = Optional.of(value(args, ++i, arg));
                        break;
                    case "--seconds":
                        seconds = Optional.of(positive(value(args, ++i, arg), arg));
                        break;
                    default:
                        if (arg.startsWith("-") || symbol != null) {
                            throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                        }
                        symbol = arg.toUpperCase();
                }
            }
            if (symbol == null) {
                throw new IllegalArgumentException("which symbol? e.g. trace AAPL");
            }
            return new TraceOptions(symbol, bootstrap, gateway, token, seconds, false);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int positive(String text, String option) {
            try {
                int value = Integer.parseInt(text);
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " needs a positive whole number, not '" + text + "'");
        }
    }
}
