package org.switchboard.web.faces;

import jakarta.enterprise.context.RequestScoped;
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

/** The newest customers (Web Store) and contacts (Marketing), side by side in the UI as they are in the flow. */
@Named
@RequestScoped
public class Listings {

    private static final int PAGE = 100;

    @Inject
    Registrations registrations;

    @Inject
    Contacts contacts;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private List<RegisteredCustomer> customers;
    private List<MarketingContact> contactList;

    /** Read once per request, however often the page asks. */
    public List<RegisteredCustomer> getCustomers() {
        if (customers == null) {
            customers = registrations.list(0, PAGE);
        }
        return customers;
    }

    public String format(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public List<MarketingContact> getContacts() {
        if (contactList == null) {
            contactList = contacts.list(0, PAGE);
        }
        return contactList;
    }
}
