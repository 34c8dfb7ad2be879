package org.switchboard.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.ids.Ids;
import org.switchboard.messaging.Transience;
import org.switchboard.ordering.boundary.Catalogue;
import org.switchboard.ordering.boundary.InvalidOrder;
import org.switchboard.ordering.boundary.NewOrder;
import org.switchboard.ordering.boundary.OrderStatus;
import org.switchboard.ordering.boundary.Orders;
import org.switchboard.web.rest.Outage;

/**
 * Backs orders.xhtml: places an order for a registered customer (one product line, express or
 * not) and, after a post-redirect-get to {@code ?id=<order id>}, shows where the order and its saga
 * stand, step by step. The rules are Ordering's; this bean turns its verdicts into Faces messages.
 */
@Named
@RequestScoped
public class OrderForm {

    private static final System.Logger LOG = System.getLogger(OrderForm.class.getName());
    private static final String FORM = "order";

    @Inject
    Orders orders;

    @Inject
    Catalogue catalogue;

    @Inject
    FacesContext faces;

    private String email;
    private String sku;
    private int quantity = 1;
    private boolean express;
    private Optional<OrderStatus> shown;

    public String place() {
        try {
            var customer = catalogue.customerWithEmail(email);
            if (customer.isEmpty()) {
                error(
                        FORM + ":email",
                        "No customer with this e-mail address (register first; it takes a moment to reach the shop's orders).");
                return null;
            }
            var placed = orders.place(
                    new NewOrder(customer.get(), List.of(new NewOrder.Line(sku, quantity)), express), null, Ids.next());
            return "/orders.xhtml?faces-redirect=true&id=" + placed.orderId();
        } catch (InvalidOrder e) {
            e.violations().forEach(violation -> error(field(violation.field()), violation.message()));
        } catch (RuntimeException e) {
            if (Outage.isOutage(e) || Transience.isOutcomeUnknown(e)) {
                LOG.log(System.Logger.Level.WARNING, "Database unavailable, order form refused: {0}", e);
                error(null, "The shop cannot take orders right now; please try again in a minute.");
                return null;
            }
            var incident = UUID.randomUUID();
            LOG.log(System.Logger.Level.ERROR, () -> "Incident " + incident + ": placing an order failed", e);
            error(null, "The order could not be placed (incident " + incident + "). Please try again.");
        }
        return null;
    }

    private static String field(String violationField) {
        if (violationField.endsWith(".quantity")) {
            return FORM + ":quantity";
        }
        if (violationField.endsWith(".sku") || violationField.equals("lines")) {
            return FORM + ":sku";
        }
        return null;
    }

    private void error(String clientId, String message) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    }

    public List<Catalogue.Offer> getOffers() {
        return catalogue.offers();
    }

    /** The order named by {@code ?id=} (not "order": that is the form's own marker on a postback), or null. */
    public OrderStatus getOrder() {
        if (shown == null) {
            var id = faces.getExternalContext().getRequestParameterMap().get("id");
            shown = Optional.empty();
            if (id != null) {
                try {
                    shown = orders.find(UUID.fromString(id));
                } catch (IllegalArgumentException e) {
                    shown = Optional.empty();
                }
            }
        }
        return shown.orElse(null);
    }

    /** Whether the address names an order (found or not). */
    public boolean isFollowing() {
        return faces.getExternalContext().getRequestParameterMap().get("id") != null;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public boolean isExpress() {
        return express;
    }

    public void setExpress(boolean express) {
        this.express = express;
    }
}
