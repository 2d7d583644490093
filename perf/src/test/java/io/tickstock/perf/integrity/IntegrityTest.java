package io.tickstock.perf.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntegrityTest {

    private final IdSpace ids = new IdSpace();

    private BitSet numbers(String... idList) {
        BitSet set = new BitSet();
        for (String id : idList) {
            set.set(ids.numberOf(id));
        }
        return set;
    }

    private Receipts received(String... idList) {
        Receipts receipts = new Receipts();
        for (String id : idList) {
            receipts.receive(ids.numberOf(id));
        }
        return receipts;
    }

    @Test
    void everyOwedEventOnceIsIntact() {
        IntegrityReport report = Integrity.check("c", numbers("a", "b", "c"), new BitSet(), received("c", "a", "b"),
                ids);

        assertThat(report.intact()).isTrue();
        assertThat(report.expected()).isEqualTo(3);
        assertThat(report.delivered()).isEqualTo(3);
        assertThat(report.lost() + report.duplicated() + report.unexpected()).isZero();
    }

    @Test
    void anOwedEventNeverReceivedIsLostAndNamed() {
        IntegrityReport report = Integrity.check("c", numbers("a", "b", "c"), new BitSet(), received("a", "c"), ids);

        assertThat(report.intact()).isFalse();
        assertThat(report.lost()).isEqualTo(1);
        assertThat(report.delivered()).isEqualTo(2);
        assertThat(report.lostSample()).containsExactly("b");
    }

    @Test
    void anEventReceivedTwiceIsADuplicateAndEveryExtraCopyCounts() {
        IntegrityReport report = Integrity.check("c", numbers("a", "b"), new BitSet(),
                received("a", "b", "b", "b", "a"), ids);

        assertThat(report.intact()).isFalse();
        assertThat(report.duplicated()).isEqualTo(2);
        assertThat(report.extraCopies()).isEqualTo(3);
        assertThat(report.duplicatedSample()).containsExactlyInAnyOrder("a", "b");
        assertThat(report.lost()).isZero();
    }

    @Test
    void anEventNeitherOwedNorToleratedIsUnexpected() {
        IntegrityReport report = Integrity.check("c", numbers("a"), numbers("old"), received("a", "old", "stranger"),
                ids);

        assertThat(report.intact()).isFalse();
        assertThat(report.unexpected()).isEqualTo(1);
        assertThat(report.unexpectedSample()).containsExactly("stranger");
        assertThat(report.outsideRun()).as("an event of earlier input may arrive: tolerated").isEqualTo(1);
    }

    @Test
    void aReportNamesAtMostTheSampleSizeOfEachProblem() {
        String[] owed = new String[Integrity.SAMPLE + 5];
        for (int i = 0; i < owed.length; i++) {
            owed[i] = "id" + i;
        }
        IntegrityReport report = Integrity.check("c", numbers(owed), new BitSet(), new Receipts(), ids);

        assertThat(report.lost()).isEqualTo(owed.length);
        assertThat(report.lostSample()).hasSize(Integrity.SAMPLE);
    }

    @Test
    void idsAreNumberedOnceWhoeverSeesThemFirst() {
        int first = ids.numberOf("x");

        assertThat(ids.numberOf("x")).isEqualTo(first);
        assertThat(ids.numberOf("y")).isEqualTo(first + 1);
        assertThat(List.of(ids.id(first), ids.id(first + 1))).containsExactly("x", "y");
        assertThat(ids.size()).isEqualTo(first + 2);
    }
}
