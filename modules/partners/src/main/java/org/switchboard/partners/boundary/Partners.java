package org.switchboard.partners.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.switchboard.partners.control.DeliveryTable;
import org.switchboard.partners.control.WebhookMetrics;
import org.switchboard.partners.entity.DeliveryState;
import org.switchboard.partners.entity.Endpoint;
import org.switchboard.partners.entity.EndpointState;
import org.switchboard.partners.entity.EventType;

/**
 * What the webapp may do with partners' webhooks: operators register endpoints, enable a disabled
 * one and replay a FAILED delivery; everyone on the operations side reads. The roles are checked
 * here, whatever the caller.
 */
@Stateless
@RolesAllowed({"viewer", "operator", "approver"})
public class Partners {

    private static final System.Logger LOG = System.getLogger(Partners.class.getName());
    static final int SECRET_MIN = 16;

    @PersistenceContext(unitName = "partners")
    EntityManager em;

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @Inject
    WebhookMetrics metrics;

    @RolesAllowed("operator")
    public EndpointView register(NewEndpoint request) {
        var partner = required(request.partner(), "partner");
        if (partner.length() > 100) {
            throw new InvalidWebhookRequest("partner: at most 100 characters");
        }
        var url = url(required(request.url(), "url"));
        var secret = required(request.secret(), "secret");
        if (secret.length() < SECRET_MIN || secret.length() > 200) {
            throw new InvalidWebhookRequest("secret: " + SECRET_MIN + " to 200 characters");
        }
        if (request.events() == null || request.events().isEmpty()) {
            throw new InvalidWebhookRequest("events: name at least one of " + names());
        }
        var events = EnumSet.noneOf(EventType.class);
        for (var name : request.events()) {
            events.add(EventType.named(name)
                    .orElseThrow(() -> new InvalidWebhookRequest("events: " + name + " is not one of " + names())));
        }
        var endpoint = new Endpoint(UUID.randomUUID(), partner, url, secret, events, Instant.now());
        em.persist(endpoint);
        LOG.log(
                System.Logger.Level.INFO,
                "Webhook endpoint {0} of {1} registered for {2}",
                endpoint.id(),
                partner,
                events);
        return EndpointView.of(endpoint);
    }

    public List<EndpointView> endpoints() {
        return em.createQuery("select e from Endpoint e order by e.createdAt", Endpoint.class)
                .getResultStream()
                .map(EndpointView::of)
                .toList();
    }

    public EndpointView endpoint(UUID id) {
        return EndpointView.of(find(id));
    }

    /** An operator enables a disabled endpoint: its failures are forgotten, its pending deliveries go out. */
    @RolesAllowed("operator")
    public EndpointView enable(UUID id) {
        var endpoint = find(id);
        if (endpoint.state() == EndpointState.DISABLED) {
            LOG.log(System.Logger.Level.INFO, "Webhook endpoint {0} enabled again", id);
        }
        endpoint.enable(Instant.now());
        return EndpointView.of(endpoint);
    }

    /** The newest deliveries (at most 200), of one state (PENDING, DELIVERED, FAILED) or, if null, all. */
    public List<DeliveryView> deliveries(String state) {
        DeliveryState wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = DeliveryState.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidWebhookRequest("state: one of " + List.of(DeliveryState.values()) + ", not " + state);
            }
        }
        try {
            return new DeliveryTable(dataSource)
                    .newest(wanted, 200).stream().map(DeliveryView::of).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the webhook deliveries", e);
        }
    }

    /** A FAILED delivery goes out again, with a fresh budget of attempts. */
    @RolesAllowed("operator")
    public void replay(long deliveryId) {
        try {
            var table = new DeliveryTable(dataSource);
            if (!table.replay(deliveryId)) {
                var state = table.state(deliveryId)
                        .orElseThrow(() -> new UnknownWebhook("No webhook delivery " + deliveryId));
                throw new NotReplayable(
                        "Webhook delivery " + deliveryId + " is " + state + "; only a FAILED one is replayed");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot replay webhook delivery " + deliveryId, e);
        }
        LOG.log(System.Logger.Level.INFO, "Webhook delivery {0} replayed", deliveryId);
    }

    public Backlog backlog() {
        return new Backlog(
                metrics.backlog(DeliveryState.PENDING),
                metrics.backlog(DeliveryState.FAILED),
                metrics.disabledEndpoints());
    }

    private Endpoint find(UUID id) {
        var endpoint = em.find(Endpoint.class, id);
        if (endpoint == null) {
            throw new UnknownWebhook("No webhook endpoint " + id);
        }
        return endpoint;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidWebhookRequest(field + ": required");
        }
        return value.strip();
    }

    private static URI url(String value) {
        try {
            var url = new URI(value);
            var scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null || value.length() > 2000) {
                throw new InvalidWebhookRequest("url: an absolute http or https URL of at most 2000 characters");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new InvalidWebhookRequest("url: not a URL (" + e.getReason() + ")");
        }
    }

    private static List<String> names() {
        return EnumSet.allOf(EventType.class).stream()
                .map(EventType::publicName)
                .toList();
    }
}
