package io.tickstock.gateway.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueueBudgetTest {

    @Test
    void fewClientsEachGetTheWholeCapacity() {
        QueueBudget budget = new QueueBudget(400_000, 2_000);

        assertThat(budget.share()).isEqualTo(2_000);
        budget.clientsNow(200);
        assertThat(budget.share()).isEqualTo(2_000);
    }

    @Test
    void manyClientsShareTheBudgetSoItsTotalHoldsWhateverTheirCount() {
        QueueBudget budget = new QueueBudget(400_000, 2_000);

        budget.clientsNow(1_000);
        assertThat(budget.share()).isEqualTo(400);
        budget.clientsNow(1_600);
        assertThat(budget.share() * 1_600L).isLessThanOrEqualTo(400_000);
        budget.clientsNow(0);
        assertThat(budget.share()).isEqualTo(2_000);
    }

    @Test
    void noShareFallsBelowTheSmallestUsefulQueue() {
        QueueBudget budget = new QueueBudget(1_000, 2_000);

        budget.clientsNow(100);
        assertThat(budget.share()).isEqualTo(QueueBudget.MIN_SHARE);
    }

    @Test
    void aBudgetTooSmallForOneClientIsAConfigurationError() {
        assertThatThrownBy(() -> new QueueBudget(10, 2_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10 events");
    }
}
