package io.tickstock.processor.engine;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jboss.logging.Logger;

/**
 * What happens when a stream thread dies of something no record-level handler caught (a dead letter that could not
 * be written, a state store failure): the thread is replaced. Its tasks restart from the last commit, their open
 * transaction is aborted, so nothing is lost and nothing is written twice; the other threads never stopped.
 * Quarkus installs the bean before it starts Kafka Streams.
 */
@ApplicationScoped
public class ThreadReplacement implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = Logger.getLogger(ThreadReplacement.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        LOG.error("a stream thread died; replacing it (its tasks resume from the last commit)", exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
