package org.switchboard.webstore.boundary;

import jakarta.ejb.ApplicationException;
import jakarta.validation.ConstraintViolation;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A registration that breaks the Web Store's rules; carries one message per offending field. */
@ApplicationException(rollback = true)
public class InvalidRegistration extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidRegistration(Set<ConstraintViolation<NewCustomer>> violations) {
        super("Invalid registration");
        var errors = new TreeMap<String, String>();
        violations.forEach(v -> errors.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "; " + b));
        this.fieldErrors = Map.copyOf(errors);
    }

    /** Field name to message, e.g. {@code email -> Not a valid e-mail address}. */
    public Map<String, String> fieldErrors() {
        return new TreeMap<>(fieldErrors);
    }
}
