package org.switchboard.schemacompat.gate;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.messaging.schema.SchemaRegistry;

/**
 * The compatibility gate of the build: {@code schema/} as checked in must pass, and the gate must
 * stop the changes it exists to stop, with a message naming the subject, the versions and the field,
 * and refuse a mode that does not fit the subject's kind.
 */
class SchemaRegistryGateTest {

    static final Path SCHEMAS = Path.of("../../schema");

    @Test
    void theRegistryAsCheckedInKeepsEverySubjectsCompatibilityMode() {
        var failures = CompatibilityGate.check(SchemaRegistry.fromDirectory(SCHEMAS));

        assertThat(failures)
                .as("schema registry compatibility gate:%n  %s", String.join("%n  ".formatted(), failures))
                .isEmpty();
    }

    @Test
    void changingAFieldTypeInAPublishedSchemaFailsNamingSubjectVersionsAndField(@TempDir Path copy) throws IOException {
        copyRegistry(copy);
        var v2 = copy.resolve("webstore/CustomerRegistered.v2.schema.json");
        Files.writeString(
                v2,
                Files.readString(v2)
                        .replace(
                                "\"marketingConsent\": {\n      \"description\": \"Whether the customer agreed, at registration, to receive marketing e-mail. false unless they actively opted in.\",\n      \"type\": \"boolean\"",
                                "\"marketingConsent\": {\n      \"description\": \"Now a string.\",\n      \"type\": \"string\""));

        var failures = CompatibilityGate.check(SchemaRegistry.fromDirectory(copy));

        // An event is FULL_TRANSITIVE: the break shows in both directions.
        assertThat(failures)
                .hasSize(2)
                .anySatisfy(f -> assertThat(f)
                        .startsWith("webstore.CustomerRegistered.v2 (FULL_TRANSITIVE): version 2 (unregistered current"
                                + " schema webstore/CustomerRegistered.v2.schema.json) cannot read what version 1"
                                + " allowed")
                        .contains("at field 'marketingConsent'")
                        .contains("TYPE_CHANGED")
                        .contains("new major version"))
                .anySatisfy(f -> assertThat(f)
                        .startsWith("webstore.CustomerRegistered.v2 (FULL_TRANSITIVE): version 1 cannot read what"
                                + " version 2 (unregistered current schema webstore/CustomerRegistered.v2.schema.json)"
                                + " allows")
                        .contains("at field 'marketingConsent'")
                        .contains("TYPE_CHANGED"));
    }

    @Test
    void aCompatibleChangePasses(@TempDir Path copy) throws IOException {
        copyRegistry(copy);
        var command = copy.resolve("marketing/CreateCustomer.v1.schema.json");
        // A new optional field in a closed content model: the consumer, upgraded first, reads old messages.
        Files.writeString(command, withOptionalLocale(Files.readString(command), "\"customerSince\": {"));

        var registry = SchemaRegistry.fromDirectory(copy);
        var subject = registry.subject("marketing.CreateCustomer.v1").orElseThrow();

        assertThat(registry.versions(subject)).hasSize(4);
        assertThat(CompatibilityGate.check(registry)).isEmpty();
    }

    @Test
    void anOptionalFieldAddedToAnEventIsRefusedBecauseConsumersOnTheEarlierVersionWouldRejectIt(@TempDir Path copy)
            throws IOException {
        copyRegistry(copy);
        var event = copy.resolve("webstore/CustomerRegistered.v2.schema.json");
        Files.writeString(event, withOptionalLocale(Files.readString(event), "\"registeredAt\": {"));

        var failures = CompatibilityGate.check(SchemaRegistry.fromDirectory(copy));

        // Backward it would pass (new readers read old messages); forward, version 1's closed schema refuses it.
        assertThat(failures)
                .singleElement()
                .asString()
                .startsWith("webstore.CustomerRegistered.v2 (FULL_TRANSITIVE): version 1 cannot read what version 2"
                        + " (unregistered current schema webstore/CustomerRegistered.v2.schema.json) allows, at field"
                        + " 'locale': PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL")
                .endsWith("or publish it as a new major version (a new subject).");
    }

    @Test
    void anAnnotationOnlyChangeToAnEventPasses(@TempDir Path copy) throws IOException {
        copyRegistry(copy);
        var event = copy.resolve("webstore/CustomerRegistered.v2.schema.json");
        Files.writeString(
                event,
                Files.readString(event)
                        .replace(
                                "\"description\": \"When the registration was stored (UTC, ISO-8601).\"",
                                "\"description\": \"When the Web Store stored the registration (UTC, ISO-8601).\""));

        var registry = SchemaRegistry.fromDirectory(copy);

        assertThat(registry.versions(
                        registry.subject("webstore.CustomerRegistered.v2").orElseThrow()))
                .hasSize(2);
        assertThat(CompatibilityGate.check(registry)).isEmpty();
    }

