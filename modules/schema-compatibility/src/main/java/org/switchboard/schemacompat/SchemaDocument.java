package org.switchboard.schemacompat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One schema document, the scope in which its local {@code $ref}s resolve. Only references into the same
 * document are followed: {@code #}, {@code #/json/pointer}, and the same with the root {@code $id} in front.
 * Anything else (another document, an {@code $anchor}, a nested {@code $id} scope) counts as unresolvable.
 */
final class SchemaDocument {

    private final JsonObject root;
    private final String rootId;

    SchemaDocument(JsonObject root) {
        this.root = root;
        this.rootId = root.get("$id") instanceof JsonString id ? id.getString() : null;
    }

    Node root() {
        return new Node(root, "", this, false);
    }

    /** The node a reference points at, or null when it is not a resolvable local reference. */
    Node resolve(String ref) {
        String fragment;
        if (ref.startsWith("#")) {
            fragment = ref.substring(1);
        } else if (rootId != null && ref.startsWith(rootId + "#")) {
            fragment = ref.substring(rootId.length() + 1);
        } else if (ref.equals(rootId)) {
            fragment = "";
        } else {
            return null;
        }
        String pointer = percentDecode(fragment);
        if (pointer == null || (!pointer.isEmpty() && !pointer.startsWith("/"))) {
            return null;
        }
        JsonValue current = root;
        var normalized = new StringBuilder();
        if (!pointer.isEmpty()) {
            for (String raw : pointer.substring(1).split("/", -1)) {
                String token = raw.replace("~1", "/").replace("~0", "~");
                if (current instanceof JsonObject object && object.containsKey(token)) {
                    current = object.get(token);
                } else if (current instanceof JsonArray array
                        && isIndex(token)
                        && Integer.parseInt(token) < array.size()) {
                    current = array.get(Integer.parseInt(token));
                } else {
                    return null;
                }
                normalized.append('/').append(Node.escape(token));
            }
        }
        return new Node(current, normalized.toString(), this, false);
    }

    private static boolean isIndex(String token) {
        return !token.isEmpty() && token.length() < 9 && token.chars().allMatch(Character::isDigit);
    }

    private static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        var bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 3;
            } else {
                int codePoint = text.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
