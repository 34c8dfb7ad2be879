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

    private InvalidRegistration(Map<String, String> fieldErrors) {
        super("Invalid registration");
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /**
     * The same errors with one field reported under another name, for a client that sent it under
     * that name (the first API version's {@code fullName} is stored as the given name).
     */
    public InvalidRegistration renamed(String field, String as) {
        var errors = new TreeMap<String, String>();
        fieldErrors.forEach((name, message) ->
                errors.put(name.equals(field) ? as : name, message.replace(label(field), label(as))));
        return new InvalidRegistration(errors);
    }

    private static String label(String field) {
        return switch (field) {
            case "givenName" -> "Given name";
            case "fullName" -> "Full name";
            default -> field;
        };
    }

    /** Field name to message, e.g. {@code email -> Not a valid e-mail address}. */
    public Map<String, String> fieldErrors() {
        return new TreeMap<>(fieldErrors);
    }
}
