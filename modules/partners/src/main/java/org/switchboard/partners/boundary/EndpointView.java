package org.switchboard.partners.boundary;

import java.util.List;
import java.util.UUID;
import org.switchboard.partners.entity.Endpoint;
import org.switchboard.partners.entity.EndpointState;
import org.switchboard.partners.entity.EventType;

/** An endpoint as operators see it: never its secret. */
public record EndpointView(
        UUID id, String partner, String url, List<String> events, EndpointState state, EndpointHealth health) {

    /** How it has been answering. */
    public record EndpointHealth(int consecutiveFailures, String disabledReason) {}

    static EndpointView of(Endpoint endpoint) {
        return new EndpointView(
                endpoint.id(),
                endpoint.partner(),
                endpoint.url(),
                endpoint.events().stream().map(EventType::publicName).sorted().toList(),
                endpoint.state(),
                new EndpointHealth(endpoint.consecutiveFailures(), endpoint.disabledReason()));
    }
}
