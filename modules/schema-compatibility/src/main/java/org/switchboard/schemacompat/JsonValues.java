package org.switchboard.schemacompat;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** JSON equality as JSON Schema means it (1 equals 1.0), and the kind of instance a value is. */
final class JsonValues {

    private JsonValues() {}

    /** The instance kinds a schema can allow; {@code number} is INTEGER plus FRACTION. */
    enum Kind {
        NULL("null"),
        BOOLEAN("boolean"),
        OBJECT("object"),
        ARRAY("array"),
        STRING("string"),
        INTEGER("integer"),
        FRACTION("non-integer number");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    static boolean equal(JsonValue a, JsonValue b) {
        if (a instanceof JsonNumber x && b instanceof JsonNumber y) {
            return x.bigDecimalValue().compareTo(y.bigDecimalValue()) == 0;
        }
        if (a instanceof JsonObject x && b instanceof JsonObject y) {
            return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> equal(x.get(k), y.get(k)));
        }
        if (a instanceof JsonArray x && b instanceof JsonArray y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    static boolean contains(Collection<? extends JsonValue> values, JsonValue value) {
        return values.stream().anyMatch(v -> equal(v, value));
    }

    /** Same members, ignoring order and duplicates. */
    static boolean sameSet(JsonArray a, JsonArray b) {
        return a.stream().allMatch(v -> contains(b, v)) && b.stream().allMatch(v -> contains(a, v));
    }

    /** Compact JSON text for messages. */
    static String display(JsonValue value) {
        return value.toString();
    }

    static String displayAll(List<? extends JsonValue> values) {
        return values.stream().map(JsonValues::display).collect(Collectors.joining(", "));
    }

    static Kind kindOf(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> Kind.NULL;
            case TRUE, FALSE -> Kind.BOOLEAN;
            case OBJECT -> Kind.OBJECT;
            case ARRAY -> Kind.ARRAY;
            case STRING -> Kind.STRING;
            case NUMBER -> isIntegral((JsonNumber) value) ? Kind.INTEGER : Kind.FRACTION;
        };
    }

    private static boolean isIntegral(JsonNumber number) {
        var value = number.bigDecimalValue();
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }
}
