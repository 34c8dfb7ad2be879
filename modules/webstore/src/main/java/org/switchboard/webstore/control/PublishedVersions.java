package org.switchboard.webstore.control;

import org.eclipse.microprofile.config.ConfigProvider;
import org.switchboard.contracts.webstore.CustomerRegistered;
import org.switchboard.contracts.webstore.CustomerRegisteredV2;

/**
 * Which major version of each event the Web Store publishes. Read through MicroProfile Config at
 * every publish, so an operator can switch without a redeploy: configuration property
 * {@code switchboard.webstore.customer-registered.version} from any source — a system property
 * (e.g. {@code /system-property=switchboard.webstore.customer-registered.version:add(value=1)} in the
 * management CLI) or the environment variable {@code SWITCHBOARD_WEBSTORE_CUSTOMER_REGISTERED_VERSION}
 * — else v2.
 */
public final class PublishedVersions {

    public static final String CUSTOMER_REGISTERED = "switchboard.webstore.customer-registered.version";

    private PublishedVersions() {}

    public static int customerRegistered() {
        var configured = ConfigProvider.getConfig()
                .getOptionalValue(CUSTOMER_REGISTERED, String.class)
                .orElse(null);
        if (configured == null || configured.isBlank()) {
            return CustomerRegisteredV2.VERSION;
        }
        return switch (configured.strip()) {
            case "1" -> CustomerRegistered.VERSION;
            case "2" -> CustomerRegisteredV2.VERSION;
            default ->
                throw new IllegalStateException(CUSTOMER_REGISTERED + " must be 1 or 2, not '" + configured + "'");
        };
    }
}
