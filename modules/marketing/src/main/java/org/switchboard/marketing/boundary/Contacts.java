package org.switchboard.marketing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.marketing.entity.Contact;

/** Read access to Marketing's contacts for the front end: personal data, for Marketing (and operators) only. */
@Stateless
@RolesAllowed({"marketing", "operator"})
public class Contacts {

    public static final int MAX_PAGE_SIZE = 200;

    @PersistenceContext(unitName = "marketing")
    EntityManager em;

    /** Newest first; {@code limit} at most {@link #MAX_PAGE_SIZE}. */
    public List<MarketingContact> list(int offset, int limit) {
        return em.createNamedQuery(Contact.ALL, Contact.class)
                .setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.min(Math.max(1, limit), MAX_PAGE_SIZE))
                .getResultStream()
                .map(MarketingContact::of)
                .toList();
    }

    /** How many contacts there are: the total a listing reports next to its page. */
    public long count() {
        return em.createNamedQuery(Contact.COUNT, Long.class).getSingleResult();
    }

    public Optional<MarketingContact> forCustomer(UUID customerId) {
        return em.createNamedQuery(Contact.BY_CUSTOMER, Contact.class)
                .setParameter("customerId", customerId)
                .getResultStream()
                .findFirst()
                .map(MarketingContact::of);
    }
}
