/**
 * Compatibility of JSON Schema (draft 2020-12) versions of a message contract, in the spirit of Confluent
 * Schema Registry and Apicurio Registry: {@link org.switchboard.schemacompat.SchemaCompatibility}
 * tells whether a reader schema accepts everything a writer schema allows, and checks a new version against
 * its history under a {@link org.switchboard.schemacompat.CompatibilityMode}. Plain functions over
 * {@code jakarta.json} values; nothing here needs a container, and nothing here is packaged in the EAR: this
 * module is build-only.
 */
package org.switchboard.schemacompat;
