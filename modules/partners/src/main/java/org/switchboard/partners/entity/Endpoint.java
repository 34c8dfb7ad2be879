package org.switchboard.partners.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A partner's webhook endpoint: where to post, the secret to sign with and the event types it
 * wants. The relay counts its consecutive failures in the table directly (several nodes post at
 * once); this entity is for registering, listing and enabling it.
 */
@Entity
@Table(name = "endpoint")
public class Endpoint {

    @Id
    private UUID id;

    @Column(nullable = false, length = 100)
    private String partner;

    @Column(nullable = false, length = 2000)
    private String url;

    @Column(nullable = false, length = 200)
    private String secret;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private EndpointState state;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "disabled_reason", length = 500)
    private String disabledReason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "endpoint_event", joinColumns = @JoinColumn(name = "endpoint_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, length = 50)
    private Set<EventType> events = EnumSet.noneOf(EventType.class);

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Endpoint() {}

    public Endpoint(UUID id, String partner, URI url, String secret, Set<EventType> events, Instant now) {
        this.id = id;
        this.partner = partner;
        this.url = url.toString();
        this.secret = secret;
        this.events = EnumSet.copyOf(events);
        this.state = EndpointState.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public boolean subscribes(EventType type) {
        return events.contains(type);
    }

    /** An operator enables it again: its failures are forgotten and its pending deliveries go out. */
    public void enable(Instant now) {
        state = EndpointState.ACTIVE;
        consecutiveFailures = 0;
        disabledReason = null;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String partner() {
        return partner;
    }

    public String url() {
        return url;
    }

    public EndpointState state() {
        return state;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public String disabledReason() {
        return disabledReason;
    }

    public Set<EventType> events() {
        return Set.copyOf(events);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
