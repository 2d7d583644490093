package io.tickstock.ingest.source.replay;

import io.tickstock.ingest.IngestConfig;
import io.tickstock.ingest.Intake;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs one replay at a time on its own thread, beside the live source, and reports its progress. The file is read
 * where the ingest service runs (locally the same machine; in a cluster, a mounted volume).
 */
@ApplicationScoped
public class ReplayRunner {

    /** What to replay: the file, the speed (0 = as fast as possible), and optional symbol and zone for CSV. */
    public record Request(String file, Double speed, String symbol, String zone) {
    }

    /** How far a replay got; {@link #line()} says it in one line for the console. */
    public record Progress(String file, String format, String state, long lines, long bytes, long totalBytes,
            long accepted, long rejected, Long eventTime, double speed, long startedAt, Long finishedAt,
            String error) {

        public String line() {
            String percent = totalBytes > 0 ? " " + (100 * bytes / totalBytes) + "%," : "";
            long end = finishedAt == null ? System.currentTimeMillis() : finishedAt;
            double seconds = Math.max(0.001, (end - startedAt) / 1000.0);
            return String.format(Locale.ROOT, "%s %s:%s %d lines, %d accepted, %d rejected, event time %s, %.0f msg/s%s",
                    state, Path.of(file).getFileName(), percent, lines, accepted, rejected,
                    eventTime == null ? "-" : Instant.ofEpochMilli(eventTime).toString(),
                    (accepted + rejected) / seconds, error == null ? "" : ", error: " + error);
        }
    }

    private static final Logger LOG = Logger.getLogger(ReplayRunner.class);

    private final Intake intake;
    private final IngestConfig config;
    private final Clock clock = Clock.systemUTC();
    private ReplayJob job;
    private double speed;
    private Thread thread;

    public ReplayRunner(Intake intake, IngestConfig config) {
        this.intake = intake;
        this.config = config;
    }

    /**
     * Starts replaying; {@link IllegalArgumentException} for a request that cannot work (no such file, no symbol),
     * {@link IllegalStateException} while another replay runs.
     */
    public synchronized Progress start(Request request) {
        if (thread != null && thread.isAlive()) {
            throw new IllegalStateException("a replay is running (" + job.progress(speed).line()
                    + "); stop it first (DELETE /replay)");
        }
        double pace = request.speed() == null ? 0 : request.speed();
        ReplayJob started = job(request, pace);
        job = started;
        speed = pace;
        thread = new Thread(() -> {
            started.run();
            LOG.infof("replay %s", started.progress(pace).line());
        }, "replay");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("replaying %s at speed %s", request.file(), pace == 0 ? "max" : pace);
        return started.progress(pace);
    }

    /**
     * The earliest event time of each symbol in the file the request names, publishing nothing: what a replay of it
     * would bring ({@code ./tickstock replay} compares it with the processor's state before it starts).
     */
    public Map<String, Long> earliestBySymbol(Request request) {
        try {
            return job(request, 0).earliestBySymbol();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + request.file(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + request.file(), e);
        }
    }

    private ReplayJob job(Request request, double pace) {
        if (request.file() == null || request.file().isBlank()) {
            throw new IllegalArgumentException("say which file to replay: {\"file\":\"/path/to/bars.csv\"}");
        }
        Path file = Path.of(request.file());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file + " where the ingest service runs");
        }
        try {
            ZoneId zone = ZoneId.of(request.zone() == null ? config.replay().csvZone() : request.zone());
            return new ReplayJob(file, ReplayJob.Format.of(file), intake,
                    new ReplayPacer(pace, System::nanoTime, ReplayPacer::park),
                    request.symbol() == null || request.symbol().isBlank() ? null : request.symbol().trim(), zone,
                    config.validation().maxFrameBytes(), clock);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown zone '" + request.zone() + "'");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Stops the running replay and waits for it; returns its last progress. */
    public synchronized Optional<Progress> stop() {
        if (job == null) {
            return Optional.empty();
        }
        job.stop();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return progress();
    }

    public synchronized Optional<Progress> progress() {
        return job == null ? Optional.empty() : Optional.of(job.progress(speed));
    }
}
