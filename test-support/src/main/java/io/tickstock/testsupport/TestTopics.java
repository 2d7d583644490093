package io.tickstock.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates topics on the test broker; creating one that exists is fine, so tests can share names. */
public final class TestTopics {

    private TestTopics() {
    }

    public static void create(int partitions, Collection<String> names) {
        try (Admin admin = Admin.create(TestBroker.clientProperties())) {
            List<NewTopic> topics = names.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList();
            admin.createTopics(topics).values().values().forEach(TestTopics::awaitIgnoringExists);
            awaitVisible(admin, Set.copyOf(names));
        }
    }

    private static void awaitIgnoringExists(org.apache.kafka.common.KafkaFuture<Void> creation) {
        try {
            creation.get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create test topic", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating test topics", e);
        }
    }

    /** Metadata of new topics reaches every listener a moment after creation; a loaded machine makes it longer. */
    private static void awaitVisible(Admin admin, Set<String> names) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(ExecutionException.class)
                .until(() -> admin.describeTopics(names).allTopicNames().get().keySet().containsAll(names));
    }
}
