/**
 * Sagas: what operators may do about a stuck order saga. An operator asks to resend the saga's
 * pending command or to force its compensation; a different approver decides (four eyes, audited
 * in the trail the dead letters share). An approval sends {@code RedriveSaga} to Ordering through
 * Operations' outbox, in the approval's transaction. It owns the requests (table
 * {@code operations.redrive_request}); the saga, its state and whether a re-drive still makes sense
 * are Ordering's, which the webapp shows from Ordering's read-only boundary.
 */
package org.switchboard.operations.sagas;
