package io.tickstock.stack.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Who listens on a port, as {@code ss} names it ({@code "java",pid=1234}); empty where ss is missing. */
final class PortHolder {

    private static final Pattern USER = Pattern.compile("users:\\(\\((\"[^\"]*\",pid=[0-9]*)");

    private PortHolder() {
    }

    static Optional<String> of(int port) {
        try {
            Process ss = new ProcessBuilder("ss", "-ltnpH", "sport = :" + port).redirectErrorStream(true).start();
            String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ss.waitFor();
            return parse(output);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<String> parse(String ssOutput) {
        Matcher m = USER.matcher(ssOutput);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