    @Test
    void removingARequiredFieldFromACommandFails(@TempDir Path copy) throws IOException {
        copyRegistry(copy);
        var command = copy.resolve("marketing/CreateCustomer.v1.schema.json");
        var text = Files.readString(command);
        Files.writeString(
                command,
                text.replace("\"customerSince\",\n", "").replaceFirst("(?s),\\s*\"customerSince\": \\{.*?\\}", ""));

        var failures = CompatibilityGate.check(SchemaRegistry.fromDirectory(copy));

        assertThat(failures).isNotEmpty();
        assertThat(failures)
                .allSatisfy(
                        f -> assertThat(f).startsWith("marketing.CreateCustomer.v1 (BACKWARD_TRANSITIVE): version 4"))
                .anySatisfy(f -> assertThat(f)
                        .contains("cannot read what version 1 allowed")
                        .contains("field 'customerSince'")
                        .contains("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL"));
    }

    @Test
    void aRegisteredVersionCannotBeEditedInPlace(@TempDir Path copy) throws IOException {
        copyRegistry(copy);
        var snapshot = copy.resolve("registry/marketing.CreateCustomer.v1/2.schema.json");
        Files.writeString(snapshot, Files.readString(snapshot).replace("\"maxLength\": 254", "\"maxLength\": 300"));

        assertThat(CompatibilityGate.check(SchemaRegistry.fromDirectory(copy)))
                .anySatisfy(f -> assertThat(f)
                        .startsWith("marketing.CreateCustomer.v1: registry/marketing.CreateCustomer.v1/2.schema.json"
                                + " was changed after it was registered"));
    }

    @Test
    void everySubjectMustBeBackwardCompatibleTransitively(@TempDir Path copy) throws IOException {
        copyRegistry(copy);
        var index = copy.resolve("registry.json");
        var fullTransitive = Files.readString(index).split("\"FULL_TRANSITIVE\"", -1).length - 1;
        Files.writeString(index, Files.readString(index).replace("\"FULL_TRANSITIVE\"", "\"FORWARD\""));

        // One finding per subject that was FULL_TRANSITIVE: the events (the Web Store's, the saga's replies).
        assertThat(CompatibilityGate.check(SchemaRegistry.fromDirectory(copy)))
                .hasSize(fullTransitive)
                .anySatisfy(f -> assertThat(f)
                        .startsWith("webstore.CustomerRegistered.v1: mode FORWARD does not fit kind EVENT; it"
                                + " must be FULL_TRANSITIVE"))
                .anySatisfy(f -> assertThat(f)
                        .startsWith("webstore.CustomerRegistered.v2: mode FORWARD does not fit kind EVENT; it"
                                + " must be FULL_TRANSITIVE")
                        .contains("a replayed dead letter"));
    }

    /** Seed 004: FORWARD for producer-initiated changes (events), BACKWARD for consumer-initiated ones. */
    @ParameterizedTest(name = "{0} with {1}: accepted {2}")
    @CsvSource({
        "webstore.CustomerRegistered.v2, FULL_TRANSITIVE,     true",
        "webstore.CustomerRegistered.v2, FORWARD_TRANSITIVE,  false",
        "webstore.CustomerRegistered.v2, BACKWARD_TRANSITIVE, false",
        "webstore.CustomerRegistered.v2, FULL,                false",
        "webstore.CustomerRegistered.v2, NONE,                false",
        "marketing.CreateCustomer.v1,    BACKWARD_TRANSITIVE, true",
        "marketing.CreateCustomer.v1,    FULL_TRANSITIVE,     true",
        "marketing.CreateCustomer.v1,    FORWARD_TRANSITIVE,  false",
        "marketing.CreateCustomer.v1,    BACKWARD,            false",
        "marketing.CreateCustomer.v1,    NONE,                false",
        "operations.MessageHandled.v1,   BACKWARD_TRANSITIVE, true",
        "operations.MessageHandled.v1,   FULL_TRANSITIVE,     true",
        "operations.MessageHandled.v1,   FORWARD_TRANSITIVE,  false",
    })
    void aSubjectsModeMustFitItsKind(String subject, String mode, boolean accepted, @TempDir Path copy)
            throws IOException {
        copyRegistry(copy);
        setField(copy, subject, "compatibility", mode);

        // Only the registry's own rule; a stronger mode may also find breaks in the subject's history.
        var refusals = CompatibilityGate.check(SchemaRegistry.fromDirectory(copy)).stream()
                .filter(f -> f.startsWith(subject + ": mode "))
                .toList();

        if (accepted) {
            assertThat(refusals).isEmpty();
        } else {
            assertThat(refusals)
                    .singleElement()
                    .asString()
                    .startsWith(subject + ": mode " + mode + " does not fit kind ")
                    .contains("; it must be ");
        }
    }

