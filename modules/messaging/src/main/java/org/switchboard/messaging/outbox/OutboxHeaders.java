package org.switchboard.messaging.outbox;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** A message's headers as stored in an outbox row: strings and ints (the schema version), kept apart in JSON. */
final class OutboxHeaders {

    // Looked up once: each Json.createX looks the provider up through ServiceLoader, which under load
    // serialises threads on the class loader's jar files (docs/benchmarks/registration-open-model.md).
    private static final JsonProvider JSON = JsonProvider.provider();

    private OutboxHeaders() {}

    static String toJson(Map<String, Object> headers) {
        var json = JSON.createObjectBuilder();
        headers.forEach((name, value) -> {
            if (value instanceof Integer number) {
                json.add(name, number);
            } else {
                json.add(name, String.valueOf(value));
            }
        });
        return json.build().toString();
    }

    static Map<String, Object> fromJson(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            var headers = new LinkedHashMap<String, Object>();
            reader.readObject().forEach((name, value) -> {
                switch (value.getValueType()) {
                    case NUMBER -> headers.put(name, ((JsonNumber) value).intValueExact());
                    case STRING -> headers.put(name, ((JsonString) value).getString());
                    default -> throw new IllegalStateException("Header " + name + " is neither a string nor a number");
                }
            });
            return headers;
        }
    }
}
