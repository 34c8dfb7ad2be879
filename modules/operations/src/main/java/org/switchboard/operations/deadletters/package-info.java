/**
 * Dead letters: what sits in the dead-letter queues and what may be done about it. Triage groups
 * every dead letter by where it came from and why, with personal data masked unless an operator or
 * approver reveals it (which is audited). Replaying a dead letter or deleting it takes four eyes: an
 * operator requests it with a reason and gets a dry run at once; a different user with the approver
 * role approves or rejects; an approved request is carried out off the request thread, one message
 * at a time, each by one atomic broker operation. It owns the requests and the audit trail (tables
 * {@code operations.action_request} and {@code operations.audit_entry}) and decides who may do what
 * to which dead letter; it works on dead-letter queues only, never on a live one.
 */
package org.switchboard.operations.deadletters;
