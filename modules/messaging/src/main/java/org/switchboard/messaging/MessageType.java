package org.switchboard.messaging;

import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.contracts.Message;

/**
 * The logical type and schema major version of a contract record, read once from its
 * {@code TYPE} and {@code VERSION} constants.
 */
public record MessageType(String name, int version) {

    private static final Map<Class<?>, MessageType> KNOWN = new ConcurrentHashMap<>();

    public static MessageType of(Class<? extends Message> contract) {
        return KNOWN.computeIfAbsent(contract, MessageType::read);
    }

    private static MessageType read(Class<?> contract) {
        try {
            var type = contract.getField("TYPE");
            var version = contract.getField("VERSION");
            if (!Modifier.isStatic(type.getModifiers()) || !Modifier.isStatic(version.getModifiers())) {
                throw new IllegalArgumentException(contract + ": TYPE and VERSION must be static");
            }
            return new MessageType((String) type.get(null), version.getInt(null));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(contract + " is not a contract: it needs TYPE and VERSION constants", e);
        }
    }

    @Override
    public String toString() {
        return name + " v" + version;
    }
}
