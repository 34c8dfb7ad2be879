package org.switchboard.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A customer's own credit limit and what is authorised against it (minor units). */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @Column(name = "customer_id")
    private UUID customerId;

    @Column(name = "credit_limit", nullable = false)
    private long creditLimit;

    @Column(nullable = false)
    private long authorised;

    @Column(nullable = false, length = 3)
    private String currency;

    protected Account() {}

    public Account(UUID customerId, long creditLimit, String currency) {
        this.customerId = customerId;
        this.creditLimit = creditLimit;
        this.currency = currency;
    }

    public boolean covers(long amount) {
        return authorised + amount <= creditLimit;
    }

    public void hold(long amount) {
        if (!covers(amount)) {
            throw new IllegalStateException("Over the limit of " + customerId);
        }
        authorised += amount;
    }

    public void release(long amount) {
        authorised -= amount;
    }

    public long available() {
        return creditLimit - authorised;
    }
}
