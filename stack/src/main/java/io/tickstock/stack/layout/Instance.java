package io.tickstock.stack.layout;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One running copy of a service: the first is named like the service ({@code processor}), the others
 * {@code NAME-N} ({@code processor-2}); N is what {@code up --processors} and {@code scale} count.
 */
public record Instance(Service service, int number) implements Comparable<Instance> {

    private static final Pattern NAME = Pattern.compile("([a-z]+)(?:-([1-9][0-9]*))?");

    public Instance {
        if (number < 1) {
            throw new IllegalArgumentException("instance numbers start at 1, not " + number);
        }
    }

    public static Instance first(Service service) {
        return new Instance(service, 1);
    }

    /** The instance {@code name} names; {@code processor-1} is not a name (the first is {@code processor}). */
    public static Optional<Instance> named(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        int number = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        if (m.group(2) != null && number == 1) {
            return Optional.empty();
        }
        return Service.labelled(m.group(1)).map(service -> new Instance(service, number));
    }

    public String name() {
        return number == 1 ? service.label() : service.label() + "-" + number;
    }

    @Override
    public int compareTo(Instance other) {
        int byService = service.compareTo(other.service);
        return byService != 0 ? byService : Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return name();
    }
}
