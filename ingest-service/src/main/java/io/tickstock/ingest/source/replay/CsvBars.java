package io.tickstock.ingest.source.replay;

import io.tickstock.ingest.validate.Reason;
import io.tickstock.ingest.validate.RejectedException;
import io.tickstock.model.Aggregate;
import io.tickstock.model.Feed;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads CSV minute bars ({@code timestamp,open,high,low,close,volume}, optionally {@code symbol}) into {@code AM}
 * bars: {@code s} = the timestamp (the bar's start), {@code e} = s + 60 s. Columns are found by the header's names
 * (in any order; {@code time}, {@code o}, {@code vol}, {@code ticker}… are understood too), or taken in the order
 * above when there is no header. Timestamps: {@code 2023-07-10 13:30:00} or ISO ({@code T}, optional seconds,
 * fraction and offset) in the configured zone unless they carry an offset; or epoch seconds/milliseconds.
 * Volumes may be written as floats ({@code 2791.0}); they are rounded to whole shares.
 */
public final class CsvBars {

    static final long BAR_MILLIS = 60_000;
    private static final long EPOCH_MILLIS_FROM = 100_000_000_000L; // below: seconds (until year 5138)
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final Map<String, String> ALIASES = aliases();

    private final int[] columns; // index in the row of: timestamp, open, high, low, close, volume, symbol (-1)
    private final String fileSymbol;
    private final ZoneId zone;

    private CsvBars(int[] columns, String fileSymbol, ZoneId zone) {
        this.columns = columns;
        this.fileSymbol = fileSymbol;
        this.zone = zone;
    }

    private static Map<String, String> aliases() {
        Map<String, String> aliases = new HashMap<>();
        for (String name : List.of("timestamp", "time", "datetime", "date", "t")) {
            aliases.put(name, "timestamp");
        }
        aliases.put("open", "open");
        aliases.put("o", "open");
        aliases.put("high", "high");
        aliases.put("h", "high");
        aliases.put("low", "low");
        aliases.put("l", "low");
        aliases.put("close", "close");
        aliases.put("c", "close");
        for (String name : List.of("volume", "vol", "v")) {
            aliases.put(name, "volume");
        }
        for (String name : List.of("symbol", "ticker", "sym")) {
            aliases.put(name, "symbol");
        }
        return aliases;
    }

    private static final List<String> ORDER = List.of("timestamp", "open", "high", "low", "close", "volume", "symbol");

    /** True when {@code line} names columns rather than holding a bar (timestamps start with a digit). */
    public static boolean isHeader(String line) {
        String trimmed = line.strip();
        return !trimmed.isEmpty() && Character.isLetter(trimmed.charAt(0));
    }

    /**
     * A reader for a file whose first line is {@code header} (or {@code null} for none); {@code fileSymbol} is used
     * when rows have no symbol column. Throws {@link IllegalArgumentException} naming what is missing.
     */
    public static CsvBars of(String header, String fileSymbol, ZoneId zone) {
        int[] columns = {0, 1, 2, 3, 4, 5, -1};
        if (header != null) {
            columns = new int[] {-1, -1, -1, -1, -1, -1, -1};
            String[] names = split(header);
            for (int i = 0; i < names.length; i++) {
                String canonical = ALIASES.get(names[i].trim().toLowerCase(Locale.ROOT));
                if (canonical != null) {
                    columns[ORDER.indexOf(canonical)] = i;
                }
            }
            for (int c = 0; c < 6; c++) {
                if (columns[c] < 0) {
                    throw new IllegalArgumentException("the CSV header has no " + ORDER.get(c) + " column: " + header);
                }
            }
        }
        if (columns[6] < 0 && fileSymbol == null) {
            throw new IllegalArgumentException("the CSV has no symbol column and no symbol was given: name the file "
                    + "SYMBOL_….csv, add a symbol column, or pass --symbol");
        }
        return new CsvBars(columns, fileSymbol, zone);
    }

    /** The bar in {@code row}; a row that is not one is rejected with the field at fault. */
    public Aggregate read(String row) {
        String[] fields = split(row);
        int needed = 0;
        for (int column : columns) {
            needed = Math.max(needed, column + 1);
        }
        if (fields.length < needed) {
            throw new RejectedException(Reason.MISSING_FIELD,
                    "CSV row has " + fields.length + " fields, " + needed + " needed");
        }
        String symbol = columns[6] >= 0 ? fields[columns[6]].trim() : fileSymbol;
        long start = timestamp(fields[columns[0]].trim());
        return Aggregate.bar(Feed.AM, symbol, number(fields, 1), number(fields, 2), number(fields, 3),
                number(fields, 4), volume(fields[columns[5]].trim()), start, start + BAR_MILLIS);
    }

    private double number(String[] fields, int column) {
        String text = fields[columns[column]].trim();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new RejectedException(Reason.BAD_FIELD, "CSV " + ORDER.get(column) + " '" + shorten(text)
                    + "' is not a number");
        }
    }

    private static long volume(String text) {
        try {
            double volume = Double.parseDouble(text);
            if (!Double.isFinite(volume)) {
                throw new NumberFormatException();
            }
            return Math.round(volume);
        } catch (NumberFormatException e) {
            throw new RejectedException(Reason.BAD_FIELD, "CSV volume '" + shorten(text) + "' is not a number");
        }
    }

    long timestamp(String text) {
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() <= 18) {
            long epoch = Long.parseLong(text);
            return epoch >= EPOCH_MILLIS_FROM ? epoch : epoch * 1000;
        }
        try {
            TemporalAccessor parsed = TIMESTAMP.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime withOffset) {
                return withOffset.toInstant().toEpochMilli();
            }
            return ((LocalDateTime) parsed).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new RejectedException(Reason.BAD_FIELD, "CSV timestamp '" + shorten(text)
                    + "' is neither yyyy-MM-dd HH:mm[:ss] (ISO allowed) nor epoch seconds/milliseconds");
        }
    }

    private static String[] split(String line) {
        return line.split(",", -1);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The symbol a file name promises ({@code MSFT_1min_2023-07-10.csv} → MSFT), or {@code null}. */
    public static String symbolOfFile(String fileName) {
        String stem = fileName;
        int cut = stem.length();
        for (char separator : new char[] {'_', '.'}) {
            int at = stem.indexOf(separator);
            if (at > 0) {
                cut = Math.min(cut, at);
            }
        }
        String symbol = stem.substring(0, cut).toUpperCase(Locale.ROOT);
        return symbol.matches("[A-Z0-9.\\-:]{1,16}") ? symbol : null;
    }
}
