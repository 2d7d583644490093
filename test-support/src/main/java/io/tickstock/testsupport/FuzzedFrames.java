package io.tickstock.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hostile provider frames, reproducible from a seed: valid frames of every feed mutated at random (cut, tokens
 * inserted, bytes deleted, frames spliced, a price replaced, frames repeated into one array, a byte flipped), and
 * one in ten pure noise. What the boundary must survive, whether it is called directly or through a running
 * ingest service.
 */
public final class FuzzedFrames {

    private static final String[] TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1", "0", "1e400",
        "NaN", "\"ev\"", "\"T\"", "\"AM\"", "\"sym\"", "\"\"", "\\u0000", "\uFFFF", "9999999999999999999999"};

    private final SplittableRandom random;
    private final List<String> seeds;

    /** Frames whose valid messages carry {@code nowMillis} as their time. */
    public FuzzedFrames(long seed, long nowMillis) {
        this.random = new SplittableRandom(seed);
        this.seeds = List.of(
                "[{\"ev\":\"T\",\"sym\":\"AAPL\",\"x\":4,\"i\":\"71\",\"z\":3,\"p\":190.25,\"s\":100,\"c\":[12,37],"
                        + "\"t\":" + nowMillis + "}]",
                "[{\"ev\":\"A\",\"sym\":\"MSFT\",\"v\":500,\"av\":9000,\"op\":330.1,\"vw\":331.2,\"o\":331.0,"
                        + "\"c\":331.4,\"h\":331.5,\"l\":330.9,\"a\":330.8,\"z\":50,\"s\":" + (nowMillis - 1000)
                        + ",\"e\":" + nowMillis + "}]",
                "[{\"ev\":\"AM\",\"sym\":\"XLK\",\"v\":50000,\"o\":170.1,\"c\":170.3,\"h\":170.4,\"l\":170.0,\"s\":"
                        + (nowMillis - 60000) + ",\"e\":" + nowMillis + ",\"otc\":false}]",
                "[{\"ev\":\"FMV\",\"sym\":\"TLT\",\"fmv\":98.31,\"mp\":98.3,\"conf\":0.8,\"t\":" + nowMillis * 1_000_000
                        + "}]",
                "[{\"ev\":\"status\",\"status\":\"connected\",\"message\":\"Connected Successfully\"}]",
                "[{\"ev\":\"T\",\"sym\":\"A\",\"x\":1,\"i\":\"1\",\"p\":1.5,\"s\":1,\"t\":" + nowMillis + "},"
                        + "{\"ev\":\"FMV\",\"sym\":\"B\",\"fmv\":2.5,\"t\":" + nowMillis * 1_000_000 + "}]");
    }

    /** The next hostile frame. */
    public byte[] next() {
        return random.nextInt(10) == 0 ? noise() : mutate(seeds.get(random.nextInt(seeds.size())));
    }

    private byte[] noise() {
        byte[] bytes = new byte[random.nextInt(random.nextInt(8) == 0 ? 6_000 : 200)];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] mutate(String seed) {
        String text = seed;
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(6)) {
                case 0 -> text = text.substring(0, at); // cut
                case 1 -> text = text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at);
                case 2 -> text = text.substring(0, at)
                        + text.substring(Math.min(text.length(), at + 1 + random.nextInt(8)));
                case 3 -> text = text + "," + text; // splice two frames
                case 4 -> text = text.replace("\"p\":", "\"p\":" + TOKENS[random.nextInt(TOKENS.length)] + ",\"x\":");
                default -> text = "[" + text.repeat(1 + random.nextInt(40)).replace("][", ",") + "]";
            }
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(5) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256); // flip a byte
        }
        return bytes;
    }
}
