package org.switchboard.resilience;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.switchboard.devserver.PaymentProvider;
import org.switchboard.devserver.WildFly;

/**
 * Where the suite's server listens: on {@code host} (this machine, or a cluster node's network
 * namespace), WildFly's ports shifted by {@code offset} (system property {@code resilience.port.offset},
 * 0 by default), so that the suite runs next to a server or a build that holds the usual 8080 and 9990.
 */
record Ports(String host, int offset) {

    static Ports fromSystemProperties() {
        return new Ports("127.0.0.1", Integer.getInteger("resilience.port.offset", 0));
    }

    /** The application's address of {@code path}, e.g. {@code /api/customers}. */
    URI http(String path) {
        return URI.create("http://" + name() + ":" + (WildFly.HTTP_PORT + offset) + path);
    }

    /**
     * The payment provider (system property {@code switchboard.payment-provider.jar}) started on
     * the run command's ports, 8091 and 8092, shifted like WildFly's.
     */
    PaymentProvider paymentProvider(Path log) throws IOException {
        return PaymentProvider.start(
                Path.of(System.getProperty("switchboard.payment-provider.jar")), 8091 + offset, 8092 + offset, log);
    }

    /** WildFly's HTTP management API. */
    URI management() {
        return URI.create("http://" + host + ":" + (WildFly.MANAGEMENT_PORT + offset) + "/management");
    }

    /** The host as the application's URLs name it: localhost for this machine. */
    private String name() {
        return "127.0.0.1".equals(host) ? "localhost" : host;
    }
}
