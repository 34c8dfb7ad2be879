package org.switchboard.brokerconfig;

import java.util.Arrays;
import java.util.List;

/**
 * A permission of a WildFly {@code security-setting} role and what it grants on a standalone broker,
 * as WildFly's embedded broker grants it: browsing comes with {@code consume} (WildFly has no browse
 * flag of its own, docs/adr/0010-broker-identities.md), creating or deleting an address with creating
 * or deleting a queue. Artemis checks those separately: without {@code createAddress} a shared durable
 * subscription is refused even on an existing topic (AMQ229213, seen in cluster mode).
 */
public enum Permission {
    SEND("send", List.of("send")),
    CONSUME("consume", List.of("consume", "browse")),
    CREATE_DURABLE_QUEUE("create-durable-queue", List.of("createDurableQueue", "createAddress")),
    DELETE_DURABLE_QUEUE("delete-durable-queue", List.of("deleteDurableQueue", "deleteAddress")),
    CREATE_NON_DURABLE_QUEUE("create-non-durable-queue", List.of("createNonDurableQueue", "createAddress")),
    DELETE_NON_DURABLE_QUEUE("delete-non-durable-queue", List.of("deleteNonDurableQueue", "deleteAddress")),
    MANAGE("manage", List.of("manage"));

    private final String cliName;
    private final List<String> brokerTypes;

    Permission(String cliName, List<String> brokerTypes) {
        this.cliName = cliName;
        this.brokerTypes = brokerTypes;
    }

    public String cliName() {
        return cliName;
    }

    /** The {@code <permission type="...">} values in broker.xml. */
    public List<String> brokerTypes() {
        return brokerTypes;
    }

    public static Permission ofCli(String name) {
        return Arrays.stream(values())
                .filter(p -> p.cliName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown security-setting permission: " + name));
    }
}
