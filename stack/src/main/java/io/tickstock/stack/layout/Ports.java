package io.tickstock.stack.layout;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where each component listens, each overridable in the environment ({@code TICKSTOCK_KAFKA_PORT}, ...). Instance N
 * of a service listens on the service's port + {@code instanceStep} x (N-1).
 */
public record Ports(int kafka, int controller, int prometheus, Map<Service, Integer> services, int instanceStep) {

    public Ports {
        services = Map.copyOf(services);
    }

    public static Ports fromEnvironment(Map<String, String> env) {
        Map<Service, Integer> services = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            services.put(service, number(env, "TICKSTOCK_" + service.envName() + "_PORT", service.defaultPort()));
        }
        return new Ports(number(env, "TICKSTOCK_KAFKA_PORT", 9092), number(env, "TICKSTOCK_CONTROLLER_PORT", 9093),
                number(env, "TICKSTOCK_PROMETHEUS_PORT", 9090), services,
                number(env, "TICKSTOCK_INSTANCE_PORT_STEP", 10));
    }

    public int of(Service service) {
        return services.get(service);
    }

    public int of(Instance instance) {
        return of(instance.service()) + instanceStep * (instance.number() - 1);
    }

    static int number(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'.");
        }
    }
}
