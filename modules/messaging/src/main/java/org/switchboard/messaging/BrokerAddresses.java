package org.switchboard.messaging;

import jakarta.jms.Queue;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import javax.management.JMException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.switchboard.messaging.management.ManagedBrokers;

/**
 * What the broker says about its addresses, read from the serving broker's management (in-process
 * for the embedded broker, over JMX in cluster mode: {@link ManagedBrokers}): the address settings
 * in force (where dead letters and expired messages go), and the JMS queue behind a core queue name.
 * WildFly puts a JMS queue {@code X} on core address {@code jms.queue.X} and binds it at
 * {@code java:/jms/queue/X} (jms-config/messaging.cli does so for all of Switchboard's).
 */
public final class BrokerAddresses {

    // Looked up once: each Json.createX looks the provider up through ServiceLoader, which under load
    // serialises threads on the class loader's jar files (docs/benchmarks/registration-open-model.md).
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Where an address's dead letters and expired messages go; null when none is configured. */
    public record Routes(String deadLetterAddress, String expiryAddress) {}

    private static final String QUEUE_PREFIX = "jms.queue.";

    private BrokerAddresses() {}

    /** Where the address settings in force for a core address send dead letters and expired messages. */
    public static Routes routes(String address) {
        var settings = settings(address);
        return new Routes(
                blankToNull(settings.getString("deadLetterAddress", "")),
                blankToNull(settings.getString("expiryAddress", "")));
    }

    /**
     * How many messages of a queue on this address the broker scans per management listing
     * ({@code management-browse-page-size}, 200 unless set; WildFly's address settings do not expose it).
     */
    public static int browsePageSize(String address) {
        return settings(address).getInt("managementBrowsePageSize", 200);
    }

    /** The address settings in force for a core address (Artemis' {@code getAddressSettingsAsJSON}). */
    private static JsonObject settings(String address) {
        var broker = ManagedBrokers.serving();
        try {
            var json = (String) broker.connection()
                    .invoke(broker.server(), "getAddressSettingsAsJSON", new Object[] {address}, new String[] {
                        String.class.getName()
                    });
            try (var reader = JSON.createReader(new StringReader(json))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            broker.lost(e);
            throw new IllegalStateException("Cannot read the address settings of " + address + " on " + broker, e);
        } catch (JMException e) {
            throw new IllegalStateException("Cannot read the address settings of " + address, e);
        }
    }

    /** The JMS queue on a core address or queue {@code jms.queue.<name>}. */
    public static Queue queue(String coreName) {
        if (coreName == null || !coreName.startsWith(QUEUE_PREFIX) || coreName.length() == QUEUE_PREFIX.length()) {
            throw new IllegalArgumentException("Not a JMS queue: " + coreName);
        }
        try {
            return (Queue) new InitialContext().lookup("java:/jms/queue/" + coreName.substring(QUEUE_PREFIX.length()));
        } catch (NamingException | ClassCastException e) {
            throw new IllegalArgumentException("No JMS queue bound for " + coreName, e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
