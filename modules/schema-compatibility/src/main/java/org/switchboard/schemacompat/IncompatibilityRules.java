package org.switchboard.schemacompat;

/**
 * The rule ids an {@link Incompatibility} can carry. Each names a change from the writer schema to the reader
 * schema that lets the writer produce something the reader rejects. Where Confluent's JSON Schema checker has a
 * difference type for the same change, the id is the same or close to it.
 */
public final class IncompatibilityRules {

    private IncompatibilityRules() {}

    /** The reader accepts none of the JSON types the writer allows (string to integer, say). */
    public static final String TYPE_CHANGED = "TYPE_CHANGED";

    /** The reader accepts some but not all of the writer's types (number to integer, dropping null, any to string). */
    public static final String TYPE_NARROWED = "TYPE_NARROWED";

    /** The reader schema is {@code false}, which nothing satisfies, where the writer still allows values. */
    public static final String SCHEMA_NARROWED_TO_FALSE = "SCHEMA_NARROWED_TO_FALSE";

    /** The reader restricts values with {@code enum} where the writer allowed any value. */
    public static final String ENUM_ARRAY_ADDED = "ENUM_ARRAY_ADDED";

    /** The reader's {@code enum} lacks a value the writer's {@code enum} or {@code const} allows. */
    public static final String ENUM_ARRAY_NARROWED = "ENUM_ARRAY_NARROWED";

    /** The reader pins the value with {@code const} where the writer allowed any value. */
    public static final String CONST_ADDED = "CONST_ADDED";

    /** The reader's {@code const} differs from a value the writer allows. */
    public static final String CONST_CHANGED = "CONST_CHANGED";

    /** The reader limits string length with {@code maxLength}; the writer did not. */
    public static final String MAX_LENGTH_ADDED = "MAX_LENGTH_ADDED";

    /** The reader's {@code maxLength} is smaller than the writer's. */
    public static final String MAX_LENGTH_DECREASED = "MAX_LENGTH_DECREASED";

    /** The reader sets a positive {@code minLength}; the writer did not. */
    public static final String MIN_LENGTH_ADDED = "MIN_LENGTH_ADDED";

    /** The reader's {@code minLength} is larger than the writer's. */
    public static final String MIN_LENGTH_INCREASED = "MIN_LENGTH_INCREASED";

    /** The reader requires a {@code pattern}; the writer did not. */
    public static final String PATTERN_ADDED = "PATTERN_ADDED";

    /** The reader's {@code pattern} differs from the writer's (regex inclusion is not provable here). */
    public static final String PATTERN_CHANGED = "PATTERN_CHANGED";

    /** The reader requires a {@code format}; the writer did not. */
    public static final String FORMAT_ADDED = "FORMAT_ADDED";

    /** The reader's {@code format} differs from the writer's. */
    public static final String FORMAT_CHANGED = "FORMAT_CHANGED";

    /** The reader's upper bound comes from {@code maximum}, and the writer had no {@code maximum}. */
    public static final String MAXIMUM_ADDED = "MAXIMUM_ADDED";

    /** The reader's {@code maximum} is below the writer's upper bound. */
    public static final String MAXIMUM_DECREASED = "MAXIMUM_DECREASED";

    /** The reader's upper bound comes from {@code exclusiveMaximum}, and the writer had none. */
    public static final String EXCLUSIVE_MAXIMUM_ADDED = "EXCLUSIVE_MAXIMUM_ADDED";

    /** The reader's {@code exclusiveMaximum} cuts off values below the writer's upper bound. */
    public static final String EXCLUSIVE_MAXIMUM_DECREASED = "EXCLUSIVE_MAXIMUM_DECREASED";

    /** The reader's lower bound comes from {@code minimum}, and the writer had no {@code minimum}. */
    public static final String MINIMUM_ADDED = "MINIMUM_ADDED";

    /** The reader's {@code minimum} is above the writer's lower bound. */
    public static final String MINIMUM_INCREASED = "MINIMUM_INCREASED";

    /** The reader's lower bound comes from {@code exclusiveMinimum}, and the writer had none. */
    public static final String EXCLUSIVE_MINIMUM_ADDED = "EXCLUSIVE_MINIMUM_ADDED";

