package org.switchboard.payments.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.switchboard.payments.control.ProviderCalls;

/**
 * What an operator may see of the payment provider edge: each operation's circuit breaker now
 * (CLOSED, OPEN, HALF_OPEN). An OPEN circuit means the provider is not being called and payments
 * wait. Every operations role may.
 */
@Stateless
@RolesAllowed({"viewer", "operator", "approver"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentProviderCircuits {

    /** One circuit: {@code payment-provider.authorise} or {@code payment-provider.refund}, and its state. */
    public record Circuit(String name, String state) {}

    @Inject
    ProviderCalls calls;

    public List<Circuit> now() {
        return calls.circuits().stream()
                .map(circuit -> new Circuit(circuit.name(), circuit.state().name()))
                .toList();
    }
}
