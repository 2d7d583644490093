package io.tickstock.k8s;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The keys a service's {@code @ConfigMapping} interface accepts, with their {@code @WithDefault} values: what the
 * service reads even when application.properties does not mention it (SmallRye Config's naming: method names in
 * kebab-case, nested interfaces as segments).
 */
final class ConfigMappingKeys {

    private ConfigMappingKeys() {
    }

    /** Key to default value (null when the key has none). */
    static Map<String, String> of(Class<?> mapping) {
        ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
        if (annotation == null) {
            throw new IllegalArgumentException(mapping + " is not a @ConfigMapping");
        }
        Map<String, String> keys = new TreeMap<>();
        collect(mapping, annotation.prefix(), keys);
        return keys;
    }

    private static void collect(Class<?> type, String prefix, Map<String, String> keys) {
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() > 0 || Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                continue;
            }
            String key = method.isAnnotationPresent(WithParentName.class) ? prefix : prefix + "." + name(method);
            Class<?> nested = nestedMapping(method.getGenericReturnType());
            if (nested != null) {
                collect(nested, key, keys);
            } else {
                WithDefault value = method.getAnnotation(WithDefault.class);
                keys.put(key, value == null ? null : value.value());
            }
        }
    }

    private static String name(Method method) {
        WithName name = method.getAnnotation(WithName.class);
        return name != null ? name.value() : method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** The group interface a method returns, directly or inside Optional; null for a leaf value. */
    private static Class<?> nestedMapping(Type type) {
        if (type instanceof Class && ((Class<?>) type).isInterface() && isOurs((Class<?>) type)) {
            return (Class<?>) type;
        }
        if (type instanceof ParameterizedType && ((ParameterizedType) type).getRawType() == Optional.class) {
            return nestedMapping(((ParameterizedType) type).getActualTypeArguments()[0]);
        }
        return null;
    }

    private static boolean isOurs(Class<?> type) {
        return type.getName().startsWith("io.tickstock.");
    }
}
