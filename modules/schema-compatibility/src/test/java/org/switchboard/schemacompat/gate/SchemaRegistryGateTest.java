package org.switchboard.schemacompat.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.messaging.schema.SchemaRegistry;

/**
 * The compatibility gate of the build: {@code schema/} as checked in must pass, and the gate must
 * stop the changes it exists to stop, with a message naming the subject, the versions and the field.
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

        assertThat(failures)
                .singleElement()
                .asString()
                .startsWith(
                        "webstore.CustomerRegistered.v2 (BACKWARD_TRANSITIVE): version 2 (unregistered current schema"
                                + " webstore/CustomerRegistered.v2.schema.json) cannot read what version 1 allowed")
                .contains("at field 'marketingConsent'")
                .contains("TYPE_CHANGED")
                .contains("new major version");
    }

    @Test
    void aCompatibleChangePasses(@TempDir Path copy) throws IOException {
        copyRegistry(copy);
        var v2 = copy.resolve("webstore/CustomerRegistered.v2.schema.json");
        // A new optional field in a closed content model: readers of the new version read old messages.
        Files.writeString(
                v2,
                Files.readString(v2)
                        .replace(
                                "\"registeredAt\": {",
                                "\"locale\": {\"description\": \"Preferred language.\", \"type\": \"string\"},\n    \"registeredAt\": {"));

        var registry = SchemaRegistry.fromDirectory(copy);
        var subject = registry.subject("webstore.CustomerRegistered.v2").orElseThrow();

        assertThat(registry.versions(subject)).hasSize(2);
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
        Files.writeString(index, Files.readString(index).replace("\"FULL_TRANSITIVE\"", "\"FORWARD\""));

        assertThat(CompatibilityGate.check(SchemaRegistry.fromDirectory(copy)))
                .singleElement()
                .asString()
                .startsWith("webstore.CustomerRegistered.v1: mode FORWARD is below the floor");
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
