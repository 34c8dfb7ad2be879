package org.switchboard.web.http;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Puts the {@link BodySizeGate} in front of everything the webapp serves (registered in
 * {@code META-INF/services/io.undertow.servlet.ServletExtension}), with the limits of
 * {@link BodyLimits}.
 */
public final class BodySizeGuard implements ServletExtension {

    /** Paths that take more than the default by design: an order's document (10 MiB, claim check). */
    static final String UPLOADS = "/api/orders/attachments=10485760";

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        var config = ConfigProvider.getConfig(BodySizeGuard.class.getClassLoader());
        var limits = BodyLimits.of(
                config.getOptionalValue("switchboard.http.max-body-size", Long.class)
                        .orElse(BodyLimits.DEFAULT),
                config.getOptionalValue("switchboard.http.max-body-size.paths", String.class)
                        .orElse(UPLOADS));
        deployment.addInitialHandlerChainWrapper(next -> new BodySizeGate(next, limits));
    }
}
