package org.switchboard.benchmark;

/**
 * The two implementations of the registration flow the benchmark loads on the same server: where
 * a registration is posted, and which rows show it registered and arrived as a contact.
 */
enum Flow {
    SWITCHBOARD("Switchboard", "/api/customers", "webstore.customer", "marketing.contact"),
    PEER("peer", "/peer/api/registrations", "peer.customer", "peer.contact");

    final String label;
    final String path;
    final String customers;
    final String contacts;

    Flow(String label, String path, String customers, String contacts) {
        this.label = label;
        this.path = path;
        this.customers = customers;
        this.contacts = contacts;
    }

    /** Each step's registrations get their own e-mail prefix, e.g. {@code switchboard-r200-7}. */
    String prefix(String step) {
        return name().toLowerCase(java.util.Locale.ROOT) + "-" + step;
    }
}
