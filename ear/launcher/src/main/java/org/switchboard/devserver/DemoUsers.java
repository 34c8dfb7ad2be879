package org.switchboard.devserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo users of the run command and the tests, written into a server's ApplicationRealm
 * property files ({@code application-users.properties}, {@code application-roles.properties})
 * just before it starts — never at provisioning, so the provisioned server and the container image
 * have none. Each line is what WildFly's add-user.sh writes: HEX(MD5(user:ApplicationRealm:password)).
 */
public final class DemoUsers {

    /** user → password, roles. The passwords are public: demo only. */
    public record User(String password, String roles) {}

    public static final Map<String, User> USERS = users();

    private DemoUsers() {}

    private static Map<String, User> users() {
        var users = new LinkedHashMap<String, User>();
        users.put("viewer", new User("viewer-demo", "viewer"));
        users.put("operator", new User("operator-demo", "operator,viewer"));
        users.put("operator2", new User("operator2-demo", "operator,viewer"));
        users.put("approver", new User("approver-demo", "approver,viewer"));
        users.put("lead", new User("lead-demo", "operator,approver,viewer"));
        // Personal data: the Web Store's customers for staff, Marketing's contacts for marketing.
        users.put("staff", new User("staff-demo", "staff"));
        users.put("marketing", new User("marketing-demo", "marketing"));
        users.put("customer", new User("customer-demo", "customer"));
        return Map.copyOf(users);
    }

    /** Adds (or replaces) the demo users in the configuration directory's ApplicationRealm files. */
    public static void install(Path configuration) throws IOException {
        var usersFile = configuration.resolve("application-users.properties");
        var rolesFile = configuration.resolve("application-roles.properties");
        var userLines = new StringBuilder(Files.exists(usersFile) ? without(Files.readString(usersFile)) : "");
        var roleLines = new StringBuilder(Files.exists(rolesFile) ? without(Files.readString(rolesFile)) : "");
        userLines.append("# Switchboard demo users (run command and tests only)\n");
        roleLines.append("# Switchboard demo users (run command and tests only)\n");
        for (var user : new java.util.TreeMap<>(USERS).entrySet()) {
            userLines
                    .append(user.getKey())
                    .append('=')
                    .append(hash(user.getKey(), user.getValue().password()))
                    .append('\n');
            roleLines
                    .append(user.getKey())
                    .append('=')
                    .append(user.getValue().roles())
                    .append('\n');
        }
        Files.writeString(usersFile, userLines.toString());
        Files.writeString(rolesFile, roleLines.toString());

        // A management user, so jconsole or any JMX client can connect over the management port.
        var management = configuration.resolve("mgmt-users.properties");
        var managementLines = new StringBuilder(
                Files.exists(management) ? without(Files.readString(management), MANAGEMENT_USER) : "");
        managementLines
                .append("# Switchboard demo user (run command and tests only)\n")
                .append(MANAGEMENT_USER)
                .append('=')
                .append(hash(MANAGEMENT_USER, "ManagementRealm", MANAGEMENT_PASSWORD))
                .append('\n');
        Files.writeString(management, managementLines.toString());
    }

    /** The management (JMX, console, CLI) demo user. */
    public static final String MANAGEMENT_USER = "admin";

    public static final String MANAGEMENT_PASSWORD = "admin-demo";

    /** Takes the demo users out again, so a provisioned server that ran the tests is clean. */
    public static void uninstall(Path configuration) throws IOException {
        for (var file : List.of("application-users.properties", "application-roles.properties")) {
            var path = configuration.resolve(file);
            if (Files.exists(path)) {
                Files.writeString(path, without(Files.readString(path)));
            }
        }
        var management = configuration.resolve("mgmt-users.properties");
        if (Files.exists(management)) {
            Files.writeString(management, without(Files.readString(management), MANAGEMENT_USER));
        }
    }

    private static String without(String properties) {
        return without(properties, null);
    }

    private static String without(String properties, String alsoDrop) {
        var kept = new StringBuilder();
        for (var line : properties.split("\n", -1)) {
            var name = line.contains("=") ? line.substring(0, line.indexOf('=')).strip() : "";
            if (!USERS.containsKey(name)
                    && !name.equals(alsoDrop)
                    && !line.startsWith("# Switchboard demo user")
                    && !line.isEmpty()) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    private static String hash(String user, String password) {
        return hash(user, "ApplicationRealm", password);
    }

    private static String hash(String user, String realm, String password) {
        try {
            var md5 = MessageDigest.getInstance("MD5")
                    .digest((user + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
