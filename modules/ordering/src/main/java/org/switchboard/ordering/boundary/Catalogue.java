package org.switchboard.ordering.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.ordering.entity.Customer;
import org.switchboard.ordering.entity.Product;

/** What the order page offers and whom it serves: Ordering's price list and its own copy of the customers. */
@Stateless
public class Catalogue {

    /** A product as the order page shows it (price in minor units). */
    public record Offer(String sku, long unitPrice, String currency) {}

    @PersistenceContext(unitName = "ordering")
    EntityManager em;

    public List<Offer> offers() {
        return em
                .createQuery("select p from Product p order by p.sku", Product.class)
                .setMaxResults(200)
                .getResultList()
                .stream()
                .map(product -> new Offer(product.sku(), product.unitPrice(), product.currency()))
                .toList();
    }

    /**
     * The customer registered with this e-mail address, as Ordering learnt it from the Web Store's
     * event; empty if none (yet: the event may still be on its way).
     */
    public Optional<UUID> customerWithEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return em
                .createQuery("select c from Customer c where lower(c.email) = :email", Customer.class)
                .setParameter("email", email.strip().toLowerCase(Locale.ROOT))
                .setMaxResults(1)
                .getResultList()
                .stream()
                .map(Customer::customerId)
                .findFirst();
    }
}
