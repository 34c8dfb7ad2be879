package org.switchboard.it;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The in-container tests deploy the real switchboard.ear that ear/app built, with the test classes
 * added to its webapp (which sees the Web Store and Marketing facades, as in production) and the
 * test libraries added to lib/.
 */
final class Deployments {

    private Deployments() {}

    static EnterpriseArchive switchboard() {
        var ear =
                ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("switchboard.ear")));
        ear.getAsType(WebArchive.class, "webapp.war")
                .addPackages(true, Deployments.class.getPackage())
                // The tests log in as the demo users the test server was given.
                .addClasses(org.switchboard.devserver.DemoUsers.class, org.switchboard.devserver.DemoUsers.User.class);
        // RecoveryScanIT enlists a broker branch of its own: the webapp (where the tests run) gets the
        // modules the operations module has for its recovery scan. Only in the test deployment.
        var structure = text(ear, "META-INF/jboss-deployment-structure.xml")
                .replace(
                        "<module name=\"org.jboss.xnio\"/>",
                        "<module name=\"org.jboss.xnio\"/><module name=\"org.jboss.jboss-transaction-spi\"/>"
                                + "<module name=\"org.apache.activemq.artemis.client\"/>"
                                + "<module name=\"org.apache.activemq.artemis\"/>");
        ear.delete("META-INF/jboss-deployment-structure.xml");
        ear.addAsManifestResource(
                new org.jboss.shrinkwrap.api.asset.StringAsset(structure), "jboss-deployment-structure.xml");
        ear.addAsLibraries(
                jarOf(org.awaitility.Awaitility.class),
                jarOf(org.hamcrest.Matcher.class),
                jarOf(org.assertj.core.api.Assertions.class),
                jarOf(org.jsoup.Jsoup.class));
        return ear;
    }

    private static String text(EnterpriseArchive ear, String path) {
        try (var in = ear.get(path).getAsset().openStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static File jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
