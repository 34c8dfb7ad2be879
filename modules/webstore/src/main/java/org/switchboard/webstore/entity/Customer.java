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
@NamedQuery(name = Customer.BY_EMAIL, query = "select c from Customer c where c.email = :email")
@NamedQuery(name = Customer.ALL, query = "select c from Customer c order by c.registeredAt desc, c.id")
public class Customer {

    public static final String BY_EMAIL = "Customer.byEmail";
    public static final String ALL = "Customer.all";

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    /** The correlation id of the registration that created this customer: the handle to follow its flow. */
    @Column(name = "correlation_id", nullable = false)
    private UUID correlationId;

    @Version
    private long version;

    protected Customer() {}

    private Customer(CustomerId id, String email, String fullName, Instant registeredAt, UUID correlationId) {
        this.id = id.value();
        this.email = email;
        this.fullName = fullName;
        this.registeredAt = registeredAt;
        this.correlationId = correlationId;
    }

    public static Customer register(String email, String fullName, UUID correlationId, Instant now) {
        return new Customer(CustomerId.next(), normalizeEmail(email), fullName.strip(), now, correlationId);
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

    public String fullName() {
        return fullName;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public UUID correlationId() {
        return correlationId;
    }
}
