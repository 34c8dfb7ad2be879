package org.switchboard.marketing.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.marketing.entity.Contact;

/** Read access to Marketing's contacts for the front end. */
@Stateless
public class Contacts {

    public static final int MAX_PAGE_SIZE = 200;

    @PersistenceContext(unitName = "marketing")
    EntityManager em;

    public List<MarketingContact> list(int offset, int limit) {
        return em.createNamedQuery(Contact.ALL, Contact.class)
                .setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.min(Math.max(1, limit), MAX_PAGE_SIZE))
                .getResultStream()
                .map(MarketingContact::of)
                .toList();
    }

    public Optional<MarketingContact> forCustomer(UUID customerId) {
        return em.createNamedQuery(Contact.BY_CUSTOMER, Contact.class)
                .setParameter("customerId", customerId)
                .getResultStream()
                .findFirst()
                .map(MarketingContact::of);
    }
}
