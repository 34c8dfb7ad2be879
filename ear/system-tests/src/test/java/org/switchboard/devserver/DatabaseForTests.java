package org.switchboard.devserver;

import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the database before Arquillian boots WildFly for the in-container tests, and stops it after
 * the last test. Publishes {@code switchboard.db.*} and {@code it.server.args} as system properties,
 * which arquillian.xml hands to the server. Only active where failsafe sets
 * {@code switchboard.embedded-database=true}; unit tests never start a database.
 */
public class DatabaseForTests implements LauncherSessionListener {

    private Database database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        var brokerPasswords = installDemoUsers();
        if (!Boolean.getBoolean("switchboard.embedded-database")) {
            return;
        }
        database = Database.start(
                Path.of(System.getProperty("switchboard.embedded-database.dir", "target/postgres-it")), false);
        // launcherSessionClosed stops it normally; the hook covers an interrupted run.
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
        database.settings().forEach(System::setProperty);
        // The tests that look into the broker from outside log in as Operations.
        brokerPasswords.forEach(System::setProperty);
        var brokerArguments = new StringBuilder();
        brokerPasswords.forEach(
                (k, v) -> brokerArguments.append(" -D").append(k).append('=').append(v));
        System.setProperty(
                "it.server.args",
                (System.getProperty("it.jvm.args", "") + " " + database.jvmArguments() + brokerArguments).strip());
    }

    /**
     * The in-container tests log in as the demo users: they are added to the provisioned server for
     * the test session and taken out again when it ends, so the server stays as provisioned.
     */
    private static java.util.Map<String, String> installDemoUsers() {
        var home = System.getProperty("jboss.home");
        if (home == null) {
            return java.util.Map.of();
        }
        try {
            DemoUsers.install(Path.of(home, "standalone", "configuration"));
            return BrokerIdentities.install(Path.of(home, "standalone", "configuration"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot add the demo users to " + home, e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        var home = System.getProperty("jboss.home");
        if (home != null) {
            try {
                DemoUsers.uninstall(Path.of(home, "standalone", "configuration"));
                BrokerIdentities.uninstall(Path.of(home, "standalone", "configuration"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot remove the demo users from " + home, e);
            }
        }
        if (database != null) {
            database.close();
        }
    }
}
