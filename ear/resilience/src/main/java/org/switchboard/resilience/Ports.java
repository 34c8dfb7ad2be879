package org.switchboard.resilience;

import java.net.URI;
import org.switchboard.devserver.WildFly;

/**
 * Where the suite's server listens: WildFly's ports shifted by {@code offset} (system property
 * {@code resilience.port.offset}, 0 by default), so that the suite runs next to a server or a build
 * that holds the usual 8080 and 9990.
 */
record Ports(int offset) {

    static Ports fromSystemProperties() {
        return new Ports(Integer.getInteger("resilience.port.offset", 0));
    }

    /** The application's address of {@code path}, e.g. {@code /api/customers}. */
    URI http(String path) {
        return URI.create("http://localhost:" + (WildFly.HTTP_PORT + offset) + path);
    }

    /** WildFly's HTTP management API. */
    URI management() {
        return URI.create("http://127.0.0.1:" + (WildFly.MANAGEMENT_PORT + offset) + "/management");
    }
}
