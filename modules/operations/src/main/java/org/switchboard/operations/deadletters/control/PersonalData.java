package org.switchboard.operations.deadletters.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Locale;
import java.util.Set;

/**
 * Masks personal data in a message body before an operator sees it: e-mail addresses keep their
 * first letter and domain ({@code a***@example.org}), names their first letter ({@code A***}), at any
 * depth. A body that is not JSON is masked completely; it may hold anything.
 */
public final class PersonalData {

    static final Set<String> NAMES = Set.of("fullname", "name", "given", "family", "givenname", "familyname");

    private PersonalData() {}

    public static String mask(String body) {
        if (body == null) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            return mask(reader.read(), null).toString();
        } catch (RuntimeException e) {
            return "(" + body.length() + " characters, not JSON; reveal to see them)";
        }
    }

    private static JsonValue mask(JsonValue value, String key) {
        if (value instanceof JsonObject object) {
            var builder = Json.createObjectBuilder();
            object.forEach((k, v) -> builder.add(k, mask(v, k)));
            return builder.build();
        }
        if (value instanceof jakarta.json.JsonArray array) {
            var builder = Json.createArrayBuilder();
            array.forEach(v -> builder.add(mask(v, key)));
            return builder.build();
        }
        if (value instanceof JsonString text && key != null) {
            var lower = key.toLowerCase(Locale.ROOT);
            if (lower.contains("email")) {
                return Json.createValue(email(text.getString()));
            }
            if (NAMES.contains(lower)) {
                return Json.createValue(initial(text.getString()));
            }
        }
        return value;
    }

    static String email(String address) {
        var at = address.lastIndexOf('@');
        return at <= 0 ? initial(address) : address.charAt(0) + "***" + address.substring(at);
    }

    static String initial(String text) {
        return text.isEmpty() ? text : text.charAt(0) + "***";
    }
}
