package org.switchboard.schemacompat;

import java.util.Objects;

/**
 * One reason why a reader schema cannot read everything a writer schema allows.
 *
 * @param rule stable upper-snake-case id of the rule that failed, one of the constants in {@link
 *     IncompatibilityRules} (named after Confluent's JSON Schema difference types where one exists)
 * @param pointer JSON pointer into the <em>reader</em> schema, following {@code $ref} to where the definition
 *     really is: the subschema the reason is about (for example {@code /properties/email}), or the keyword when
 *     the reason is one keyword of an object schema ({@code .../required}, {@code .../additionalProperties}, an
 *     unsupported keyword). When the reader lacks a property the writer declares, it is where that property
 *     would be. The empty string is the root.
 * @param field where in a message the difference shows: property names joined by dots, {@code []} for array
 *     items, {@code [n]} for a tuple position, {@code *} for additional properties ({@code address.street},
 *     {@code lines[].sku}); {@code (root)} for the message itself
 * @param detail one sentence for a human that says what changed; "writer" and "reader" name the two schemas
 */
public record Incompatibility(String rule, String pointer, String field, String detail) {

    public Incompatibility {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(detail, "detail");
    }

    /** {@code rule@field}, the short form the fixtures use. */
    public String ruleAtField() {
        return rule + "@" + field;
    }
}
