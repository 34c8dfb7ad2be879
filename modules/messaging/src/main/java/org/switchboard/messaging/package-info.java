/**
 * The technical building block every bounded context uses to talk over JMS, and only what runs in
 * the server: how a message from {@code org.switchboard.contracts} becomes a JSON
 * {@code TextMessage} with its headers and back ({@link org.switchboard.messaging.JsonMessages},
 * {@link org.switchboard.messaging.IncomingMessage}, {@link org.switchboard.messaging.Headers}),
 * validated against its schema at both ends ({@code schema.MessageSchemas}, reading the registry in
 * {@code contracts.jar}); what every message-driven bean does around its {@code onMessage}
 * ({@link org.switchboard.messaging.ConsumerInterceptor}: dead letters with the reason through
 * {@link org.switchboard.messaging.DeadLetters}, rollback, the journey note); how a consumer
 * remembers what it already processed ({@link org.switchboard.messaging.IdempotentConsumer}); how
 * an outage is told from a failure and waited out ({@link org.switchboard.messaging.Transience},
 * {@code TransientRetries}); and the mechanism behind the contexts' fault points for the failure tests
 * ({@link org.switchboard.messaging.FaultPoints}: named points with a no-op hook; the harness that arms them lives with the in-container tests). It owns no business rule and
 * no table of its own. The build-time schema compatibility checker is not here (it lives in
 * {@code modules/schema-compatibility} and never reaches the EAR), nor are schema migrations
 * ({@code modules/migrations}).
 */
package org.switchboard.messaging;
