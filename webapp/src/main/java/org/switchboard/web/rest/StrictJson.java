package org.switchboard.web.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.NoSuchElementException;

/**
 * Reads a request body as one JSON object and nothing else (RFC 8259 in UTF-8, held to I-JSON,
 * RFC 7493): refuses with {@link MalformedRequestBody} what a lenient parser would quietly accept
 * or quietly resolve — bytes that are not UTF-8, a document that is not an object, anything after
 * it (trailing content, a second document), a key twice in one object (which one would win?),
 * strings with unpaired surrogates or noncharacters, and nesting deeper than any request needs.
 * Streaming (JSON-P's parser) rather than binding, so that each of these is seen, not resolved.
 */
final class StrictJson {

    // Looked up once: each Json.createX looks the provider up through ServiceLoader, which under load
    // serialises threads on the class loader's jar files (docs/benchmarks/registration-open-model.md).
    private static final JsonProvider JSON = JsonProvider.provider();

    static final int MAX_DEPTH = 16;

    private StrictJson() {}

    static JsonObject object(byte[] body) {
        var text = utf8(body);
        if (text.isBlank()) {
            throw new MalformedRequestBody("The request body is empty; send a JSON object.");
        }
        try (var parser = JSON.createParser(new StringReader(text))) {
            if (parser.next() != Event.START_OBJECT) {
                throw new MalformedRequestBody(
                        "The request body must be a JSON object, not an array or a single value.");
            }
            var object = object(parser, 1);
            if (ends(parser)) {
                return object;
            }
            throw trailing();
        } catch (JsonParsingException e) {
            // The parser's message says where and what it expected: enough for the client, nothing of ours.
            throw new MalformedRequestBody("The request body is not valid JSON: " + e.getMessage());
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw new MalformedRequestBody("The request body is not valid JSON.");
        }
    }

    private static boolean ends(JsonParser parser) {
        try {
            return !parser.hasNext();
        } catch (JsonException e) {
            // Parsson reports a token after the document as a parse error ("expected EOF").
            throw trailing();
        }
    }

    private static MalformedRequestBody trailing() {
        return new MalformedRequestBody(
                "The request body must be exactly one JSON object: there is more after it (trailing content or a"
                        + " second document).");
    }

    private static JsonObject object(JsonParser parser, int depth) {
        depth(depth);
        var builder = JSON.createObjectBuilder();
        var keys = new HashSet<String>();
        for (var event = parser.next(); event != Event.END_OBJECT; event = parser.next()) {
            var key = text(parser.getString());
            if (!keys.add(key)) {
                throw new MalformedRequestBody("The key \"" + printable(key) + "\" appears twice in one object.");
            }
            builder.add(key, value(parser, parser.next(), depth));
        }
        return builder.build();
    }

    private static JsonArray array(JsonParser parser, int depth) {
        depth(depth);
        var builder = JSON.createArrayBuilder();
        for (var event = parser.next(); event != Event.END_ARRAY; event = parser.next()) {
            builder.add(value(parser, event, depth));
        }
        return builder.build();
    }

    private static JsonValue value(JsonParser parser, Event event, int depth) {
        return switch (event) {
            case START_OBJECT -> object(parser, depth + 1);
            case START_ARRAY -> array(parser, depth + 1);
            case VALUE_STRING -> JSON.createValue(text(parser.getString()));
            default -> parser.getValue();
        };
    }

    private static void depth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new MalformedRequestBody("The request body is nested deeper than " + MAX_DEPTH + " levels.");
        }
    }

    /** I-JSON: no unpaired surrogate (a "\uD800" escape can carry one) and no noncharacter. */
    private static String text(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                // codePointAt returns a surrogate only when it is not half of a pair.
                throw new MalformedRequestBody("A string holds an unpaired surrogate, which is not Unicode text.");
            }
            if ((c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF)) {
                throw new MalformedRequestBody("A string holds a Unicode noncharacter, which I-JSON does not allow.");
            }
            i += Character.charCount(c);
        }
        return s;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRequestBody("The request body is not UTF-8, the encoding of JSON (RFC 8259).");
        }
    }

    /** A key in a message, without what could break a log line or a terminal. */
    private static String printable(String key) {
        var shown = key.length() > 40 ? key.substring(0, 40) + "…" : key;
        return shown.codePoints()
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
