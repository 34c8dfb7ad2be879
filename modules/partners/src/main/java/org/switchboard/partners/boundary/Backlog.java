package org.switchboard.partners.boundary;

/** The webhook outbox at a glance (the dashboard's line): deliveries waiting, given up, and endpoints disabled. */
public record Backlog(long pending, long failed, long disabledEndpoints) {}
