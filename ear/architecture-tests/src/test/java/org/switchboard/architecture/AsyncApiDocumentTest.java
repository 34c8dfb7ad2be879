package org.switchboard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.messaging.ConsumerInterceptor;
import org.switchboard.messaging.DeadLetters;
import org.switchboard.messaging.Headers;
import org.switchboard.messaging.UnreadableMessageException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Keeps {@code schema/asyncapi.yaml} true to what runs. The document restates facts that live
 * elsewhere — destinations and address settings in {@code jms-config/messaging.cli}, message
 * contracts in {@code schema/registry.json}, subscriptions and selectors in the message-driven
 * beans, dead-letter reasons in {@link UnreadableMessageException.Reason} — and this test fails as
 * soon as any of them changes without the document, or the document stops being valid AsyncAPI
 * 3.0.0 (checked against the official JSON Schema, vendored under {@code src/test/resources/asyncapi}).
 * Each check reports every difference it finds, not just the first, and says which file holds the
 * other side.
 */
class AsyncApiDocumentTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path SCHEMA_DIR = ROOT.resolve("schema");
    static final Path DOCUMENT = SCHEMA_DIR.resolve("asyncapi.yaml");
    static final Path CLI = ROOT.resolve("jms-config/messaging.cli");
    static final Path REGISTRY = SCHEMA_DIR.resolve("registry.json");

    static final String JSON_SCHEMA_2020_12 = "application/schema+json;version=draft-2020-12";
    static final String OFFICIAL_SCHEMA = "/asyncapi/asyncapi-3.0.0.schema.json";
    static final String OFFICIAL_SCHEMA_ID = "http://asyncapi.com/definitions/3.0.0/asyncapi.json";

    static final String DESTINATION = "x-switchboard-destination";
    static final String KIND = "x-switchboard-kind";
    static final String SUBJECT = "x-switchboard-subject";
    static final String CONTEXT = "x-switchboard-context";
    static final String SENDER = "x-switchboard-sender";
    static final String CONSUMER = "x-switchboard-consumer";

    static final Set<String> CONTEXTS = Set.of(
            "webstore",
            "integration",
            "marketing",
            "operations",
            "ordering",
            "inventory",
            "payments",
            "shipping",
            "partners");
    static final Set<String> MESSAGE_KINDS = Set.of("event", "command", "reply", "note", "dead-letter", "expired");
    static final Set<String> DESTINATION_KEYS = Set.of(
            "kind",
            "jndi",
            "coreAddress",
            "durable",
            "deadLetterQueue",
            "subscriptions",
            "permissions",
            "divertedFrom");
    static final Set<String> ACTIVATION_PROPERTIES = Set.of(
            "destinationLookup",
            "destinationType",
            "subscriptionDurability",
            "subscriptionName",
            "shareSubscriptions",
            "messageSelector",
            "maxSession");
    static final Pattern TYPE_SELECTOR = Pattern.compile("^JMSType\\s*=\\s*'([^']*)'$");

    static JsonNode tree;
    static Map<String, Object> document;
    static MessagingCli cli;
    static Map<String, Object> registry;
    static JavaClasses classes;

    @BeforeAll
    static void read() {
        assertThat(DOCUMENT)
                .as("the AsyncAPI document, with the repository root taken as %s (run from its module)", ROOT)
                .exists();
        var yaml = new YAMLMapper();
        var text = readString(DOCUMENT);
        tree = yaml.readTree(text);
        document = map(yaml.readValue(text, LinkedHashMap.class));
        cli = MessagingCli.read(CLI);
        registry = map(new JsonMapper().readValue(readString(REGISTRY), LinkedHashMap.class));
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.switchboard");
    }

    // --- a. destinations ------------------------------------------------------------------------

    @Test
    void everyDestinationInTheCliIsAChannelAndEveryChannelADestination() {
        var problems = new ArrayList<String>();
        var byAddress = new LinkedHashMap<String, String>();
        channels().forEach((id, channel) -> {
            var address = (String) channel.get("address");
            if (address == null) {
                problems.add("channel '" + id + "' has no address");
            } else if (byAddress.put(address, id) != null) {
                problems.add("channels '" + byAddress.get(address) + "' and '" + id + "' share address " + address);
            }
        });

        for (var destination : cli.destinations().values()) {
            var id = byAddress.get(destination.name());
            if (id == null) {
                problems.add("messaging.cli adds jms-" + destination.kind() + " " + destination.name()
                        + ", but no channel has address '" + destination.name() + "'");
                continue;
            }
            var ext = destination(id);
            var where = "channel '" + id + "'";
            expect(problems, where, "kind", destination.kind(), ext.get("kind"));
            expect(problems, where, "coreAddress", destination.coreAddress(), ext.get("coreAddress"));
            if (!List.of(String.valueOf(ext.get("jndi"))).equals(destination.entries())) {
                problems.add("channel '" + id + "': jndi is " + ext.get("jndi") + ", messaging.cli binds "
                        + destination.name() + " to " + destination.entries());
            }
            if (destination.durable() != null) {
                expect(problems, where, "durable", destination.durable(), ext.get("durable"));
            }
        }
        byAddress.forEach((address, id) -> {
            if (!cli.destinations().containsKey(address)) {
                problems.add("channel '" + id + "' has address " + address
                        + ", which messaging.cli does not create (no jms-queue or jms-topic of that name)");
            }
        });
        // A divert is described on the channel it fills: divertedFrom names it, the address it
        // copies from, its filter and whether it takes the original away (exclusive). A channel
        // that several diverts fill lists them all.
        var diverted = new LinkedHashMap<String, String>();
        var described = new LinkedHashMap<String, Map<String, Object>>();
        channels()
                .keySet()
                .forEach(id -> divertsInto(id).forEach(from -> {
                    diverted.put(String.valueOf(from.get("divert")), id);
                    described.put(String.valueOf(from.get("divert")), from);
                }));
        for (var divert : cli.diverts().values()) {
            var id = diverted.remove(divert.name());
            if (id == null) {
                problems.add("messaging.cli adds divert " + divert.name() + " (" + divert.divertAddress() + " -> "
                        + divert.forwardingAddress() + "), but no channel's divertedFrom names it");
                continue;
            }
            var where = "channel '" + id + "' divertedFrom " + divert.name();
            var from = described.get(divert.name());
            expect(
                    problems,
                    where,
                    "forwarding address (coreAddress)",
                    divert.forwardingAddress(),
                    destination(id).get("coreAddress"));
            expect(problems, where, "address", divert.divertAddress(), from.get("address"));
            expect(problems, where, "filter", divert.filter(), from.get("filter"));
            expect(problems, where, "exclusive", divert.exclusive(), Boolean.TRUE.equals(from.get("exclusive")));
        }
        diverted.forEach((name, id) -> problems.add(
                "channel '" + id + "' says divert " + name + " fills it, which messaging.cli does not add"));
        for (var other : cli.otherResources()) {
            problems.add("messaging.cli adds a " + other.resourceType() + " (" + other.name()
                    + "), which the document does not describe and this test cannot compare yet");
        }
        assertNone("Channels in schema/asyncapi.yaml vs destinations in jms-config/messaging.cli", problems);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachChannelSaysWhoMayDoWhatAsMessagingCliGrantsIt() {
        var problems = new ArrayList<String>();
        channels().forEach((id, channel) -> {
            var ext = destination(id);
            var granted = cli.permissionsOn(String.valueOf(ext.get("coreAddress")));
            var documented = new LinkedHashMap<String, java.util.Set<String>>();
            var permissions = (Map<String, List<String>>) ext.getOrDefault("permissions", Map.of());
            permissions.forEach((role, list) -> documented.put(role, new java.util.TreeSet<>(list)));
            if (!documented.equals(granted)) {
                problems.add(
                        "channel '" + id + "': permissions are " + documented + ", messaging.cli grants " + granted);
            }
        });
        assertNone("Permissions in schema/asyncapi.yaml vs security settings in jms-config/messaging.cli", problems);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyContextConnectionFactoryIsDescribedWithItsIdentity() {
        var server = (Map<String, Object>) ((Map<String, Object>) document.get("servers")).get("embeddedArtemis");
        var described = new LinkedHashMap<String, String>();
        for (var factory : (List<Map<String, Object>>) server.get("x-switchboard-connection-factories")) {
            described.put(String.valueOf(factory.get("jndi")), String.valueOf(factory.get("user")));
        }
        var problems = new ArrayList<String>();
        for (var factory : cli.pooledConnectionFactories().values()) {
            for (var jndi : factory.entries()) {
                if (!described.containsKey(jndi)) {
                    problems.add("messaging.cli binds pooled-connection-factory " + factory.name() + " at " + jndi
                            + ", which x-switchboard-connection-factories does not describe");
                } else if (!String.valueOf(factory.user()).equals(described.get(jndi))) {
                    problems.add(jndi + ": the document says user " + described.get(jndi) + ", messaging.cli "
                            + factory.user());
                }
            }
        }
        assertNone("Connection factories in schema/asyncapi.yaml vs jms-config/messaging.cli", problems);
    }

    // --- b. address settings --------------------------------------------------------------------

    @Test
    void eachChannelNamesTheDeadLetterQueueOfItsOwnAddressSetting() {
        var problems = new ArrayList<String>();
        var addresses = channels().values().stream()
                .map(channel -> (String) channel.get("address"))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        for (var id : channels().keySet()) {
            var ext = destination(id);
            unknownKeys(problems, id, DESTINATION, ext, DESTINATION_KEYS);
            var coreAddress = String.valueOf(ext.get("coreAddress"));
            var own = cli.addressSettings().get(coreAddress);
            var deadLetterAddress = own == null
                    ? null
                    : own.value("dead-letter-address")
                            .map(MessagingCli.Value::resolved)
                            .orElse(null);
            var expected = deadLetterAddress == null ? null : deadLetterAddress.replaceFirst("^jms\\.queue\\.", "");
            expect(
                    problems,
                    "channel '" + id + "' (messaging.cli, address-setting " + coreAddress + ")",
                    "deadLetterQueue",
                    expected,
                    ext.get("deadLetterQueue"));
            if (expected != null && !addresses.contains(expected)) {
                problems.add("channel '" + id + "': its dead-letter queue " + expected + " is not a channel");
            }
        }
        assertNone("Dead-letter queues in schema/asyncapi.yaml vs jms-config/messaging.cli", problems);
    }

    /** Where the shared policy sends expired messages, as a JMS queue name. */
    static String expiryQueue() {
        return Optional.ofNullable(cli.addressSettings().get("jms.#"))
                .flatMap(shared -> shared.value("expiry-address"))
                .map(value -> value.resolved().replaceFirst("^jms\\.queue\\.", ""))
                .orElse("(none: messaging.cli's jms.# sets no expiry-address)");
    }

    @Test
    void messagingCliWritesEachAddressSettingValueOnce() {
        var problems = new ArrayList<String>();
        cli.addressSettings()
                .values()
                .forEach(setting -> setting.attributes().forEach((attribute, values) -> {
                    if (values.size() != 1) {
                        problems.add("address-setting " + setting.match() + " " + attribute + " is written "
                                + values.size() + " times: "
                                + values.stream().map(MessagingCli.Value::raw).toList());
                    }
                }));
        var shared = cli.addressSettings().get("jms.#");
        if (shared == null) {
            problems.add("no shared policy: messaging.cli has no address-setting jms.#");
        } else {
            for (var policy : List.of(
                    "redelivery-delay", "redelivery-multiplier", "max-redelivery-delay", "max-delivery-attempts")) {
                cli.addressSettings().values().stream()
                        .filter(setting ->
                                setting != shared && setting.attributes().containsKey(policy))
                        .filter(setting -> !setting.match().startsWith("jms.queue.DLQ.")
                                && !setting.match().equals("jms.queue.ExpiryQueue"))
                        .forEach(setting -> problems.add("address-setting " + setting.match() + " repeats " + policy
                                + ", which the shared jms.# setting holds"));
            }
        }
        assertNone("jms-config/messaging.cli: every fact of configuration once", problems);
    }

    // --- c. messages and the schema registry ----------------------------------------------------

    @Test
    void everyRegistrySubjectIsAMessageWithItsCurrentSchemaAndNoMessageIsUnregistered() {
        var problems = new ArrayList<String>();
        var messages = messages();
        var subjects = new LinkedHashSet<String>();
        for (var entry : list(registry.get("subjects"))) {
            var subject = map(entry);
            var name = (String) subject.get("subject");
            subjects.add(name);
            var matching = messages.entrySet().stream()
                    .filter(message -> name.equals(message.getValue().get(SUBJECT)))
                    .toList();
            if (matching.size() != 1) {
                problems.add("registry subject " + name + " is the " + SUBJECT + " of " + matching.size()
                        + " messages, expected exactly one");
                continue;
            }
            var pointer = matching.get(0).getKey();
            var message = matching.get(0).getValue();
            var payload = map(message.get("payload"));
            expect(problems, pointer, "payload.schemaFormat", JSON_SCHEMA_2020_12, payload.get("schemaFormat"));
            var ref = at(payload, List.of("schema", "$ref"));
            var current = SCHEMA_DIR.resolve((String) subject.get("current")).normalize();
            if (!(ref instanceof String file)
                    || !SCHEMA_DIR.resolve(file).normalize().equals(current)) {
                problems.add(pointer + ": payload.schema.$ref is " + ref + ", but the current schema of " + name
                        + " is " + SCHEMA_DIR.relativize(current) + " (write './" + subject.get("current") + "')");
            }
            expect(problems, pointer, "name", subject.get("messageType"), message.get("name"));
            expect(
                    problems,
                    pointer,
                    "headers JMSType const",
                    subject.get("messageType"),
                    headerConst(message, "JMSType"));
            var version = headerConst(message, Headers.SCHEMA_VERSION);
            if (!sameNumber(String.valueOf(subject.get("majorVersion")), version)) {
                problems.add(pointer + ": headers " + Headers.SCHEMA_VERSION + " const is " + version + ", but " + name
                        + " is major version " + subject.get("majorVersion"));
            }
            var deprecated = "DEPRECATED".equals(subject.get("lifecycle"));
            if (deprecated != Boolean.TRUE.equals(message.get("deprecated"))) {
                problems.add(pointer + ": deprecated is " + message.get("deprecated") + ", but " + name
                        + " has lifecycle " + subject.get("lifecycle"));
            }
        }

        messages.forEach((pointer, message) -> {
            var kind = message.get(KIND);
            var subject = message.get(SUBJECT);
            if (!MESSAGE_KINDS.contains(kind)) {
                problems.add(
                        pointer + ": " + KIND + " is " + kind + ", expected one of " + new TreeSet<>(MESSAGE_KINDS));
            } else if ("event".equals(kind) || "command".equals(kind) || "reply".equals(kind) || "note".equals(kind)) {
                if (subject == null) {
                    problems.add(pointer + " is a contract message (" + kind + ") without " + SUBJECT);
                } else if (!subjects.contains(subject)) {
                    problems.add(pointer + ": " + SUBJECT + " " + subject + " is not in schema/registry.json");
                }
            } else if (subject != null) {
                problems.add(pointer + " is a broker-side copy (" + kind + ") but names registry subject " + subject);
            }
            var payload = map(message.get("payload"));
            var ref =
                    payload.containsKey("schemaFormat") ? at(payload, List.of("schema", "$ref")) : payload.get("$ref");
            if (ref instanceof String file && !file.startsWith("#")) {
                if (!Files.isRegularFile(SCHEMA_DIR.resolve(file.replaceFirst("#.*", "")))) {
                    problems.add(pointer + ": payload schema " + file + " does not exist under schema/");
                }
            }
        });

        // Where each kind of message may travel.
        messages.forEach((pointer, message) -> {
            var carriers = channels().entrySet().stream()
                    .filter(channel -> channelMessagePointers(channel.getKey()).containsValue(pointer))
                    .map(Map.Entry::getKey)
                    .toList();
            if (carriers.isEmpty()) {
                problems.add(pointer + " is on no channel");
            }
            for (var id : carriers) {
                var channelKind = destination(id).get("kind");
                var kind = message.get(KIND);
                // An event travels on a topic, or on a queue that a divert fills from one.
                if ("event".equals(kind) && !"topic".equals(channelKind) && !divertedFromTopic(id)) {
                    problems.add(pointer + " is an event but channel '" + id + "' is a " + channelKind);
                }
                // A reply (a saga participant's answer) goes to the one requester that asked, on its queue.
                if ("reply".equals(kind) && !"queue".equals(channelKind)) {
                    problems.add(pointer + " is a reply but channel '" + id + "' is a " + channelKind);
                }
                if ("command".equals(kind) && !"queue".equals(channelKind)) {
                    problems.add(pointer + " is a command but channel '" + id + "' is a " + channelKind);
                }
                if ("dead-letter".equals(kind) && !isNamedBy(id, "deadLetterQueue")) {
                    problems.add(
                            pointer + " is a dead letter but channel '" + id + "' is no channel's deadLetterQueue");
                }
                if ("expired".equals(kind)
                        && !expiryQueue().equals(channels().get(id).get("address"))) {
                    problems.add(pointer + " is an expired message but channel '" + id + "' is not " + expiryQueue()
                            + ", the expiry address of messaging.cli's shared jms.# setting");
                }
            }
        });
        assertNone("Messages in schema/asyncapi.yaml vs schema/registry.json", problems);
    }

    // --- d. consumers and producers -------------------------------------------------------------

    @Test
    void everyMessageDrivenBeanIsAReceiveOperationWithItsDestinationSubscriptionAndSelector()
            throws ClassNotFoundException {
        var problems = new ArrayList<String>();
        var beans = classes.stream()
                .filter(type -> type.isAnnotatedWith(MessageDriven.class))
                .toList();
        assertThat(beans)
                .as("@MessageDriven classes on the test classpath (the context modules are dependencies of the ear)")
                .isNotEmpty();

        var beanNames = new LinkedHashSet<String>();
        for (var bean : beans) {
            beanNames.add(bean.getName());
            var activation = activation(bean.getName());
            activation.keySet().stream()
                    .filter(property -> !ACTIVATION_PROPERTIES.contains(property))
                    .forEach(property -> problems.add(bean.getSimpleName() + " sets activation property " + property
                            + ", which the document does not describe; add it to " + CONSUMER
                            + " and to AsyncApiDocumentTest"));

            var operations = operations().entrySet().stream()
                    .filter(operation -> "receive".equals(operation.getValue().get("action")))
                    .filter(operation -> bean.getName().equals(at(operation.getValue(), List.of(CONSUMER, "mdb"))))
                    .toList();
            if (operations.size() != 1) {
                problems.add(bean.getName() + " is the " + CONSUMER + ".mdb of " + operations.size()
                        + " receive operations, expected exactly one");
                continue;
            }
            var operationId = operations.get(0).getKey();
            var operation = operations.get(0).getValue();
            var consumer = map(operation.get(CONSUMER));
            var channelId = channelIdOf(operation);
            var ext = destination(channelId);
            var what = "operation '" + operationId + "' (" + bean.getSimpleName() + ")";

            expect(problems, what, "channel jndi", activation.get("destinationLookup"), ext.get("jndi"));
            var kind = switch (String.valueOf(activation.get("destinationType"))) {
                case "jakarta.jms.Topic" -> "topic";
                case "jakarta.jms.Queue" -> "queue";
                default -> "unknown destinationType " + activation.get("destinationType");
            };
            expect(problems, what, "channel kind", kind, ext.get("kind"));
            expect(problems, what, "subscription", activation.get("subscriptionName"), consumer.get("subscription"));
            var durable = "Durable".equalsIgnoreCase(activation.get("subscriptionDurability"));
            var shared = Boolean.parseBoolean(activation.get("shareSubscriptions"));
            expect(problems, what, "durable", durable, Boolean.TRUE.equals(consumer.get("durable")));
            expect(problems, what, "shared", shared, Boolean.TRUE.equals(consumer.get("shared")));
            expect(problems, what, "selector", activation.get("messageSelector"), consumer.get("selector"));
            expect(
                    problems,
                    what,
                    "maxSession",
                    activation.get("maxSession"),
                    consumer.get("maxSession") == null ? null : String.valueOf(consumer.get("maxSession")));
            expect(problems, what, CONTEXT, contextOf(bean.getName()), operation.get(CONTEXT));

            if ("topic".equals(kind)) {
                var subscriptions = list(ext.get("subscriptions")).stream()
                        .map(AsyncApiDocumentTest::map)
                        .filter(subscription ->
                                Objects.equals(subscription.get("name"), activation.get("subscriptionName")))
                        .toList();
                if (subscriptions.size() != 1) {
                    problems.add("channel '" + channelId + "' lists " + subscriptions.size()
                            + " subscriptions named " + activation.get("subscriptionName") + ", expected one (for "
                            + bean.getSimpleName() + ")");
                } else {
                    var subscription = subscriptions.get(0);
                    var where = "channel '" + channelId + "' subscription " + subscription.get("name");
                    expect(
                            problems,
                            where,
                            "selector",
                            activation.get("messageSelector"),
                            subscription.get("selector"));
                    expect(problems, where, "durable", durable, Boolean.TRUE.equals(subscription.get("durable")));
                    expect(problems, where, "shared", shared, Boolean.TRUE.equals(subscription.get("shared")));
                    expect(problems, where, "consumer", bean.getName(), subscription.get("consumer"));
                }
            }

            // Every message the operation lists must get past a selector on JMSType.
            var selector = activation.get("messageSelector");
            var byType = selector == null ? null : TYPE_SELECTOR.matcher(selector.strip());
            if (byType != null && byType.matches()) {
                for (var message : operationMessages(operation).values()) {
                    var type = headerConst(message, "JMSType");
                    if (!byType.group(1).equals(type)) {
                        problems.add(what + " receives a message of JMSType " + type + ", which its selector "
                                + selector + " never lets through");
                    }
                }
            }

            // Every consumer of a business destination notes its deliveries for the journey, through
            // its module's ConsumerInterceptor, which skips the consumer of the notes (notes about
            // notes would never end).
            var intercepted = DefaultInterceptors.of(bean.reflect()).contains(ConsumerInterceptor.class.getName());
            var consumesNotes = ConsumerInterceptor.JOURNEY_QUEUE.equals(activation.get("destinationLookup"));
            var recordsJourney = intercepted && !consumesNotes;
            if (!intercepted) {
                problems.add(
                        bean.getSimpleName() + " must be wrapped by ConsumerInterceptor (its module's ejb-jar.xml)");
            }
            if (recordsJourney) {
                var notes = operations().values().stream()
                        .filter(send -> "send".equals(send.get("action")))
                        .filter(send -> ConsumerInterceptor.class.getName().equals(send.get(SENDER)))
                        .filter(send -> Objects.equals(operation.get(CONTEXT), send.get(CONTEXT)))
                        .filter(send -> ConsumerInterceptor.JOURNEY_QUEUE.equals(
                                destinationOf(send).get("jndi")))
                        .count();
                if (notes != 1) {
                    problems.add(bean.getSimpleName() + " records its journey, so context " + operation.get(CONTEXT)
                            + " needs one send operation by " + ConsumerInterceptor.class.getName() + " on ops.journey;"
                            + " found " + notes);
                }
            }

            // Every intercepted consumer may dead-letter: it needs the matching send operation.
            if (intercepted) {
                var deadLetterQueue = ext.get("deadLetterQueue");
                var sends = operations().values().stream()
                        .filter(send -> "send".equals(send.get("action")))
                        .filter(send -> DeadLetters.class.getName().equals(send.get(SENDER)))
                        .filter(send -> Objects.equals(operation.get(CONTEXT), send.get(CONTEXT)))
                        .filter(send ->
                                Objects.equals(deadLetterQueue, channelOf(send).get("address")))
                        .count();
                if (sends != 1) {
                    problems.add(bean.getSimpleName() + " dead-letters through DeadLetters, so context "
                            + operation.get(CONTEXT)
                            + " needs one send operation by " + DeadLetters.class.getName() + " on "
                            + deadLetterQueue + "; found " + sends);
                }
            }
        }

        operations().forEach((id, operation) -> {
            if ("receive".equals(operation.get("action"))) {
                var mdb = at(operation, List.of(CONSUMER, "mdb"));
                var batch = at(operation, List.of(CONSUMER, "batch"));
                if (batch != null) {
                    // A consumer of its own (a thread that takes batches), not a message-driven bean:
                    // it must exist, name the channel's queue as the one it reads, and be the only
                    // consumer the operation names.
                    if (mdb != null) {
                        problems.add("receive operation '" + id + "' names both " + CONSUMER + ".mdb and .batch");
                    }
                    var reader = classes.stream()
                            .filter(type -> type.getName().equals(batch))
                            .findFirst();
                    var queue = reader.flatMap(type -> type.tryGetField("QUEUE"))
                            .map(field -> {
                                try {
                                    return field.reflect().get(null);
                                } catch (IllegalAccessException e) {
                                    return null;
                                }
                            });
                    if (reader.isEmpty()) {
                        problems.add("receive operation '" + id + "' names " + CONSUMER + ".batch " + batch
                                + ", which is no class");
                    } else if (!Objects.equals(
                            queue.orElse(null),
                            destination(channelIdOf(operation)).get("jndi"))) {
                        problems.add("receive operation '" + id + "': " + batch + ".QUEUE is " + queue.orElse(null)
                                + ", not the channel's "
                                + destination(channelIdOf(operation)).get("jndi"));
                    }
                } else if (!beanNames.contains(mdb)) {
                    problems.add("receive operation '" + id + "' names " + CONSUMER + ".mdb " + mdb
                            + ", which is no @MessageDriven class");
                }
            }
        });
        channels()
                .keySet()
                .forEach(id -> list(destination(id).get("subscriptions")).stream()
                        .map(AsyncApiDocumentTest::map)
                        .filter(subscription -> !beanNames.contains(subscription.get("consumer")))
                        .forEach(subscription -> problems.add("channel '" + id + "' lists subscription "
                                + subscription.get("name") + " of " + subscription.get("consumer")
                                + ", which is no @MessageDriven class")));
        assertNone("Receive operations in schema/asyncapi.yaml vs the @MessageDriven beans", problems);
    }

    @Test
    void everyProducerIsASendOperationOnTheDestinationItLooksUp() {
        var problems = new ArrayList<String>();
        var lookups = new LinkedHashMap<String, Set<String>>();
        for (var type : classes) {
            for (var field : type.getFields()) {
                if (field.isAnnotatedWith(Resource.class)) {
                    var lookup = field.getAnnotationOfType(Resource.class).lookup();
                    if (lookup.startsWith("java:/jms/")) {
                        lookups.computeIfAbsent(type.getName(), name -> new LinkedHashSet<>())
                                .add(lookup);
                    }
                }
            }
        }
        assertThat(lookups)
                .as("classes that look up a JMS destination with @Resource")
                .isNotEmpty();

        lookups.forEach((sender, destinations) -> {
            for (var lookup : destinations) {
                var sends = operations().values().stream()
                        .filter(operation -> "send".equals(operation.get("action")))
                        .filter(operation -> sender.equals(operation.get(SENDER)))
                        .filter(operation ->
                                lookup.equals(destinationOf(operation).get("jndi")))
                        .count();
                if (sends == 0) {
                    problems.add(sender + " looks up " + lookup + ", but no send operation has " + SENDER + " " + sender
                            + " on the channel with that jndi");
                }
            }
        });
        operations().forEach((id, operation) -> {
            if (!"send".equals(operation.get("action"))) {
                return;
            }
            var sender = (String) operation.get(SENDER);
            if (sender == null) {
                problems.add("send operation '" + id + "' has no " + SENDER);
            } else if (classes.stream().noneMatch(type -> type.getName().equals(sender))) {
                problems.add("send operation '" + id + "' names " + SENDER + " " + sender + ", which does not exist");
            } else if (!DeadLetters.class.getName().equals(sender)
                    && !ConsumerInterceptor.class.getName().equals(sender)) {
                var jndi = destinationOf(operation).get("jndi");
                if (!lookups.getOrDefault(sender, Set.of()).contains(jndi)) {
                    problems.add(
                            "send operation '" + id + "': " + sender + " has no @Resource(lookup = \"" + jndi + "\")");
                }
                expect(problems, "send operation '" + id + "'", CONTEXT, contextOf(sender), operation.get(CONTEXT));
            }
        });
        assertNone("Send operations in schema/asyncapi.yaml vs the classes that send", problems);
    }

    // --- e. headers -----------------------------------------------------------------------------

    @Test
    void deadLetterHeadersAreTheOnesDeadLettersSetsAndTheReasonsAreTheEnum() throws IllegalAccessException {
        var problems = new ArrayList<String>();
        var reasons = Arrays.stream(UnreadableMessageException.Reason.values())
                .map(Enum::name)
                .toList();
        var deadLetterHeaders = new LinkedHashSet<String>();
        for (var field : Headers.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && (field.getName().startsWith("DEAD_LETTER_")
                            || field.getName().startsWith("ORIGINAL_"))) {
                deadLetterHeaders.add((String) field.get(null));
            }
        }
        var deadLetters = messages().entrySet().stream()
                .filter(message -> "dead-letter".equals(message.getValue().get(KIND)))
                .toList();
        assertThat(deadLetters).as("messages with %s: dead-letter", KIND).isNotEmpty();
        for (var entry : deadLetters) {
            var properties = map(map(deref(entry.getValue().get("headers"))).get("properties"));
            var documented = list(at(properties, List.of(Headers.DEAD_LETTER_REASON, "enum")));
            if (!new TreeSet<>(documented).equals(new TreeSet<>(reasons)) || documented.size() != reasons.size()) {
                problems.add(entry.getKey() + ": " + Headers.DEAD_LETTER_REASON + " enum is " + documented
                        + ", but UnreadableMessageException.Reason is " + reasons);
            }
            for (var header : deadLetterHeaders) {
                if (!properties.containsKey(header)) {
                    problems.add(entry.getKey() + " does not describe header " + header + " (a constant in Headers)");
                }
            }
            properties.keySet().stream()
                    .filter(header -> header.startsWith("deadLetter") && !deadLetterHeaders.contains(header))
                    .forEach(header -> problems.add(
                            entry.getKey() + " describes header " + header + ", which Headers does not define"));
        }
        assertNone("Dead-letter headers in schema/asyncapi.yaml vs Headers and UnreadableMessageException", problems);
    }

    @Test
    void everyContractMessageDescribesTheStandardHeaders() {
        var problems = new ArrayList<String>();
        var standard = List.of(
                "JMSType",
                "JMSCorrelationID",
                Headers.SCHEMA_VERSION,
                Headers.MESSAGE_ID,
                Headers.CORRELATION_ID,
                Headers.CAUSATION_ID);
        messages().forEach((pointer, message) -> {
            if (message.get(SUBJECT) == null) {
                return;
            }
            var headers = map(deref(message.get("headers")));
            var properties = map(headers.get("properties"));
            var required = list(headers.get("required"));
            for (var header : standard) {
                if (!properties.containsKey(header) || !required.contains(header)) {
                    problems.add(pointer + ": header " + header + " must be a required header property");
                }
            }
            expect(problems, pointer, "contentType", "application/json", message.get("contentType"));
        });
        assertNone("Headers of contract messages in schema/asyncapi.yaml", problems);
    }

    // --- f. structure ---------------------------------------------------------------------------

    @Test
    void documentIsValidAgainstTheOfficialAsyncApi300Schema() {
        var errors = officialSchema().validate(tree);
        assertThat(errors)
                .withFailMessage(() -> "schema/asyncapi.yaml is not valid AsyncAPI 3.0.0 ("
                        + errors.size() + " findings of the official JSON Schema; with oneOf, the line naming the"
                        + " actual field is the one to read):\n  - "
                        + errors.stream().map(Error::toString).collect(Collectors.joining("\n  - ")))
                .isEmpty();
    }

    @Test
    void theOfficialSchemaReallyChecksSomething() {
        // Guards the test above: a schema whose references silently resolve to nothing accepts anything.
        var broken = tree.deepCopy();
        var operation = broken.get("operations").propertyNames().iterator().next();
        ((ObjectNode) broken.get("operations").get(operation)).put("action", "publish");
        ((ObjectNode) broken.get("info")).remove("title");
        var errors = officialSchema().validate(broken);
        assertThat(errors.stream().map(Error::toString).collect(Collectors.joining("\n")))
                .contains("/operations/" + operation + "/action")
                .contains("/info");
    }

    @Test
    void everyReferenceResolvesAndOperationsUseTheirChannelsMessages() {
        var problems = new ArrayList<String>();
        expect(problems, "document", "asyncapi", "3.0.0", document.get("asyncapi"));
        walk(document, "#", (pointer, ref) -> {
            if (ref.startsWith("#")) {
                if (!resolves(ref)) {
                    problems.add(pointer + ": $ref " + ref + " points nowhere in the document");
                }
            } else if (ref.contains("://")) {
                problems.add(pointer + ": $ref " + ref + " is remote; reference files next to the document");
            } else if (!Files.isRegularFile(SCHEMA_DIR.resolve(ref.replaceFirst("#.*", "")))) {
                problems.add(pointer + ": $ref " + ref + " names a file that does not exist under schema/");
            }
        });
        channels().forEach((id, channel) -> {
            if (channel.get("description") == null) {
                problems.add("channel '" + id + "' has no description");
            }
            if (channel.get(DESTINATION) == null) {
                problems.add("channel '" + id + "' has no " + DESTINATION);
            }
        });
        operations().forEach((id, operation) -> {
            var channelRef = String.valueOf(at(operation, List.of("channel", "$ref")));
            if (!channelRef.startsWith("#/channels/")) {
                problems.add("operation '" + id + "': channel $ref " + channelRef + " is not one of #/channels/");
                return;
            }
            for (var message : list(operation.get("messages"))) {
                var ref = String.valueOf(map(message).get("$ref"));
                if (!ref.startsWith(channelRef + "/messages/")) {
                    problems.add("operation '" + id + "': message " + ref + " is not a message of its channel "
                            + channelRef);
                }
            }
            if (list(operation.get("messages")).isEmpty()) {
                problems.add("operation '" + id + "' lists no messages");
            }
            if (operation.get("description") == null) {
                problems.add("operation '" + id + "' has no description");
            }
            if (!CONTEXTS.contains(operation.get(CONTEXT))) {
                problems.add("operation '" + id + "': " + CONTEXT + " is " + operation.get(CONTEXT)
                        + ", expected one of " + new TreeSet<>(CONTEXTS));
            }
        });
        assertNone("References and operations in schema/asyncapi.yaml", problems);
    }

    // --- reading the document -------------------------------------------------------------------

    static Map<String, Map<String, Object>> channels() {
        return entries(document.get("channels"));
    }

    static Map<String, Map<String, Object>> operations() {
        return entries(document.get("operations"));
    }

    /** Every message object, by the pointer operations and channels use for it. */
    static Map<String, Map<String, Object>> messages() {
        var messages = new LinkedHashMap<String, Map<String, Object>>();
        entries(at(document, List.of("components", "messages")))
                .forEach((name, message) -> messages.put("#/components/messages/" + name, message));
        for (var id : channels().keySet()) {
            channelMessagePointers(id).forEach((name, pointer) -> {
                if (pointer.startsWith("#/channels/")) {
                    messages.put(pointer, map(resolve(pointer)));
                }
            });
        }
        return messages;
    }

    /** A channel's messages: key to the pointer of the message object (its $ref, or itself if inline). */
    static Map<String, String> channelMessagePointers(String channelId) {
        var pointers = new LinkedHashMap<String, String>();
        entries(channels().get(channelId).get("messages")).forEach((name, message) -> {
            var ref = message.get("$ref");
            pointers.put(
                    name, ref != null ? (String) ref : "#/channels/" + escape(channelId) + "/messages/" + escape(name));
        });
        return pointers;
    }

    static Map<String, Map<String, Object>> operationMessages(Map<String, Object> operation) {
        var messages = new LinkedHashMap<String, Map<String, Object>>();
        for (var message : list(operation.get("messages"))) {
            var ref = (String) map(message).get("$ref");
            messages.put(ref, map(deref(resolve(ref))));
        }
        return messages;
    }

    /** The const of one header property of a message (its headers may be a $ref). */
    static Object headerConst(Map<String, Object> message, String header) {
        return at(deref(message.get("headers")), List.of("properties", header, "const"));
    }

    static Map<String, Object> destination(String channelId) {
        return map(channels().get(channelId).get(DESTINATION));
    }

    static String channelIdOf(Map<String, Object> operation) {
        var ref = String.valueOf(at(operation, List.of("channel", "$ref")));
        return unescape(ref.substring("#/channels/".length()));
    }

    static Map<String, Object> channelOf(Map<String, Object> operation) {
        return map(channels().get(channelIdOf(operation)));
    }

    static Map<String, Object> destinationOf(Map<String, Object> operation) {
        return destination(channelIdOf(operation));
    }

    static boolean isNamedBy(String channelId, String key) {
        var address = channels().get(channelId).get("address");
        return channels().keySet().stream()
                .anyMatch(id -> Objects.equals(address, destination(id).get(key)));
    }

    static Object resolve(String pointer) {
        Object node = document;
        for (var token : pointer.substring(1).split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            if (!(node instanceof Map<?, ?> object) || !object.containsKey(unescape(token))) {
                return null;
            }
            node = object.get(unescape(token));
        }
        return node;
    }

    static boolean resolves(String pointer) {
        return resolve(pointer) != null;
    }

    /** Follows local $refs until it reaches an object that is not one. */
    static Object deref(Object node) {
        var current = node;
        for (int hops = 0;
                hops < 10
                        && current instanceof Map<?, ?> object
                        && object.get("$ref") instanceof String ref
                        && ref.startsWith("#");
                hops++) {
            current = resolve(ref);
        }
        return current;
    }

    interface RefVisitor {
        void visit(String pointer, String ref);
    }

    static void walk(Object node, String pointer, RefVisitor visitor) {
        if (node instanceof Map<?, ?> object) {
            object.forEach((key, value) -> {
                if ("$ref".equals(key) && value instanceof String ref) {
                    visitor.visit(pointer, ref);
                } else {
                    walk(value, pointer + "/" + escape(String.valueOf(key)), visitor);
                }
            });
        } else if (node instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    static Schema officialSchema() {
        String schema;
        try (var in = AsyncApiDocumentTest.class.getResourceAsStream(OFFICIAL_SCHEMA)) {
            assertThat(in)
                    .as("the vendored AsyncAPI schema %s on the test classpath", OFFICIAL_SCHEMA)
                    .isNotNull();
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Every definition the schema uses is embedded in the file; never go to the network for one.
        var validators = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_7, builder -> builder.schemaLoader(loader -> loader.block(iri -> true)));
        return validators.getSchema(SchemaLocation.of(OFFICIAL_SCHEMA_ID), schema, InputFormat.JSON);
    }

    // --- reading the code -----------------------------------------------------------------------

    static Map<String, String> activation(String beanClass) throws ClassNotFoundException {
        var type = Class.forName(beanClass, false, AsyncApiDocumentTest.class.getClassLoader());
        var properties = new LinkedHashMap<String, String>();
        for (ActivationConfigProperty property :
                type.getAnnotation(MessageDriven.class).activationConfig()) {
            properties.put(property.propertyName(), property.propertyValue());
        }
        return properties;
    }

    /** org.switchboard.&lt;context&gt;.… names its bounded context. */
    static String contextOf(String className) {
        var parts = className.split("\\.");
        return parts.length > 2 && CONTEXTS.contains(parts[2]) ? parts[2] : null;
    }

    // --- small helpers --------------------------------------------------------------------------

    /** Whether a divert fills this channel from a topic's address. */
    static boolean divertedFromTopic(String channelId) {
        return divertsInto(channelId).stream()
                .anyMatch(from -> channels().keySet().stream()
                        .anyMatch(id -> "topic".equals(destination(id).get("kind"))
                                && Objects.equals(
                                        from.get("address"), destination(id).get("coreAddress"))));
    }

    /** The diverts that fill a channel: its divertedFrom, one object or a list of them. */
    static List<Map<String, Object>> divertsInto(String channelId) {
        var from = destination(channelId).get("divertedFrom");
        if (from instanceof List<?> several) {
            return several.stream().map(AsyncApiDocumentTest::map).toList();
        }
        var one = map(from);
        return one.isEmpty() ? List.of() : List.of(one);
    }

    static void expect(List<String> problems, String where, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            problems.add(where + ": " + what + " is " + actual + ", expected " + expected);
        }
    }

    static void unknownKeys(
            List<String> problems, String channelId, String what, Map<String, Object> object, Set<String> known) {
        object.keySet().stream()
                .filter(key -> !known.contains(key))
                .forEach(key -> problems.add("channel '" + channelId + "': " + what + " has unknown key '" + key
                        + "' (known: " + new TreeSet<>(known) + ")"));
    }

    static boolean sameNumber(String expected, Object actual) {
        if (!(actual instanceof Number) && !(actual instanceof String)) {
            return false;
        }
        try {
            return new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static void assertNone(String what, List<String> problems) {
        assertThat(problems)
                .withFailMessage(
                        () -> what + ": " + problems.size() + " finding(s)\n  - " + String.join("\n  - ", problems))
                .isEmpty();
    }

    static Object at(Object node, List<String> path) {
        var current = node;
        for (var key : path) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> object ? (Map<String, Object>) object : Map.of();
    }

    static List<Object> list(Object node) {
        return node instanceof List<?> items ? new ArrayList<>(items) : List.of();
    }

    static Map<String, Map<String, Object>> entries(Object node) {
        var entries = new LinkedHashMap<String, Map<String, Object>>();
        map(node).forEach((key, value) -> entries.put(key, map(value)));
        return entries;
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
