package org.switchboard.web.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A request body that {@link JsonBodyReader} has read strictly: one JSON object, no key twice.
 * Resources take their fields from it by name and JSON type, so a number where a string belongs,
 * or {@code "yes"} where a boolean belongs, is an error and never a silent conversion (JSON-B turns
 * {@code "yes"} into {@code false}). Contracts are closed: a field the resource does not read is
 * refused, not ignored — a misspelt {@code marketingConsnet} must not pass as "no consent".
 */
public record JsonBody(JsonObject object) {

    /** The fields of a closed contract; every other field in the body is an error. */
    public Fields fields(String... names) {
        return new Fields(object, Set.of(names));
    }

    /** Reads fields by type, collecting every mistake; {@link #verify()} refuses the body with all of them. */
    public static final class Fields {

        private final JsonObject object;
        private final Map<String, String> errors = new TreeMap<>();

        private Fields(JsonObject object, Set<String> names) {
            this.object = object;
            object.keySet().stream()
                    .filter(key -> !names.contains(key))
                    .forEach(key -> errors.put(
                            key, "Unknown field; this request has only " + String.join(", ", sorted(names))));
        }

        /** A string, or null when absent or JSON null. */
        public String string(String name) {
            var value = object.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            if (value instanceof JsonString s) {
                return s.getString();
            }
            return wrongType(name, "a string", value);
        }

        /** A string that must be there. */
        public String requiredString(String name) {
            var value = string(name);
            if (value == null) {
                required(name);
            }
            return value;
        }

        /** true or false, or null when absent or JSON null; never a string or a number. */
        public Boolean bool(String name) {
            var value = object.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            return switch (value.getValueType()) {
                case TRUE -> true;
                case FALSE -> false;
                default -> wrongType(name, "true or false", value);
            };
        }

        /** An array of strings that must be there. */
        public List<String> requiredStrings(String name) {
            var value = object.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                required(name);
                return null;
            }
            if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                return wrongType(name, "an array of strings", value);
            }
            var strings = new ArrayList<String>();
            var array = value.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) instanceof JsonString s) {
                    strings.add(s.getString());
                } else {
                    wrongType(name + "[" + i + "]", "a string", array.get(i));
                }
            }
            return strings;
        }

        /** @throws InvalidRequestBody with every error found, if there is any */
        public void verify() {
            if (!errors.isEmpty()) {
                throw new InvalidRequestBody(errors);
            }
        }

        private void required(String name) {
            errors.put(name, "Required");
        }

        private <T> T wrongType(String name, String expected, JsonValue actual) {
            errors.put(name, "Must be " + expected + ", not " + describe(actual));
            return null;
        }

        private static String describe(JsonValue value) {
            return switch (value.getValueType()) {
                case STRING -> "a string";
                case NUMBER -> "a number";
                case TRUE, FALSE -> "a boolean";
                case NULL -> "null";
                case ARRAY -> "an array";
                case OBJECT -> "an object";
            };
        }

        private static List<String> sorted(Set<String> names) {
            return names.stream().sorted().toList();
        }
    }
}