    @Test
    void aCommandWithAForwardModeIsRefusedSayingWhy(@TempDir Path copy) throws IOException {
        copyRegistry(copy);
        setField(copy, "marketing.CreateCustomer.v1", "compatibility", "FORWARD_TRANSITIVE");

        assertThat(CompatibilityGate.check(SchemaRegistry.fromDirectory(copy)))
                .contains("marketing.CreateCustomer.v1: mode FORWARD_TRANSITIVE does not fit kind COMMAND;"
                        + " it must be BACKWARD_TRANSITIVE or FULL_TRANSITIVE, because a command belongs to"
                        + " the consumer it instructs, which changes it first: its current schema must read every"
                        + " version ever sent, a replayed dead letter included (BACKWARD, against every version).");
    }

    @Test
    void aSubjectMustStateItsKind(@TempDir Path copy) throws IOException {
        copyRegistry(copy);
        setField(copy, "operations.MessageHandled.v1", "kind", "REPORT");

        assertThat(CompatibilityGate.check(SchemaRegistry.fromDirectory(copy)))
                .singleElement()
                .asString()
                .startsWith("operations.MessageHandled.v1: kind must be one of [EVENT, COMMAND, NOTE], not 'REPORT'");
    }

    @Test
    void aRegisteredVersionThatBreaksItsPredecessorFails(@TempDir Path copy) throws IOException {
        copyRegistry(copy);
        var snapshot = copy.resolve("registry/marketing.CreateCustomer.v1/2.schema.json");
        Files.writeString(snapshot, Files.readString(snapshot).replace("\"maxLength\": 254", "\"maxLength\": 100"));

        var failures = CompatibilityGate.check(SchemaRegistry.fromDirectory(copy));

        assertThat(failures)
                .anySatisfy(f -> assertThat(f).contains("was changed after it was registered"))
                .anySatisfy(f -> assertThat(f)
                        .startsWith(
                                "marketing.CreateCustomer.v1 (BACKWARD_TRANSITIVE): version 2"
                                        + " (registry/marketing.CreateCustomer.v1/2.schema.json) cannot read what version 1 allowed")
                        .contains("field 'email'")
                        .contains("MAX_LENGTH_DECREASED"));
    }

    @Test
    void aSubjectMustFollowTheNamingRules(@TempDir Path copy) throws IOException {
        copyRegistry(copy);
        var index = copy.resolve("registry.json");
        Files.writeString(
                index, Files.readString(index).replace("\"lifecycle\": \"DEPRECATED\"", "\"lifecycle\": \"SUNSET\""));

        assertThat(CompatibilityGate.check(SchemaRegistry.fromDirectory(copy)))
                .singleElement()
                .asString()
                .contains("webstore.CustomerRegistered.v1: lifecycle must be one of");
    }

    private static String withOptionalLocale(String schema, String beforeProperty) {
        assertThat(schema).contains(beforeProperty);
        return schema.replace(
                beforeProperty,
                "\"locale\": {\"description\": \"Preferred language.\", \"type\": \"string\"},\n    " + beforeProperty);
    }

    /** Sets one field of one subject in the copy's registry.json, leaving the rest as it was. */
    private static void setField(Path copy, String subject, String field, String value) throws IOException {
        var index = copy.resolve("registry.json");
        JsonObject registry;
        try (var reader = Json.createReader(new StringReader(Files.readString(index)))) {
            registry = reader.readObject();
        }
        var subjects = Json.createArrayBuilder();
        for (var entry : registry.getJsonArray("subjects").getValuesAs(JsonObject.class)) {
            subjects.add(
                    subject.equals(entry.getString("subject"))
                            ? Json.createObjectBuilder(entry).add(field, value)
                            : Json.createObjectBuilder(entry));
        }
        assertThat(registry.getJsonArray("subjects").toString()).contains("\"" + subject + "\"");
        Files.writeString(
                index,
                Json.createObjectBuilder(registry)
                        .add("subjects", subjects)
                        .build()
                        .toString());
    }

    private static void copyRegistry(Path target) throws IOException {
        try (var files = Files.walk(SCHEMAS)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var destination = target.resolve(SCHEMAS.relativize(file).toString());
                Files.createDirectories(destination.getParent());
                Files.copy(file, destination);
            }
        }
    }
}
