package io.tickstock.stack.sizing;

import java.math.BigDecimal;
import java.util.OptionalLong;

/** Kubernetes quantities as the stack uses them: memory in MiB, CPU in millicores. */
public final class Quantities {

    private Quantities() {
    }

    /** {@code 512Mi} is 512, {@code 1Gi} is 1024; nothing else appears in k8s/base. */
    public static long mib(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        if (quantity.endsWith("Mi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2));
        }
        throw new IllegalArgumentException("unexpected memory quantity '" + quantity + "' in k8s/base");
    }

    /** {@code 500m} is 500, {@code 1} is 1000; an absent quantity stays absent. */
    public static OptionalLong millicores(String quantity) {
        if (quantity == null || quantity.isEmpty()) {
            return OptionalLong.empty();
        }
        if (quantity.endsWith("m")) {
            return OptionalLong.of(Long.parseLong(quantity.substring(0, quantity.length() - 1)));
        }
        return OptionalLong.of(new BigDecimal(quantity).multiply(BigDecimal.valueOf(1000)).longValueExact());
    }
}
