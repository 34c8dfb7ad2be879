package org.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.contracts.Message;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.contracts.operations.MessageHandled;
import org.switchboard.contracts.webstore.CustomerRegistered;
import org.switchboard.contracts.webstore.CustomerRegisteredV2;
import org.switchboard.messaging.schema.MessageSchemas;
import org.switchboard.messaging.schema.SchemaRegistry;

/**
 * The contract records and the JSON Schemas in {@code schema/} agree: every record has exactly one
 * registry subject and its schema file where the naming rule puts it, the same top-level fields,
 * a description for each, examples that read as the record, and records that serialize to JSON
 * the schema accepts.
 */
class ContractSchemasTest {

    static final Path SCHEMAS = Path.of("../../schema");
    static final SchemaRegistry REGISTRY = SchemaRegistry.fromDirectory(SCHEMAS);
    static final MessageSchemas VALIDATOR = new MessageSchemas(REGISTRY);

    /** Every message that crosses a context boundary. A new contract is added here and in the registry. */
    static final List<Class<? extends Message>> CONTRACTS = List.of(
            CustomerRegistered.class,
            CustomerRegisteredV2.class,
            CreateCustomer.class,
            MessageHandled.class,
            org.switchboard.contracts.inventory.ReserveStock.class,
            org.switchboard.contracts.inventory.ReleaseStock.class,
            org.switchboard.contracts.inventory.StockReserved.class,
            org.switchboard.contracts.inventory.StockUnavailable.class,
            org.switchboard.contracts.payments.AuthorisePayment.class,
            org.switchboard.contracts.payments.RefundPayment.class,
            org.switchboard.contracts.payments.PaymentAuthorised.class,
            org.switchboard.contracts.payments.PaymentDeclined.class,
            org.switchboard.contracts.payments.ProviderNotification.class,
            org.switchboard.contracts.shipping.ArrangeShipment.class,
            org.switchboard.contracts.shipping.ShipmentArranged.class,
            org.switchboard.contracts.shipping.ShipmentFailed.class,
            org.switchboard.contracts.ordering.SagaTimeout.class,
            org.switchboard.contracts.ordering.RedriveSaga.class,
            org.switchboard.contracts.ordering.ReturnRequested.class,
            org.switchboard.contracts.ordering.OrderConfirmed.class,
            org.switchboard.contracts.ordering.OrderCancelled.class,
            org.switchboard.contracts.inventory.StockRestocked.class,
            org.switchboard.contracts.inventory.RestockReversed.class,
            org.switchboard.contracts.payments.ReturnRefunded.class,
            org.switchboard.contracts.payments.ReturnRefundFailed.class);

    static Stream<Class<? extends Message>> contracts() {
        return CONTRACTS.stream();
    }

    @Test
    void everyRegistrySubjectHasItsContractRecord() {
        var types = CONTRACTS.stream().map(MessageType::of).toList();
        assertThat(REGISTRY.subjects())
                .allSatisfy(subject -> assertThat(types)
                        .as("contract record for subject %s", subject.name())
                        .contains(new MessageType(subject.messageType(), subject.majorVersion())));
        assertThat(REGISTRY.subjects()).hasSameSizeAs(CONTRACTS);
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void recordAndSchemaHaveTheSameFields(Class<? extends Message> contract) {
        var type = MessageType.of(contract);
        var subject = REGISTRY.subject(type.name(), type.version()).orElseThrow();
        var context = type.name().substring(0, type.name().indexOf('.'));
        var messageName = type.name().substring(type.name().indexOf('.') + 1);
        assertThat(subject.current()).isEqualTo(context + "/" + messageName + ".v" + type.version() + ".schema.json");
        assertThat(subject.name()).isEqualTo(type.name() + ".v" + type.version());

        var schema = REGISTRY.current(subject);
        assertThat(schema.getString("$id")).endsWith("/" + subject.current());
        var fields = Arrays.stream(contract.getRecordComponents())
                .map(c -> c.getName())
                .toList();
        assertThat(schema.getJsonObject("properties").keySet()).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(strings(schema, "required"))
                .isSubsetOf(fields)
                .contains("messageId", "correlationId", "causationId");
        assertThat(schema.getBoolean("additionalProperties", true))
                .as("closed content model")
                .isFalse();
        schema.getJsonObject("properties")
                .forEach((field, definition) -> assertThat(
                                definition.asJsonObject().getString("description", ""))
                        .as("description of %s.%s", messageName, field)
                        .isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void examplesReadAsTheRecordAndTheRecordWritesValidJson(Class<? extends Message> contract) {
        var type = MessageType.of(contract);
        var schema =
                REGISTRY.current(REGISTRY.subject(type.name(), type.version()).orElseThrow());
        var examples = schema.getJsonArray("examples").getValuesAs(JsonObject.class);
        assertThat(examples).as("examples of %s", type).isNotEmpty();
        for (var example : examples) {
            assertThat(VALIDATOR.validate(type, example.toString()))
                    .as("example of %s", type)
                    .isEmpty();
            var message = JsonMessages.fromJson(example.toString(), contract);
            assertThat(message.messageId()).isNotNull();

            var written = JsonMessages.toJson(message);
            assertThat(VALIDATOR.validate(type, written))
                    .as("%s as written by JSON-B", type)
                    .isEmpty();
            // Field for field, nested ones included: a record field with another name would be lost here.
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(written))) {
                assertThat(reader.readObject())
                        .as("%s read and written back", type)
                        .isEqualTo(example);
            }
        }
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
