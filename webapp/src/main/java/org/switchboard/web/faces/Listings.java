package org.switchboard.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.switchboard.marketing.boundary.Contacts;
import org.switchboard.marketing.boundary.MarketingContact;
import org.switchboard.webstore.boundary.RegisteredCustomer;
import org.switchboard.webstore.boundary.Registrations;

/**
 * The customers (Web Store) and contacts (Marketing), newest first, a page at a time with the total,
 * side by side in the UI as they are in the flow. The page to show is {@code ?offset=}; anything
 * that is not a whole number shows the first page.
 */
@Named
@RequestScoped
public class Listings {

    static final int PAGE = 100;

    @Inject
    Registrations registrations;

    @Inject
    Contacts contacts;

    @Inject
    FacesContext faces;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Slice<RegisteredCustomer> customers;
    private Slice<MarketingContact> contactList;

    /** One page of a listing and where it sits in the whole. */
    public record Slice<T>(List<T> items, int offset, long total) {

        /** The position of the first item shown, counting from 1 (0 when nothing is shown). */
        public long from() {
            return items.isEmpty() ? 0 : offset + 1L;
        }

        public long to() {
            return (long) offset + items.size();
        }

        public boolean hasNext() {
            return !items.isEmpty() && to() < total;
        }

        public long next() {
            return to();
        }

        public boolean hasPrevious() {
            return offset > 0;
        }

        public long previous() {
            return Math.max(0, Math.min(offset, total) - PAGE);
        }
    }

    /** Read once per request, however often the page asks. */
    public Slice<RegisteredCustomer> getCustomers() {
        if (customers == null) {
            var offset = offset();
            customers = new Slice<>(registrations.list(offset, PAGE), offset, registrations.count());
        }
        return customers;
    }

    public Slice<MarketingContact> getContacts() {
        if (contactList == null) {
            var offset = offset();
            contactList = new Slice<>(contacts.list(offset, PAGE), offset, contacts.count());
        }
        return contactList;
    }

    public String format(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private int offset() {
        var asked = faces.getExternalContext().getRequestParameterMap().get("offset");
        try {
            return asked == null ? 0 : Math.max(0, Integer.parseInt(asked));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
