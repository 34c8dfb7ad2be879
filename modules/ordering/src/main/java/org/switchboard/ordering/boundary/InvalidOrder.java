package org.switchboard.ordering.boundary;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** The order breaks the rules (unknown customer or SKU, no lines, bad quantity); nothing is stored. */
@ApplicationException(rollback = true)
public class InvalidOrder extends RuntimeException {

    /** One broken rule, named by the request's field. */
    public record Violation(String field, String message) {}

    private final transient List<Violation> violations;

    public InvalidOrder(List<Violation> violations) {
        super("Invalid order: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
