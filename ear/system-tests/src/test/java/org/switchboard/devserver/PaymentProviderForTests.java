package org.switchboard.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the payment provider as its own process before Arquillian boots WildFly, on two free
 * ports (so parallel runs with different port offsets never meet), and stops it after the last
 * test. Publishes {@code it.provider.args}, which arquillian.xml hands to the server: the provider's
 * URL for Payments and its admin URL for the tests inside. Active where failsafe names the
 * provider's jar ({@code switchboard.payment-provider.jar}); its console goes to
 * {@code target/payment-provider.log}.
 */
public class PaymentProviderForTests implements LauncherSessionListener {

    private PaymentProvider provider;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        var jar = System.getProperty("switchboard.payment-provider.jar");
        if (jar == null || !Boolean.getBoolean("switchboard.embedded-database")) {
            return;
        }
        try {
            provider = PaymentProvider.start(
                    Path.of(jar),
                    freePort(),
                    freePort(),
                    Path.of(System.getProperty("switchboard.payment-provider.log", "target/payment-provider.log")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the payment provider", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(provider::close, "payment-provider-stop"));
        System.setProperty(PaymentProvider.URL_PROPERTY, provider.url());
        System.setProperty(PaymentProvider.ADMIN_URL_PROPERTY, provider.adminUrl());
        System.setProperty("it.provider.args", provider.jvmArguments());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (provider != null) {
            provider.close();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
