package io.tickstock.gateway.resume;

import static io.tickstock.gateway.OutgoingEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.gateway.queue.RecentEvents;
import io.tickstock.gateway.resume.CatchUps.Request;
import io.tickstock.gateway.resume.CatchUps.Turn;
import io.tickstock.gateway.route.OutgoingEvent;
import io.tickstock.gateway.route.SnapshotCache;
import io.tickstock.gateway.route.Subscriptions;
import io.tickstock.model.EventType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static final Subscriptions EVERYTHING = Subscriptions.NONE.plus(Subscriptions.parseParams("*.*"));

    private final RecentEvents log = new RecentEvents(16);
    private final SnapshotCache cache = new SnapshotCache(100);
    private final List<String> drops = new ArrayList<>();
    private final Delivery.Drops counting = new Delivery.Drops() {
        @Override
        public void shed(int priority) {
            drops.add("shed P" + priority);
        }

        @Override
        public void conflated(int priority) {
            drops.add("conflated P" + priority);
        }
    };
    private long next;

    @BeforeEach
    void aFeedAtOffsetZero() {
        log.begin(new long[] {0});
    }

    /** The feed reads {@code events} (of partition 0, in order): into the log and the snapshot cache. */
    private List<OutgoingEvent> feed(OutgoingEvent... events) {
        for (OutgoingEvent event : events) {
            cache.put(event);
            next = event.offset() + 1;
        }
        log.append(List.of(events), new long[] {next});
        return List.of(events);
    }

    private Delivery delivery(int resumeWindow) {
        return new Delivery(log, cache, new Delivery.Limits(10, resumeWindow, 4), counting);
    }

    private static List<String> ids(Delivery.Frame frame) {
        return frame.events().stream().map(OutgoingEvent::id).toList();
    }

    @Test
    void aSubscribeOwesTheLatestStateBeforeItsPositionAsASnapshotThenTheEventsAfterIt() {
        feed(event(0, 0, 1, EventType.HIGH, "A"), event(0, 1, 1, EventType.HIGH, "A"),
                event(0, 2, 1, EventType.LOW, "A"));
        Delivery delivery = delivery(100);
        feed(event(0, 3, 1, EventType.HIGH, "A"));

        delivery.subscribe(EVERYTHING, true, false, false);

        Delivery.Frame snapshot = delivery.next(10_000);
        assertThat(snapshot.snapshot()).isTrue();
        assertThat(ids(snapshot)).as("high.A's latest comes next, as an event").containsExactly("0-2");
        assertThat(snapshot.cursor()).isEqualTo("3");
        Delivery.Frame live = delivery.next(10_000);
        assertThat(live.snapshot()).isFalse();
        assertThat(ids(live)).containsExactly("0-3");
        assertThat(live.cursor()).isEqualTo("4");
        assertThat(delivery.next(10_000)).isNull();
    }

    @Test
    void aHeldSnapshotGoesOutOnlyOnceReleased() {
        feed(event(0, 0));
        Delivery delivery = delivery(100);
        delivery.subscribe(EVERYTHING, true, true, false);

        assertThat(delivery.next(10_000)).isNull();
        delivery.release();
        assertThat(ids(delivery.next(10_000))).containsExactly("0-0");
    }

    /** The two-step form: subscribe (snapshot on), then resume: missed events come as events, none as snapshot. */
    @Test
    void aResumeAfterASubscribeTrimsItsHeldSnapshotToTheStateBeforeTheCursor() {
        feed(event(0, 0, 1, EventType.HIGH, "A"), event(0, 1, 1, EventType.LOW, "A"));
        String cursor = "1";
        feed(event(0, 1 + 1, 1, EventType.LOW, "A"), event(0, 3, 1, EventType.HIGH, "B"));
        Delivery delivery = delivery(100);
        delivery.subscribe(EVERYTHING, true, true, false);

        delivery.resume(Cursor.parse(cursor));

        Delivery.Frame snapshot = delivery.next(10_000);
        assertThat(snapshot.snapshot()).isTrue();
        assertThat(ids(snapshot)).as("only high.A is state from before the cursor").containsExactly("0-0");
        assertThat(delivery.resumed()).isNull();
        Delivery.Frame missed = delivery.next(10_000);
        assertThat(missed.snapshot()).isFalse();
        assertThat(ids(missed)).containsExactly("0-1", "0-2", "0-3");
        assertThat(delivery.resumed()).isTrue();
        assertThat(delivery.resumed()).as("once").isNull();
        feed(event(0, 4));
        assertThat(ids(delivery.next(10_000))).containsExactly("0-4");
    }

    @Test
    void aResumeFromBeforeTheLogReadsTheTopicThenJoinsTheLogAndSaysWhetherItRecovered() {
        feed(event(0, 0));
        Delivery delivery = delivery(100);
        for (int i = 1; i <= 20; i++) {
            feed(event(0, i));
        }
        delivery.subscribe(EVERYTHING, false, false, false);

        delivery.resume(Cursor.parse("2"));

        assertThat(delivery.inLog()).isFalse();
        assertThat(delivery.next(10_000)).isNull();
        assertThat(delivery.queueTopicRead()).isTrue();
        assertThat(delivery.queueTopicRead()).as("one read at a time").isFalse();
        Request request = delivery.nextRead();
        assertThat(request.from()).containsExactly(2);
        assertThat(request.first()).isTrue();
        delivery.read(new Turn(List.of(event(0, 2), event(0, 3), event(0, 4)), new long[] {5}, false));
        assertThat(ids(delivery.next(10_000))).containsExactly("0-2", "0-3", "0-4");
        assertThat(delivery.inLog()).as("0-5 is in the log").isTrue();
        assertThat(delivery.resumed()).isNull();
        assertThat(ids(delivery.next(10_000))).hasSize(10).startsWith("0-5");
        assertThat(ids(delivery.next(10_000))).containsExactly("0-15", "0-16", "0-17", "0-18", "0-19", "0-20");
        assertThat(delivery.resumed()).as("0-0 and 0-1 were deleted by retention").isFalse();
        assertThat(delivery.nextRead()).as("no longer needed").isNull();
    }

    @Test
    void aReadThatFailedMayBeQueuedAgain() {
        Delivery delivery = delivery(100);
        for (int i = 0; i < 20; i++) {
            feed(event(0, i));
        }
        delivery.subscribe(EVERYTHING, false, false, false);
        delivery.resume(Cursor.parse("0"));
        assertThat(delivery.queueTopicRead()).isTrue();

        delivery.readFailed();

        assertThat(delivery.queueTopicRead()).isTrue();
        assertThat(delivery.nextRead().first()).isTrue();
    }

    @Test
    void aClientThatAskedForConflationShedsP3AndConflatesP2OnlyWhenBehind() {
        Delivery delivery = delivery(100);
        delivery.subscribe(EVERYTHING, false, false, true);
        feed(event(0, 0, 3, EventType.FMV_DEVIATION, "A"), event(0, 1, 2, EventType.TREND, "A"));
        assertThat(ids(delivery.next(10_000))).as("not behind: everything").containsExactly("0-0", "0-1");

        feed(event(0, 2, 2, EventType.TREND, "A"), event(0, 3, 3, EventType.FMV_DEVIATION, "B"),
                event(0, 4, 1, EventType.HIGH, "B"), event(0, 5, 2, EventType.TREND, "A"),
                event(0, 6, 1, EventType.HIGH, "C"), event(0, 7, 1, EventType.HIGH, "D"));

        assertThat(ids(delivery.next(10_000))).containsExactly("0-4", "0-5", "0-6", "0-7");
        assertThat(drops).containsExactly("conflated P2", "shed P3");
    }

    @Test
    void aResumeIsRefusedWhileOneRunsAndPastTheWindow() {
        Delivery delivery = delivery(2);
        delivery.subscribe(EVERYTHING, false, false, false);
        assertThat(delivery.whyNoResume()).isNull();
        delivery.resume(Cursor.parse("0"));
        assertThat(delivery.whyNoResume()).contains("already replaying");

        Delivery busy = delivery(2);
        busy.subscribe(EVERYTHING, false, false, false);
        feed(event(0, 0), event(0, 1), event(0, 2));
        busy.next(10_000);
        assertThat(busy.whyNoResume()).contains("within its first 2 events");
    }

    @Test
    void anUnsubscribeDropsTheSnapshotOnlyItsPatternsOwed() {
        feed(event(0, 0, 1, EventType.HIGH, "A"), event(0, 1, 1, EventType.HIGH, "B"));
        Delivery delivery = delivery(100);
        delivery.subscribe(Subscriptions.NONE.plus(Subscriptions.parseParams("*.A,*.B")), true, true, false);

        delivery.unsubscribe(Subscriptions.NONE.plus(Subscriptions.parseParams("*.A")));
        delivery.release();

        assertThat(ids(delivery.next(10_000))).containsExactly("0-0");
        assertThat(delivery.subscriptions().asText()).containsExactly("*.A");
    }

    @Test
    void aLiveOnlyViewThatFellOutOfTheLogGoesOnFromTheHead() {
        Delivery delivery = delivery(100);
        delivery.subscribe(EVERYTHING, false, false, false);
        for (int i = 0; i < 20; i++) {
            feed(event(0, i));
        }
        assertThat(delivery.next(10_000)).isNull();
        assertThat(delivery.lag()).isEqualTo(20);

        delivery.skipToLive();

        assertThat(delivery.lag()).isZero();
        feed(event(0, 20));
        assertThat(ids(delivery.next(10_000))).containsExactly("0-20");
    }
}
