/**
 * Four eyes: what the components that let people act share — the rule that a request is decided
 * once, by a different user with the approver role, with a reason ({@code Decisions}); the audit
 * trail of who asked, decided and did what (table {@code operations.audit_entry}); and the refusals
 * the webapp turns into problems. Dead-letter replays and deletions and saga re-drives use it.
 */
package org.switchboard.operations.foureyes;
