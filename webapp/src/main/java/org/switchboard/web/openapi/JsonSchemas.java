package org.switchboard.web.openapi;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/** Between the JSON schemas {@link RecordSchemas} writes and the OpenAPI model WildFly serves. */
final class JsonSchemas {

    private JsonSchemas() {}

    /** The model of a schema in the subset RecordSchemas writes. */
    static Schema toModel(JsonObject json) {
        var schema = OASFactory.createSchema();
        if (json.containsKey("$ref")) {
            return schema.ref(json.getString("$ref"));
        }
        if (json.containsKey("type")) {
            schema.addType(SchemaType.valueOf(json.getString("type").toUpperCase(java.util.Locale.ROOT)));
        }
        if (json.containsKey("format")) {
            schema.format(json.getString("format"));
        }
        if (json.containsKey("enum")) {
            json.getJsonArray("enum")
                    .getValuesAs(JsonString.class)
                    .forEach(value -> schema.addEnumeration(value.getString()));
        }
        if (json.containsKey("items")) {
            schema.items(toModel(json.getJsonObject("items")));
        }
        if (json.containsKey("properties")) {
            json.getJsonObject("properties")
                    .forEach((name, value) -> schema.addProperty(name, toModel(value.asJsonObject())));
        }
        if (json.containsKey("required")) {
            json.getJsonArray("required")
                    .getValuesAs(JsonString.class)
                    .forEach(name -> schema.addRequired(name.getString()));
        }
        var additional = json.get("additionalProperties");
        if (additional == JsonValue.FALSE) {
            schema.additionalPropertiesBoolean(false);
        } else if (additional instanceof JsonObject object) {
            schema.additionalPropertiesSchema(toModel(object));
        }
        return schema;
    }

    /**
     * True for what the scan writes when it cannot see a type: nothing, an object without
     * properties, or an array or map of such.
     */
    static boolean isUndescribed(Schema schema) {
        if (schema == null) {
            return true;
        }
        if (schema.getRef() != null
                || schema.getEnumeration() != null
                || (schema.getProperties() != null && !schema.getProperties().isEmpty())) {
            return false;
        }
        var type = schema.getType();
        if (type == null || type.isEmpty()) {
            return true;
        }
        if (type.equals(List.of(SchemaType.ARRAY))) {
            return isUndescribed(schema.getItems());
        }
        if (type.equals(List.of(SchemaType.OBJECT))) {
            return schema.getAdditionalPropertiesSchema() == null
                    || isUndescribed(schema.getAdditionalPropertiesSchema());
        }
        return false;
    }

    /**
     * {@code @Schema(type = ARRAY, ref = "X")} is written as an array that is also an X, which no
     * value can be; what it means is an array of X.
     */
    static void arrayOfReference(Schema schema) {
        if (schema != null
                && schema.getRef() != null
                && List.of(SchemaType.ARRAY).equals(schema.getType())) {
            schema.items(OASFactory.createSchema().ref(schema.getRef()));
            schema.setRef(null);
        }
    }
}
