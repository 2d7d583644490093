package io.tickstock.k8s.model;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.Collection;
import java.util.Map;

/**
 * Jackson only enforces {@code @JsonProperty(required = true)} on constructor parameters; Strimzi marks its required
 * fields that way on setters. This walks a parsed object graph and fails on the first required field left empty.
 */
final class RequiredFields {

    private RequiredFields() {
    }

    static void check(Object bean) {
        check(bean, bean.getClass().getSimpleName());
    }

    private static void check(Object value, String path) {
        if (value instanceof Collection) {
            int i = 0;
            for (Object element : (Collection<?>) value) {
                check(element, path + "[" + i++ + "]");
            }
        } else if (value instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                check(entry.getValue(), path + "." + entry.getKey());
            }
        } else if (value != null && isModel(value.getClass())) {
            JavaType type = StrictModels.STRICT_JACKSON.constructType(value.getClass());
            BeanDescription description = StrictModels.STRICT_JACKSON.getDeserializationConfig().introspect(type);
            for (BeanPropertyDefinition property : description.findProperties()) {
                AnnotatedMember accessor = property.getAccessor();
                if (accessor == null) {
                    continue;
                }
                Object child = accessor.getValue(value);
                if (child == null && property.isRequired()) {
                    throw new IllegalArgumentException("required field " + path + "." + property.getName() + " is missing");
                }
                check(child, path + "." + property.getName());
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        if (type.isEnum()) {
            return false;
        }
        String name = type.getName();
        return name.startsWith("io.strimzi.api.") || name.startsWith("io.fabric8.kubernetes.api.model.")
                || name.startsWith("io.tickstock.k8s.model.");
    }
}
