package org.switchboard.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.switchboard.operations.boundary.ActionRequests;
import org.switchboard.operations.boundary.AuditView;
import org.switchboard.operations.boundary.DeadLetterGroup;
import org.switchboard.operations.boundary.DeadLetterTriage;
import org.switchboard.operations.boundary.RequestView;

/** Backs ops/dead-letters.xhtml: dead letters by origin and reason, the requests, the audit trail. */
@Named
@RequestScoped
public class DeadLetterPage {

    @Inject
    DeadLetterTriage triage;

    @Inject
    ActionRequests requests;

    private List<DeadLetterGroup> groups;

    public List<DeadLetterGroup> getGroups() {
        if (groups == null) {
            groups = triage.groups();
        }
        return groups;
    }

    public List<RequestView> getRequests() {
        return requests.requests();
    }

    public List<AuditView> getAudit() {
        var audit = requests.audit();
        return audit.subList(0, Math.min(100, audit.size()));
    }
}
