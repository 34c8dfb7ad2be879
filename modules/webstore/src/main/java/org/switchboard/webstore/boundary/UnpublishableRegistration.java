package org.switchboard.webstore.boundary;

import jakarta.ejb.ApplicationException;
import java.util.Map;
import java.util.TreeMap;
import org.switchboard.messaging.ContractViolationException;

/**
 * A registration that passed the Web Store's rules but cannot be expressed in the event the Web Store
 * is configured to publish (for example a name longer than v1's {@code fullName} allows). The
 * outgoing message was refused by its schema, so nothing is stored or published.
 */
@ApplicationException(rollback = true)
public class UnpublishableRegistration extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public UnpublishableRegistration(ContractViolationException e) {
        super("The registration cannot be published as " + e.type() + ": " + e.getMessage());
        var errors = new TreeMap<String, String>();
        e.violations().forEach(v -> errors.merge(v.field(), e.type() + ": " + v.message(), (a, b) -> a + "; " + b));
        this.fieldErrors = Map.copyOf(errors);
    }

    /** Field of the outgoing message to what its schema says about it. */
    public Map<String, String> fieldErrors() {
        return new TreeMap<>(fieldErrors);
    }
}
