package org.switchboard.operations.deadletters.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.operations.deadletters.entity.ActionRequest.Action;
import org.switchboard.operations.deadletters.entity.AuditAction;

class ApprovedRequestsTest {

    @Test
    void anOutcomeReadsAsItWasAudited() {
        assertThat(ApprovedRequests.words(AuditAction.done(Action.REPLAY))).isEqualTo("replayed");
        assertThat(ApprovedRequests.words(AuditAction.done(Action.DELETE))).isEqualTo("deleted");
        assertThat(ApprovedRequests.words(AuditAction.NOT_FOUND)).isEqualTo("not found");
    }

    @Test
    void eachActionHasItsOwnAuditActions() {
        assertThat(AuditAction.requested(Action.REPLAY)).isEqualTo(AuditAction.REQUESTED_REPLAY);
        assertThat(AuditAction.requested(Action.DELETE)).isEqualTo(AuditAction.REQUESTED_DELETE);
        assertThat(AuditAction.started(Action.REPLAY)).isEqualTo(AuditAction.REPLAY_STARTED);
        assertThat(AuditAction.started(Action.DELETE)).isEqualTo(AuditAction.DELETE_STARTED);
        assertThat(AuditAction.finished(Action.REPLAY)).isEqualTo(AuditAction.REPLAY_FINISHED);
        assertThat(AuditAction.finished(Action.DELETE)).isEqualTo(AuditAction.DELETE_FINISHED);
    }

    @Test
    void everyAuditActionFitsItsColumn() {
        assertThat(AuditAction.values())
                .as("audit_entry.action is varchar(30)")
                .allSatisfy(action -> assertThat(action.name()).hasSizeLessThanOrEqualTo(30));
    }
}
