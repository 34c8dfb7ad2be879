/**
 * The technical building block every bounded context uses to talk over JMS: how a message from
 * {@code org.switchboard.contracts} becomes a JSON {@code TextMessage} with its headers and back
 * ({@link org.switchboard.messaging.JsonMessages}, {@link org.switchboard.messaging.IncomingMessage}),
 * how a consumer remembers what it already processed ({@link org.switchboard.messaging.IdempotentConsumer}),
 * how a context migrates its own database schema ({@link org.switchboard.messaging.SchemaMigrations}),
 * and a switched-off-by-default fault injection point for the failure tests
 * ({@link org.switchboard.messaging.FaultInjection}). It owns no business rule and no table of its own.
 */
package org.switchboard.messaging;
