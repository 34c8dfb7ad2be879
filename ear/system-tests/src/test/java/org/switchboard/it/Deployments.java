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
        ear.addAsLibraries(
                jarOf(org.awaitility.Awaitility.class),
                jarOf(org.hamcrest.Matcher.class),
                jarOf(org.assertj.core.api.Assertions.class),
                jarOf(org.jsoup.Jsoup.class));
        return ear;
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
