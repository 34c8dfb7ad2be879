package org.switchboard.webstore.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Someone who registered in the Web Store. The e-mail address identifies them among customers. */
@Entity
@Table(name = "customer")
@NamedQuery(name = Customer.ALL, query = "select c from Customer c order by c.registeredAt desc, c.id")
@NamedQuery(name = Customer.COUNT, query = "select count(c) from Customer c")
public class Customer {

    public static final String ALL = "Customer.all";
    public static final String COUNT = "Customer.count";

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "given_name", nullable = false, length = 200)
    private String givenName;

    /** Null for customers who have only one name. */
    @Column(name = "family_name", length = 100)
    private String familyName;

    /** Whether they opted in to marketing e-mail at registration; never assumed. */
    @Column(name = "marketing_consent", nullable = false)
    private boolean marketingConsent;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    /** The correlation id of the registration that created this customer: the handle to follow its flow. */
    @Column(name = "correlation_id", nullable = false)
    private UUID correlationId;

    @Version
    private long version;

    protected Customer() {}

    private Customer(
            CustomerId id,
            String email,
            String givenName,
            String familyName,
            boolean marketingConsent,
            Instant registeredAt,
            UUID correlationId) {
        this.id = id.value();
        this.email = email;
        this.givenName = givenName;
        this.familyName = familyName;
        this.marketingConsent = marketingConsent;
        this.registeredAt = registeredAt;
        this.correlationId = correlationId;
    }

    public static Customer register(
            String email,
            String givenName,
            String familyName,
            boolean marketingConsent,
            UUID correlationId,
            Instant now) {
        var family = familyName == null || familyName.isBlank() ? null : familyName.strip();
        return new Customer(
                CustomerId.next(),
                normalizeEmail(email),
                givenName.strip(),
                family,
                marketingConsent,
                now,
                correlationId);
    }

    /** E-mail addresses compare case-insensitively here: one customer per mailbox. */
    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public CustomerId id() {
        return new CustomerId(id);
    }

    public String email() {
        return email;
    }

    public String givenName() {
        return givenName;
    }

    public String familyName() {
        return familyName;
    }

    /** The name as one string: given name, then family name if there is one. */
    public String fullName() {
        return familyName == null ? givenName : givenName + " " + familyName;
    }

    public boolean marketingConsent() {
        return marketingConsent;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public UUID correlationId() {
        return correlationId;
    }
}
