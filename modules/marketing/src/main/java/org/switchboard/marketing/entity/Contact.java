package org.switchboard.marketing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person Marketing may contact, known here because they became a Web Store customer. */
@Entity
@Table(name = "contact")
@NamedQuery(name = Contact.BY_CUSTOMER, query = "select c from Contact c where c.customerId = :customerId")
@NamedQuery(name = Contact.ALL, query = "select c from Contact c order by c.createdAt desc, c.id")
@NamedQuery(name = Contact.COUNT, query = "select count(c) from Contact c")
public class Contact {

    public static final String BY_CUSTOMER = "Contact.byCustomer";
    public static final String ALL = "Contact.all";
    public static final String COUNT = "Contact.count";

    @Id
    private UUID id;

    /** The Web Store's customer id: Marketing's natural key for a contact. */
    @Column(name = "customer_id", nullable = false, unique = true)
    private UUID customerId;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "full_name", nullable = false, length = 201)
    private String fullName;

    @Column(name = "customer_since", nullable = false)
    private Instant customerSince;

    /** True only if the customer opted in; null when the source did not say, which counts as no. */
    @Column(name = "marketing_consent")
    private Boolean marketingConsent;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The flow that created this contact, and the command that did it: the audit trail back to the Web Store. */
    @Column(name = "correlation_id", nullable = false)
    private UUID correlationId;

    @Column(name = "source_message_id", nullable = false)
    private UUID sourceMessageId;

    protected Contact() {}

    public Contact(
            UUID customerId,
            String email,
            String fullName,
            Instant customerSince,
            Boolean marketingConsent,
            UUID correlationId,
            UUID sourceMessageId,
            Instant now) {
        this.id = ContactId.next().value();
        this.customerId = customerId;
        this.email = email;
        this.fullName = fullName;
        this.customerSince = customerSince;
        this.marketingConsent = marketingConsent;
        this.correlationId = correlationId;
        this.sourceMessageId = sourceMessageId;
        this.createdAt = now;
    }

    public ContactId id() {
        return new ContactId(id);
    }

    public UUID customerId() {
        return customerId;
    }

    public String email() {
        return email;
    }

    public String fullName() {
        return fullName;
    }

    public Instant customerSince() {
        return customerSince;
    }

    public Boolean marketingConsent() {
        return marketingConsent;
    }

    /** Marketing may e-mail this contact: only after an explicit opt-in. */
    public boolean mayReceiveMarketing() {
        return Boolean.TRUE.equals(marketingConsent);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public UUID correlationId() {
        return correlationId;
    }

    public UUID sourceMessageId() {
        return sourceMessageId;
    }
}
