package io.tickstock.ingest.source.replay;

import io.tickstock.ingest.Intake;
import io.tickstock.ingest.Origin;
import io.tickstock.ingest.validate.RejectedException;
import io.tickstock.model.Aggregate;
import io.tickstock.model.Feed;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * One replay of one file through the {@link Intake}: NDJSON (one provider frame per line: an array or an object) or
 * CSV minute bars, optionally gzipped, paced by event time. Each line keeps its exact bytes, so a rejected line is
 * dead-lettered as it was in the file, and its origin names the file and line. Lines are read one at a time: a file
 * of any size replays in constant memory.
 */
public final class ReplayJob implements Runnable {

    /** The two file kinds. */
    public enum Format {
        NDJSON,
        CSV;

        /** By extension ({@code .csv}, {@code .ndjson}, {@code .jsonl}, {@code .json}, each optionally {@code .gz}). */
        public static Format of(Path file) throws IOException {
            String name = file.getFileName().toString().toLowerCase();
            String bare = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
            if (bare.endsWith(".csv")) {
                return CSV;
            }
            if (bare.endsWith(".ndjson") || bare.endsWith(".jsonl") || bare.endsWith(".json")) {
                return NDJSON;
            }
            try (InputStream in = open(file)) {
                int b;
                while ((b = in.read()) >= 0 && Character.isWhitespace(b)) {
                    // skip leading blanks
                }
                return b == '[' || b == '{' ? NDJSON : CSV;
            }
        }
    }

    private final Path file;
    private final Format format;
    private final Intake intake;
    private final ReplayPacer pacer;
    private final String symbol;
    private final ZoneId zone;
    private final Clock clock;
    private final long totalBytes;
    private final int maxLineBytes;
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile Long eventTime;
    private volatile String state = "running";
    private volatile String error;
    private volatile boolean stopped;
    private final long startedAt;
    private volatile Long finishedAt;

