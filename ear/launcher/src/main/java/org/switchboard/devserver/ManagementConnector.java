package org.switchboard.devserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cluster broker's JMX connector for the nodes' Operations, written into the instance at every
 * start (like its users): in {@code management.xml} a connector on the given host (loopback, or the nodes' bridge) whose
 * logins go to a JAAS realm of their own, {@code management}, which knows one user, the management
 * user, with a fresh password; the instance's administrative role ({@code amq}, whose user the
 * launcher does not write) becomes that user's role, so the role-based access of management.xml
 * applies to it. The contexts' broker users cannot log in to JMX at all.
 */
final class ManagementConnector {

    static final String REALM = "management";

    private static final Pattern CONNECTOR = Pattern.compile("(<!--\\s*)?<connector [^>]*/>(\\s*-->)?");

    private ManagementConnector() {}

    static void install(Path etc, String host, int port, String user, String password) throws IOException {
        var management = etc.resolve("management.xml");
        var xml = Files.readString(management);
        var connector =
                "<connector connector-host=\"%s\" connector-port=\"%d\" rmi-registry-port=\"%d\" jmx-realm=\"%s\"/>"
                        .formatted(host, port, port + 2, REALM);
        var matcher = CONNECTOR.matcher(xml);
        xml = matcher.find()
                ? matcher.replaceFirst(Matcher.quoteReplacement(connector))
                : xml.replace("<authorisation>", connector + "\n   <authorisation>");
        Files.writeString(management, xml.replace("roles=\"amq\"", "roles=\"" + ArtemisBroker.MANAGEMENT_ROLE + "\""));
        Files.writeString(
                etc.resolve("management-users.properties"),
                "# Written by the Switchboard cluster launcher at start\n" + user + "=" + password + "\n");
        Files.writeString(
                etc.resolve("management-roles.properties"),
                "# Written by the Switchboard cluster launcher at start\n" + ArtemisBroker.MANAGEMENT_ROLE + "=" + user
                        + "\n");
        var login = etc.resolve("login.config");
        var config = Files.readString(login);
        if (!config.contains(REALM + " {")) {
            Files.writeString(login, config + """

                    %s {
                       org.apache.activemq.artemis.spi.core.security.jaas.PropertiesLoginModule required
                           reload=true
                           org.apache.activemq.jaas.properties.user="management-users.properties"
                           org.apache.activemq.jaas.properties.role="management-roles.properties";
                    };
                    """.formatted(REALM));
        }
    }
}
