package io.tickstock.perf.run;

import io.tickstock.perf.expect.TopicFollower;
import io.tickstock.perf.result.Rules;
import io.tickstock.perf.stack.KafkaOffsets;
import io.tickstock.perf.stack.Stack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * After the input stopped, until the run can be judged: the raw topics stop growing, the processor commits every raw
 * record, the events topic is read to its end, and the clients get what they are owed (or their count stops moving:
 * what is still missing then is lost, and the accounting says so). Each wait has its bound; one that runs out is a
 * failure of the run with its reason, never a wait silently given up.
 */
public final class Drain {

    /** What a drain watches: Kafka's offsets and the harness' clients in a run, figures in a test. */
    public interface Pipeline {

        /** The raw topics' end offsets: equal from one call to the next once nothing is added. */
        Object rawEnds();

        /** Raw records of the run the processor has not committed, measured now. */
        long processorLag();

        /** The events topic's end offsets (committed records only). */
        Object eventEnds();

        /** How far the harness' reader of the events topic is behind its end; {@code Long.MAX_VALUE}: not there yet. */
        long eventsBehind();

        /** Events the reading clients are owed and have not received. */
        long owed();
    }

    /**
     * The pipeline of a run: the raw and events topics' offsets, the processor's lag ({@code quiet} keeps the last
     * measured), the harness' reader of the events topic, and {@code owed}, the clients' events still missing.
     */
    public static Pipeline of(KafkaOffsets offsets, Stack.TopicNames topics, Quiet quiet, TopicFollower events,
            LongSupplier owed) {
        return new Pipeline() {
            @Override
            public Object rawEnds() {
                return offsets.ends(topics.raw());
            }

            @Override
            public long processorLag() {
                return quiet.measure();
            }

            @Override
            public Object eventEnds() {
                return offsets.stableEnds(List.of(topics.events()));
            }

            @Override
            public long eventsBehind() {
                return events.behind();
            }

            @Override
            public long owed() {
                return owed.getAsLong();
            }
        };
    }

    private final Rules.Drain bounds;
    private final Duration processorTimeout;
    private final Waits waits;

    /** @param processorTimeout how long the processor may take to commit every raw record (the run's option) */
    public Drain(Rules.Drain bounds, Duration processorTimeout, Waits waits) {
        this.bounds = bounds;
        this.processorTimeout = processorTimeout;
        this.waits = waits;
    }

    /** Drains {@code pipeline}; the reasons of the waits that ran out, empty when every one ended in time. */
    public List<String> run(Pipeline pipeline) {
        List<String> failures = new ArrayList<>();
        Waits.Stable raw = waits.stable(pipeline::rawEnds);
        if (!waits.until(bounds.rawSettle(), raw::still)) {
            failures.add("the raw topics were still growing " + seconds(bounds.rawSettle())
                    + " after the input stopped");
        }
        if (!waits.until(processorTimeout, () -> pipeline.processorLag() == 0)) {
            failures.add("the processor did not consume every raw record of the run within "
                    + seconds(processorTimeout) + ": " + pipeline.processorLag() + " records behind");
        }
        Waits.Stable events = waits.stable(pipeline::eventEnds);
        if (!waits.until(bounds.eventsRead(), () -> events.still() && pipeline.eventsBehind() == 0)) {
            long behind = pipeline.eventsBehind();
            failures.add(behind == 0 ? "the events topic was still growing " + seconds(bounds.eventsRead())
                    + " after the processor caught up" : "the events topic was not read to its end within "
                    + seconds(bounds.eventsRead()) + ": " + (behind == Long.MAX_VALUE ? "its end never reached"
                    : behind + " records behind"));
        }
        Waits.Stable owed = waits.stable(pipeline::owed);
        if (!waits.until(bounds.clientsOwed(), () -> pipeline.owed() == 0 || owed.stillFor(bounds.clientsStill()))) {
            failures.add("clients were still owed " + pipeline.owed() + " events, and still receiving them, "
                    + seconds(bounds.clientsOwed()) + " after the events topic was read");
        }
        return failures;
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