    /**
     * @param symbol the symbol of a CSV file without a symbol column; {@code null}: taken from the file name
     */
    public ReplayJob(Path file, Format format, Intake intake, ReplayPacer pacer, String symbol, ZoneId zone,
            int maxLineBytes, Clock clock) throws IOException {
        this.maxLineBytes = maxLineBytes;
        this.file = file;
        this.format = format;
        this.intake = intake;
        this.pacer = pacer;
        this.symbol = symbol != null ? symbol : CsvBars.symbolOfFile(file.getFileName().toString());
        this.zone = zone;
        this.clock = clock;
        this.totalBytes = file.getFileName().toString().endsWith(".gz") ? -1 : Files.size(file);
        this.startedAt = clock.millis();
        if (format == Format.CSV) {
            String header = firstLine(file); // fail now, with the reason, rather than in the background
            CsvBars.of(CsvBars.isHeader(header) ? header : null, this.symbol, zone);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    @Override
    public void run() {
        try (InputStream in = open(file)) {
            if (format == Format.CSV) {
                replayCsv(in);
            } else {
                replayNdjson(in);
            }
            state = stopped ? "stopped" : "finished";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = "stopped";
        } catch (IOException | RuntimeException e) {
            error = e.toString();
            state = "failed";
        } finally {
            finishedAt = clock.millis();
        }
    }

    /**
     * The earliest event time of each symbol the file holds, read the way a replay reads it but publishing nothing:
     * what a replay would bring, to compare with what the processor already holds.
     */
    public Map<String, Long> earliestBySymbol() throws IOException, InterruptedException {
        Map<String, Long> earliest = new TreeMap<>();
        try (InputStream in = open(file)) {
            if (format == Format.CSV) {
                eachCsvRow(in, IGNORE_CUT, (at, bars, text, original) -> {
                    try {
                        Aggregate bar = bars.read(text);
                        earliest.merge(bar.sym(), bar.eventTime(), Math::min);
                    } catch (RejectedException e) {
                        // a replay dead-letters it; it brings nothing to compare
                    }
                });
            } else {
                eachLine(in, IGNORE_CUT, (at, bytes) -> {
                    for (Intake.Item item : intake.read(bytes).items()) {
                        if (item.msg() != null) {
                            earliest.merge(item.msg().sym(), item.msg().eventTime(), Math::min);
                        }
                    }
                });
            }
        }
        return earliest;
    }

    /** What to do with one non-blank line of the file; {@code at} names the file and line. */
    private interface LineHandler {
        void line(Origin at, byte[] bytes) throws InterruptedException;
    }

    /** What to do with a line longer than the frame limit, of which only the head was kept. */
    private interface CutLineHandler {
        void cut(Origin at, Line line);
    }

    private static final CutLineHandler IGNORE_CUT = (at, line) -> { };

    /** What to do with one row of a CSV file (its header, if any, already read). */
    private interface RowHandler {
        void row(Origin at, CsvBars bars, String text, byte[] original) throws InterruptedException;
    }

    // every line once, numbered from 1; blank ones skipped
    private void eachLine(InputStream in, CutLineHandler cut, LineHandler handler)
            throws IOException, InterruptedException {
        Origin origin = new Origin(Origin.REPLAY, file.getFileName().toString());
        Line line;
        while (!stopped && (line = readLine(in)) != null) {
            Origin at = origin.at(origin.where() + ":" + lines.incrementAndGet());
            if (line.cut()) {
                cut.cut(at, line);
            } else if (!isBlank(line.bytes())) {
                handler.line(at, line.bytes());
            }
        }
    }

    private void rejectTooLarge(Origin at, Line line) {
        intake.tooLarge(at, line.bytes(), line.size());
        rejected.incrementAndGet();
    }

    private void replayNdjson(InputStream in) throws IOException, InterruptedException {
        eachLine(in, this::rejectTooLarge, (at, bytes) -> {
            Intake.Frame frame = intake.read(bytes);
            OptionalLong time = frame.eventTime();
            if (time.isPresent()) {
                pacer.await(time.getAsLong());
                eventTime = time.getAsLong();
            }
            Intake.Outcome outcome = intake.publish(at, frame, status -> {
                // recorded sessions contain the provider's status messages: they are not market data
            });
            accepted.addAndGet(outcome.accepted());
            rejected.addAndGet(outcome.rejected());
        });
    }

    private void replayCsv(InputStream in) throws IOException, InterruptedException {
        eachCsvRow(in, this::rejectTooLarge, this::bar);
    }

    private void eachCsvRow(InputStream in, CutLineHandler cut, RowHandler handler)
            throws IOException, InterruptedException {
        CsvBars[] bars = {null}; // known after the first line: a header, or the first row
        eachLine(in, cut, (at, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            if (bars[0] == null) {
                boolean header = CsvBars.isHeader(text);
                bars[0] = CsvBars.of(header ? text : null, symbol, zone);
                if (header) {
                    return;
                }
            }
            handler.row(at, bars[0], text, bytes);
        });
    }

    private void bar(Origin origin, CsvBars bars, String text, byte[] original) throws InterruptedException {
        Aggregate bar;
        try {
            bar = bars.read(text);
        } catch (RejectedException e) {
            intake.rejected(origin, Feed.AM, e.rejection(), original, symbol);
            rejected.incrementAndGet();
            return;
        }
        pacer.await(bar.e());
        eventTime = bar.e();
        if (intake.message(origin, bar, original)) {
            accepted.incrementAndGet();
        } else {
            rejected.incrementAndGet();
        }
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /** A line's bytes without its line end; {@code cut} when it was longer than the limit (only its head kept). */
    private record Line(byte[] bytes, long size, boolean cut) {
    }

    // one line, in memory bounded by the frame limit however long the line is; null at the end of the file
    private Line readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        long size = 0;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (size++ <= maxLineBytes) {
                line.write(b);
            }
        }
        if (b < 0 && size == 0) {
            return null;
        }
        bytes.addAndGet(size + (b < 0 ? 0 : 1));
        byte[] raw = line.toByteArray();
        if (size > maxLineBytes) {
            return new Line(raw, size, true);
        }
        int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        return new Line(length == raw.length ? raw : Arrays.copyOf(raw, length), size, false);
    }

    private static String firstLine(Path file) throws IOException {
        try (InputStream in = open(file)) {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (line.length() < 4096) {
                    line.append((char) b);
                }
            }
            return line.toString().strip();
        }
    }

    public void stop() {
        stopped = true;
    }

    public ReplayRunner.Progress progress(double speed) {
        return new ReplayRunner.Progress(file.toString(), format.name().toLowerCase(), state, lines.get(),
                bytes.get(), totalBytes, accepted.get(), rejected.get(), eventTime, speed, startedAt, finishedAt,
                error);
    }
}
