package org.switchboard.schemacompat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Whether two subschemas, each in its own document, mean the same: annotations and unused definitions are
 * ignored, {@code $ref}s are compared by what they point at, sets ({@code type}, {@code enum}, {@code required})
 * ignore order. Recursive references are handled by assuming a pair under comparison is equal when met again.
 */
final class SchemaEquality {

    private final Set<String> assumed = new HashSet<>();

    private SchemaEquality() {}

    static boolean equal(Node a, Node b) {
        return new SchemaEquality().same(a, b);
    }

    private boolean same(Node first, Node second) {
        Node a = first.deref();
        Node b = second.deref();
        if (!assumed.add(a.key() + "\u0000" + b.key())) {
            return true;
        }
        if (a.acceptsEverything() && b.acceptsEverything()) {
            return true;
        }
        if (!a.isObject() || !b.isObject()) {
            return a.isFalse() && b.isFalse();
        }
        Set<String> keys = assertionKeys(a.object());
        if (!keys.equals(assertionKeys(b.object()))) {
            return false;
        }
        return keys.stream().allMatch(keyword -> sameKeyword(keyword, a, b));
    }

    /** Whether one keyword has the same meaning on both nodes (both absent counts as the same). */
    static boolean keywordEqual(String keyword, Node a, Node b) {
        return new SchemaEquality().sameKeyword(keyword, a, b);
    }

    private boolean sameKeyword(String keyword, Node a, Node b) {
        var x = a.get(keyword);
        var y = b.get(keyword);
        if (x == null || y == null) {
            return x == null && y == null;
        }
        if (keyword.equals("$ref")) {
            Node targetA = a.refTarget();
            Node targetB = b.refTarget();
            if (targetA != null && targetB != null) {
                return same(targetA, targetB);
            }
            return targetA == null && targetB == null && JsonValues.equal(x, y);
        }
        if (Keywords.SCHEMA_VALUED.contains(keyword) && Keywords.isSchema(x) && Keywords.isSchema(y)) {
            return same(a.child(keyword), b.child(keyword));
        }
        if (Keywords.SCHEMA_MAPS.contains(keyword) && x instanceof JsonObject mapA && y instanceof JsonObject mapB) {
            return mapA.keySet().equals(mapB.keySet())
                    && mapA.keySet().stream()
                            .allMatch(name -> Keywords.isSchema(mapA.get(name)) && Keywords.isSchema(mapB.get(name))
                                    ? same(a.child(keyword, name), b.child(keyword, name))
                                    : JsonValues.equal(mapA.get(name), mapB.get(name)));
        }
        if (Keywords.SCHEMA_LISTS.contains(keyword) && x instanceof JsonArray listA && y instanceof JsonArray listB) {
            if (listA.size() != listB.size()) {
                return false;
            }
            for (int i = 0; i < listA.size(); i++) {
                boolean equal = Keywords.isSchema(listA.get(i)) && Keywords.isSchema(listB.get(i))
                        ? same(a.child(keyword, i), b.child(keyword, i))
                        : JsonValues.equal(listA.get(i), listB.get(i));
                if (!equal) {
                    return false;
                }
            }
            return true;
        }
        if (Keywords.SET_VALUED.contains(keyword) && x instanceof JsonArray setA && y instanceof JsonArray setB) {
            return JsonValues.sameSet(setA, setB);
        }
        return JsonValues.equal(x, y);
    }

    private static Set<String> assertionKeys(JsonObject schema) {
        var keys = new LinkedHashSet<String>();
        for (String key : schema.keySet()) {
            if (!Keywords.isInert(key)) {
                keys.add(key);
            }
        }
        return keys;
    }
}
