package org.switchboard.operations.deadletters.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.operations.deadletters.entity.ActionRequest.Action;
import org.switchboard.operations.foureyes.entity.AuditAction;

class ApprovedRequestsTest {

    @Test
    void anOutcomeReadsAsItWasAudited() {
        assertThat(ApprovedRequests.words(Action.REPLAY.done())).isEqualTo("replayed");
        assertThat(ApprovedRequests.words(Action.DELETE.done())).isEqualTo("deleted");
        assertThat(ApprovedRequests.words(AuditAction.NOT_FOUND)).isEqualTo("not found");
    }

    @Test
    void eachActionHasItsOwnAuditActions() {
        assertThat(Action.REPLAY.requested()).isEqualTo(AuditAction.REQUESTED_REPLAY);
        assertThat(Action.DELETE.requested()).isEqualTo(AuditAction.REQUESTED_DELETE);
        assertThat(Action.REPLAY.started()).isEqualTo(AuditAction.REPLAY_STARTED);
        assertThat(Action.DELETE.started()).isEqualTo(AuditAction.DELETE_STARTED);
        assertThat(Action.REPLAY.finished()).isEqualTo(AuditAction.REPLAY_FINISHED);
        assertThat(Action.DELETE.finished()).isEqualTo(AuditAction.DELETE_FINISHED);
    }

    @Test
    void everyAuditActionFitsItsColumn() {
        assertThat(AuditAction.values())
                .as("audit_entry.action is varchar(30)")
                .allSatisfy(action -> assertThat(action.name()).hasSizeLessThanOrEqualTo(30));
    }
}
