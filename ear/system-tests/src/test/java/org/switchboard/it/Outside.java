package org.switchboard.it;

import jakarta.jms.JMSContext;
import java.net.URL;
import javax.sql.DataSource;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What a client outside the server reaches, for the tests that run as one (@RunAsClient): the
 * broker through Artemis' own JMS client over the HTTP acceptor on the web port, and the database
 * the server uses.
 */
final class Outside {

    private Outside() {}

    /** A JMS context on the broker as this user (null: anonymous), the way a partner connects. */
    static JMSContext broker(URL base, String user, String password) {
        var url = "tcp://" + base.getHost() + ":" + base.getPort()
                + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor&reconnectAttempts=0"
                // WildFly keeps JMS destinations on core addresses jms.queue.X / jms.topic.X.
                + "&enable1xPrefixes=true";
        // Not closed here: closing the factory closes the connections it made.
        return new ActiveMQConnectionFactory(url, user, password).createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    /**
     * A JMS context on the broker over TLS: the HTTPS listener (8443, moved by the same offset as
     * the web port) and its broker acceptor, trusting the certificates in {@code trustStore}
     * (PKCS12, password {@code trustStorePassword}).
     */
    static JMSContext brokerOverTls(
            URL base, String user, String password, java.nio.file.Path trustStore, String trustStorePassword) {
        // localhost: the name the development certificate is for; the client verifies it (verifyHost).
        var url = "tcp://localhost:" + httpsPort(base)
                + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=https-acceptor&reconnectAttempts=0"
                + "&sslEnabled=true&trustStoreType=PKCS12&trustStorePath=" + trustStore
                + "&trustStorePassword=" + trustStorePassword
                + "&enable1xPrefixes=true";
        return new ActiveMQConnectionFactory(url, user, password).createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    /** 8443, moved by the same port offset as the web port (8080). */
    static int httpsPort(URL base) {
        return 8443 + base.getPort() - 8080;
    }

    /** The password the server's Operations identity got for this test run (DatabaseForTests). */
    static String operationsPassword() {
        return System.getProperty("switchboard.broker.operations.password");
    }

    static DataSource database() {
        var ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {System.getProperty("switchboard.db.host")});
        ds.setPortNumbers(new int[] {Integer.parseInt(System.getProperty("switchboard.db.port"))});
        ds.setDatabaseName(System.getProperty("switchboard.db.name"));
        ds.setUser(System.getProperty("switchboard.db.user"));
        ds.setPassword(System.getProperty("switchboard.db.password"));
        return ds;
    }
}
