package org.switchboard.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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

    public List<RegisteredCustomer> getCustomers() {
        return registrations.list(0, PAGE);
    }

    public List<MarketingContact> getContacts() {
        return contacts.list(0, PAGE);
    }
}
