package org.switchboard.devserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The broker's users (BrokerRealm, docs/adr/0010-broker-identities.md) for the run command and the
 * tests, written into {@code broker-users.properties} / {@code broker-roles.properties} just before
 * the server starts. The four contexts get a fresh random password at every start, handed to the
 * server as {@code switchboard.broker.<context>.password}; the demo partner's password is public.
 */
public final class BrokerIdentities {

    /** The identities the contexts connect as; each is also its role. */
    public static final List<String> CONTEXTS = List.of(
            "webstore",
            "integration",
            "marketing",
            "operations",
            "ordering",
            "inventory",
            "payments",
            "shipping",
            "partners");

    /** A partner system that may send commands to partner.inbound and nothing else (run and tests only). */
    public static final String PARTNER = "partner";

    public static final String PARTNER_PASSWORD = "partner-demo";

    /** A broker user without any role: it may log in and do nothing (tests only). */
    public static final String NOBODY = "nobody";

    public static final String NOBODY_PASSWORD = "nobody-demo";

    private static final String REALM = "BrokerRealm";

    private static final SecureRandom RANDOM = new SecureRandom();

    private BrokerIdentities() {}

    /**
     * Writes the broker users into the configuration directory; returns the system properties
     * that give the contexts' connection factories their passwords.
     */
    public static Map<String, String> install(Path configuration) throws IOException {
        var properties = generate();
        install(configuration, properties);
        return properties;
    }

    /**
     * Fresh random passwords for the contexts, as the system properties that give their connection
     * factories their passwords ({@code switchboard.broker.<context>.password}).
     */
    public static Map<String, String> generate() {
        var properties = new LinkedHashMap<String, String>();
        for (var context : CONTEXTS) {
            properties.put(property(context), randomPassword());
        }
        return properties;
    }

    /** A long random password (cluster mode's brokers use one between themselves). */
    public static String randomPassword() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes the broker users with the given passwords into a WildFly configuration directory. */
    public static void install(Path configuration, Map<String, String> properties) throws IOException {
        var users = new StringBuilder("# Written by the Switchboard launcher at start (run command and tests only)\n"
                + "#$REALM_NAME=" + REALM + "$\n");
        var roles = new StringBuilder("# Written by the Switchboard launcher at start (run command and tests only)\n");
        for (var context : CONTEXTS) {
            users.append(context)
                    .append('=')
                    .append(hash(context, properties.get(property(context))))
                    .append('\n');
            roles.append(context).append('=').append(context).append('\n');
        }
        users.append(PARTNER)
                .append('=')
                .append(hash(PARTNER, PARTNER_PASSWORD))
                .append('\n');
        roles.append(PARTNER).append('=').append(PARTNER).append('\n');
        users.append(NOBODY).append('=').append(hash(NOBODY, NOBODY_PASSWORD)).append('\n');
        Files.writeString(configuration.resolve("broker-users.properties"), users.toString());
        Files.writeString(configuration.resolve("broker-roles.properties"), roles.toString());
    }

    /**
     * The same users for a standalone Artemis broker (cluster mode): its JAAS properties login module
     * reads {@code artemis-users.properties} (user=password) and {@code artemis-roles.properties}
     * (role=users) from the instance's etc directory, and reloads them when they change.
     */
    public static void installForArtemis(Path etc, Map<String, String> properties) throws IOException {
        var users = new StringBuilder("# Written by the Switchboard cluster launcher at start\n");
        var roles = new StringBuilder("# Written by the Switchboard cluster launcher at start\n");
        for (var context : CONTEXTS) {
            users.append(context)
                    .append('=')
                    .append(properties.get(property(context)))
                    .append('\n');
            roles.append(context).append('=').append(context).append('\n');
        }
        users.append(PARTNER).append('=').append(PARTNER_PASSWORD).append('\n');
        roles.append(PARTNER).append('=').append(PARTNER).append('\n');
        users.append(NOBODY).append('=').append(NOBODY_PASSWORD).append('\n');
        Files.writeString(etc.resolve("artemis-users.properties"), users.toString());
        Files.writeString(etc.resolve("artemis-roles.properties"), roles.toString());
    }

    private static String property(String context) {
        return "switchboard.broker." + context + ".password";
    }

    /** Empties the broker's realm files again, as provisioned. */
    public static void uninstall(Path configuration) throws IOException {
        Files.writeString(
                configuration.resolve("broker-users.properties"),
                "# The broker's users (BrokerRealm); empty as provisioned.\n#$REALM_NAME=" + REALM + "$\n");
        Files.writeString(
                configuration.resolve("broker-roles.properties"),
                "# The broker's users' roles (BrokerRealm); empty as provisioned.\n");
    }

    private static String hash(String user, String password) {
        try {
            var md5 = MessageDigest.getInstance("MD5")
                    .digest((user + ":" + REALM + ":" + password).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
