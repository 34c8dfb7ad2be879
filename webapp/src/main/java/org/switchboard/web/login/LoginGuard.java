package org.switchboard.web.login;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Puts the {@link LoginGate} in front of the webapp's authentication (registered in
 * {@code META-INF/services/io.undertow.servlet.ServletExtension}). The limit is
 * {@code switchboard.login.max-failures} wrong credentials (10) per client address within
 * {@code switchboard.login.failure-window} (PT5M).
 */
public final class LoginGuard implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        var config = ConfigProvider.getConfig(LoginGuard.class.getClassLoader());
        var limit = config.getOptionalValue("switchboard.login.max-failures", Integer.class)
                .orElse(10);
        var window = config.getOptionalValue("switchboard.login.failure-window", Duration.class)
                .orElse(Duration.ofMinutes(5));
        var failedLogins = new FailedLogins(limit, window);
        var unauthorized = problemDocument(context, "/problems/unauthorized.problem");
        deployment.addOuterHandlerChainWrapper(next -> new LoginGate(next, failedLogins, unauthorized));
    }

    /** The webapp's own problem document, so a 401 from the gate reads like the container's. */
    private static String problemDocument(ServletContext context, String path) {
        try (var in = context.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The webapp has no " + path);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read " + path, e);
        }
    }
}