    /** The reader's {@code exclusiveMinimum} cuts off values above the writer's lower bound. */
    public static final String EXCLUSIVE_MINIMUM_INCREASED = "EXCLUSIVE_MINIMUM_INCREASED";

    /** The reader requires {@code multipleOf}; the writer did not (integers count as multiples of 1). */
    public static final String MULTIPLE_OF_ADDED = "MULTIPLE_OF_ADDED";

    /** The reader's {@code multipleOf} does not divide the writer's. */
    public static final String MULTIPLE_OF_CHANGED = "MULTIPLE_OF_CHANGED";

    /** The reader limits array length with {@code maxItems}; the writer did not. */
    public static final String MAX_ITEMS_ADDED = "MAX_ITEMS_ADDED";

    /** The reader's {@code maxItems} is smaller than the writer's. */
    public static final String MAX_ITEMS_DECREASED = "MAX_ITEMS_DECREASED";

    /** The reader sets a positive {@code minItems}; the writer did not. */
    public static final String MIN_ITEMS_ADDED = "MIN_ITEMS_ADDED";

    /** The reader's {@code minItems} is larger than the writer's. */
    public static final String MIN_ITEMS_INCREASED = "MIN_ITEMS_INCREASED";

    /** The reader requires {@code uniqueItems}; the writer did not. */
    public static final String UNIQUE_ITEMS_ADDED = "UNIQUE_ITEMS_ADDED";

    /** The reader limits the number of properties with {@code maxProperties}; the writer did not. */
    public static final String MAX_PROPERTIES_ADDED = "MAX_PROPERTIES_ADDED";

    /** The reader's {@code maxProperties} is smaller than the writer's. */
    public static final String MAX_PROPERTIES_DECREASED = "MAX_PROPERTIES_DECREASED";

    /** The reader sets a positive {@code minProperties}; the writer did not. */
    public static final String MIN_PROPERTIES_ADDED = "MIN_PROPERTIES_ADDED";

    /** The reader's {@code minProperties} is larger than the writer's. */
    public static final String MIN_PROPERTIES_INCREASED = "MIN_PROPERTIES_INCREASED";

    /**
     * The reader requires a property the writer does not (new, or optional before) and gives it no {@code
     * default}. Confluent calls it REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL; a default makes it
     * compatible, see {@link SchemaCompatibility}.
     */
    public static final String REQUIRED_PROPERTY_ADDED = "REQUIRED_PROPERTY_ADDED";

    /** The reader's {@code dependentRequired} asks for a property the writer does not promise. */
    public static final String DEPENDENT_REQUIRED_ADDED = "DEPENDENT_REQUIRED_ADDED";

    /** The writer declares a property the reader does not, and the reader forbids additional properties. */
    public static final String PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL =
            "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL";

    /** The writer declares a property the reader leaves to its additionalProperties schema, which rejects it. */
    public static final String PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL =
            "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL";

    /**
     * The reader declares a property with constraints that the writer does not declare while allowing any
     * additional property: old data may carry that name with any value. The well-known pitfall of open content
     * models.
     */
    public static final String PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL = "PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL";

    /** As above, but the writer's additionalProperties is a schema that allows values the reader's property rejects. */
    public static final String PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL =
            "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL";

    /**
     * The reader accepts fewer additional (undeclared) properties than the writer: open or partially open to
     * closed, or a narrower additionalProperties schema.
     */
    public static final String ADDITIONAL_PROPERTIES_NARROWED = "ADDITIONAL_PROPERTIES_NARROWED";

    /**
     * A keyword this checker does not model (oneOf, anyOf, allOf, not, if/then/else, patternProperties,
     * propertyNames, contains, unknown keywords, ...) differs between reader and writer. Reported because the
     * change cannot be proven safe, not because it is known to be unsafe.
     */
    public static final String UNSUPPORTED_KEYWORD_CHANGED = "UNSUPPORTED_KEYWORD_CHANGED";

    /** A {@code $ref} cannot be followed (remote, anchor, or missing target), and the two sides differ there. */
    public static final String REF_NOT_RESOLVABLE = "REF_NOT_RESOLVABLE";
}
