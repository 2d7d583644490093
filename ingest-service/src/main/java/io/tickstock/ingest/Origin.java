package io.tickstock.ingest;

/**
 * Where an input came from: the source ({@code simulator}, {@code provider}, {@code replay}; the {@code provider}
 * field of the raw envelope and the {@code source} tag of the metrics) and, for people tracing a record back, the
 * exact place ({@code demo seed 42}, {@code wss://host/stocks #3}, {@code bars.csv:17}).
 */
public record Origin(String source, String where) {

    public static final String SIMULATOR = "simulator";
    public static final String PROVIDER = "provider";
    public static final String REPLAY = "replay";

    public Origin at(String place) {
        return new Origin(source, place);
    }
}
