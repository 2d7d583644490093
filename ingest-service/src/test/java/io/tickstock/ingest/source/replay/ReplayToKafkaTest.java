package io.tickstock.ingest.source.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.ingest.Intake;
import io.tickstock.ingest.KafkaRawTopics;
import io.tickstock.ingest.TestIntakes;
import io.tickstock.ingest.publish.RawPublisher;
import io.tickstock.model.Aggregate;
import io.tickstock.model.DeadLetters;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.Topics;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replays of real minute bars and of a recorded provider session, through the intake onto a real broker. */
class ReplayToKafkaTest {

    private static KafkaRawTopics topics;
    private static RawPublisher publisher;
    private static Intake intake;

    @BeforeAll
    static void publisher() {
        topics = new KafkaRawTopics("replay-test");
        publisher = topics.publisher();
        intake = TestIntakes.wallClock(publisher);
    }

    @AfterAll
    static void close() {
        publisher.flush();
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ReplayToKafkaTest.class.getResource("/replay/" + name).toURI());
    }

    private static ReplayJob replay(Path file) throws Exception {
        ReplayJob job = new ReplayJob(file, ReplayJob.Format.of(file), intake, new ReplayPacer(0, System::nanoTime,
                nanos -> { }), null, ZoneOffset.UTC, 1 << 20, Clock.systemUTC());
        job.run();
        publisher.flush();
        return job;
    }

    @Test
    void csvBarsBecomeMinuteBarsKeyedBySymbolAndReplayingTwiceGivesTheSameIdentities() throws Exception {
        Path file = resource("MSFT_1min_2023-07-10.csv");
        List<String> rows = Files.readAllLines(file).subList(1, 31);

        ReplayRunner.Progress first = replay(file).progress(0);
        ReplayRunner.Progress second = replay(file).progress(0);

        assertThat(first.state()).isEqualTo("finished");
        assertThat(first.accepted()).isEqualTo(30);
        assertThat(first.rejected()).isZero();
        assertThat(first.bytes()).isEqualTo(first.totalBytes()).isEqualTo(Files.size(file));
        assertThat(second.accepted()).isEqualTo(30);
        List<ConsumerRecord<String, IngestedMessage>> records = KafkaRawTopics.read(topics.ohlcv(), 60).stream()
                .filter(r -> "MSFT".equals(r.key())).sorted(java.util.Comparator.comparingLong(
                        ConsumerRecord::offset)).toList();
        assertThat(records).hasSize(60);

        List<String> identities = records.stream().map(r -> r.value().msg().identity()).toList();
        assertThat(identities.subList(0, 30)).isEqualTo(identities.subList(30, 60)).doesNotHaveDuplicates();
        for (int i = 0; i < 30; i++) {
            ConsumerRecord<String, IngestedMessage> record = records.get(i);
            Aggregate bar = (Aggregate) record.value().msg();
            String[] row = rows.get(i).split(",");
            long start = Instant.parse(row[0].replace(' ', 'T') + "Z").toEpochMilli();
            assertThat(bar.ev().code()).isEqualTo("AM");
            assertThat(bar.sym()).isEqualTo("MSFT");
            assertThat(bar.s()).isEqualTo(start);
            assertThat(bar.e()).isEqualTo(start + 60_000);
            assertThat(record.timestamp()).isEqualTo(bar.e());
            assertThat(new double[] {bar.o(), bar.h(), bar.l(), bar.c()}).containsExactly(
                    Double.parseDouble(row[1]), Double.parseDouble(row[2]), Double.parseDouble(row[3]),
                    Double.parseDouble(row[4]));
            assertThat(bar.v()).isEqualTo(Math.round(Double.parseDouble(row[5])));
            assertThat(record.value().provider()).isEqualTo("replay");
            assertThat(KafkaRawTopics.header(record, Topics.ORIGIN_HEADER))
                    .isEqualTo("MSFT_1min_2023-07-10.csv:" + (i + 2));
        }
    }

    @Test
    void aRecordedSessionReplaysItsMarketDataAndDeadLettersWhatIsBad() throws Exception {
        Path file = resource("session.ndjson");
        List<String> lines = Files.readAllLines(file);

        ReplayRunner.Progress progress = replay(file).progress(0);

        assertThat(progress.state()).isEqualTo("finished");
        assertThat(progress.lines()).isEqualTo(lines.size());
        assertThat(progress.accepted()).isEqualTo(5 + 1 + 2 + 1 + 1);
        assertThat(progress.rejected()).isEqualTo(2);
        List<ConsumerRecord<String, IngestedMessage>> ticks = KafkaRawTopics.read(topics.tick(), 8).stream()
                .filter(r -> "RPLT".equals(r.key())).toList();
        assertThat(ticks).extracting(r -> r.value().msg().identity()).containsExactlyInAnyOrder(
                "T|RPLT|0|1688995800000|4", "T|RPLT|1|1688995800200|4", "T|RPLT|2|1688995800400|4",
                "T|RPLT|3|1688995800600|4", "T|RPLT|4|1688995800800|4", "A|RPLT|1688995800000",
                "T|RPLT|5|1688995801500|4", "T|RPLT|7|1688995801700|4");
        assertThat(KafkaRawTopics.read(topics.fmv(), 1)).extracting(r -> r.value().msg().identity())
                .contains("FMV|RPLT|1688995802000000123");
        assertThat(KafkaRawTopics.read(topics.ohlcv(), 1)).extracting(ConsumerRecord::key).contains("RPLT");

        List<ConsumerRecord<String, byte[]>> dead = KafkaRawTopics.readBytes(topics.dlq(), 2).stream()
                .filter(r -> "replay".equals(KafkaRawTopics.header(r, DeadLetters.SOURCE))
                        && KafkaRawTopics.header(r, Topics.ORIGIN_HEADER).startsWith("session.ndjson"))
                .toList();
        assertThat(dead).hasSize(2);
        ConsumerRecord<String, byte[]> notJson = dead.stream()
                .filter(r -> "not_json".equals(KafkaRawTopics.header(r, DeadLetters.REASON))).findFirst().orElseThrow();
        ConsumerRecord<String, byte[]> badPrice = dead.stream().filter(r -> r != notJson).findFirst().orElseThrow();
        assertThat(new String(notJson.value(), StandardCharsets.UTF_8)).isEqualTo("this line is not JSON");
        assertThat(KafkaRawTopics.header(notJson, Topics.ORIGIN_HEADER)).isEqualTo("session.ndjson:5");
        assertThat(new String(badPrice.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"ev\":\"T\",\"sym\":\"RPLT\",\"x\":4,\"i\":\"6\",\"p\":-1,\"s\":100,\"t\":1688995801600}");
        assertThat(badPrice.key()).isEqualTo("RPLT");
        assertThat(KafkaRawTopics.header(badPrice, DeadLetters.REASON)).isEqualTo("price_not_positive");
        assertThat(KafkaRawTopics.header(badPrice, DeadLetters.DETAIL)).isEqualTo("p is -1.0");
        assertThat(KafkaRawTopics.header(badPrice, Topics.ORIGIN_HEADER)).isEqualTo("session.ndjson:6");
        assertThat(Long.parseLong(KafkaRawTopics.header(badPrice, DeadLetters.TIME)))
                .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(120_000L));
    }
}
