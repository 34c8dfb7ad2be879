/**
 * Operations: the messaging system seen from the inside, for the people who run it. It owns no
 * business data, reads no context's tables and uses no context's classes; it knows the broker, the
 * message headers of {@code org.switchboard.messaging} and the journey notes every consumer sends
 * it. Its business components:
 *
 * <ul>
 *   <li>{@code monitoring}: queue depths, rates and ages sampled from the broker, metrics, and
 *       dead-letter incidents with their alerts;
 *   <li>{@code deadletters}: triage of dead letters (personal data masked unless revealed) and
 *       four-eyes requests to replay or delete them, every step audited;
 *   <li>{@code journeys}: where one flow's messages went and where they are now;
 *   <li>{@code sagas}: four-eyes re-drives of stuck order sagas, sent to Ordering as a command
 *       through Operations' outbox (the sagas themselves are Ordering's, shown from its boundary);
 *   <li>{@code foureyes}: what the components that act share — deciding on a request with four
 *       eyes, and the audit trail;
 *   <li>{@code broker}: what the three share — the broker's queues, what each is for, and their
 *       messages read raw.
 * </ul>
 *
 * <p>The context's own tables (requests, audit, journey notes, its outbox) live in schema {@code operations},
 * brought up to date by {@link org.switchboard.operations.OperationsSchema}; the views the webapp
 * shows keep a flat JSON shape through {@link org.switchboard.operations.FlatJson}. Who may look and
 * who may act is declared on each component's boundary.
 */
package org.switchboard.operations;
