package org.switchboard.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.switchboard.operations.deadletters.boundary.ActionRequests;
import org.switchboard.operations.deadletters.boundary.DeadLetter;
import org.switchboard.operations.deadletters.boundary.DeadLetterGroup;
import org.switchboard.operations.deadletters.boundary.DeadLetterTriage;
import org.switchboard.operations.deadletters.boundary.LedgerView;
import org.switchboard.operations.deadletters.boundary.RequestView;
import org.switchboard.operations.foureyes.boundary.AuditView;

/**
 * Backs ops/dead-letters.xhtml: dead letters by origin and reason, the requests, the audit trail;
 * and the forms with which operators request a replay or deletion and approvers decide. The rules
 * (four eyes, dead-letter queues only, a reason, who may do what) live in {@link ActionRequests};
 * its refusals become Faces messages in {@link OperationsRefusals}, and after a change this bean
 * redirects (post, redirect, get).
 *
 * <p>What a form acts on travels with the form as it was shown (hidden fields {@code queue},
 * {@code messageIds}, {@code requestId}), not as a row index: dead letters come and go between
 * showing the page and posting it, and a shifted row must not turn a request into one for another
 * message. The service checks those values as it checks the REST API's.
 */
@Named
@RequestScoped
public class DeadLetterPage {

    private static final String PAGE = "/ops/dead-letters.xhtml?faces-redirect=true";

    @Inject
    DeadLetterTriage triage;

    @Inject
    ActionRequests requests;

    @Inject
    FacesContext faces;

    private List<DeadLetterGroup> groups;
    private List<RequestView> requestList;
    private List<LedgerView> changedOutside;
    private List<AuditView> audit;
    private String reason;
    private String comment;
    private boolean acted;

    public List<DeadLetterGroup> getGroups() {
        if (groups == null) {
            groups = triage.groups();
        }
        return groups;
    }

    /** The dead-letter queues whose messages left them outside four-eyes (none: the books balance). */
    public List<LedgerView> getChangedOutside() {
        if (changedOutside == null) {
            changedOutside = triage.ledgers().stream()
                    .filter(ledger -> ledger.removedOutside() > 0)
                    .toList();
        }
        return changedOutside;
    }

    public List<RequestView> getRequests() {
        if (requestList == null) {
            requestList = requests.requests();
        }
        return requestList;
    }

    public List<AuditView> getAudit() {
        if (audit == null) {
            var all = requests.audit();
            audit = all.subList(0, Math.min(100, all.size()));
        }
        return audit;
    }

    public String requestReplay() {
        return request("REPLAY");
    }

    public String requestDeletion() {
        return request("DELETE");
    }

    public String approve() {
        return decide(true);
    }

    public String reject() {
        return decide(false);
    }

    private String request(String action) {
        acting();
        // Read from the posted form itself, like its messageIds: the rows are read from the broker
        // again on the postback, and a dead letter that arrived in between shifts them, so the
        // component bound to #{deadLetterPage.reason} may belong to another row by now.
        var why = submitted("reason").orElse(reason);
        reason = null; // not shown again in every other row's form
        var ids = Arrays.stream(parameter("messageIds").split("\\s+"))
                .filter(id -> !id.isEmpty())
                .toList();
        var created = requests.request(action, parameter("queue"), ids, why);
        info((action.equals("REPLAY") ? "Replay" : "Deletion") + " of " + count(ids.size())
                + " requested: request " + created.id() + ", with its dry run under Requests."
                + " A different approver decides.");
        return redirect();
    }

    private String decide(boolean approve) {
        acting();
        // Read from the posted form, like request()'s reason and its request id: the rows are read
        // again on the postback, so the component bound to #{deadLetterPage.comment} may stand in
        // another row by now.
        var why = submitted("comment").orElse(comment);
        comment = null; // not shown again in every other row's form
        UUID id;
        try {
            id = UUID.fromString(parameter("requestId"));
        } catch (IllegalArgumentException e) {
            message(FacesMessage.SEVERITY_ERROR, "Not decided: the form names no request.");
            return null;
        }
        if (approve) {
            var approved = requests.approve(id, why);
            info("Request " + id + " approved by " + approved.decidedBy() + ": it is being carried out, one message"
                    + " at a time; its status and outcome show under Requests, each step in the audit trail.");
        } else {
            var rejected = requests.reject(id, why);
            info("Request " + id + " rejected by " + rejected.decidedBy() + ": nothing was changed.");
        }
        return redirect();
    }

    /**
     * A form was posted to an action. Whatever the service says, the page is shown again as it is
     * now, not as it was read before acting.
     */
    private void acting() {
        acted = true;
        groups = null;
        requestList = null;
        audit = null;
    }

    /**
     * A post that reached no action and no validation: the form's row is gone (its dead letter
     * left the queue, or the page is stale). Say so rather than show the page as if all went well.
     * Called just before the page's messages render.
     */
    public void checkPostback() {
        if (faces.isPostback()
                && !acted
                && !faces.isValidationFailed()
                && faces.getMessageList().isEmpty()) {
            message(
                    FacesMessage.SEVERITY_WARN,
                    isOperator() || isApprover()
                            ? "Nothing was done: what you acted on is no longer on the page. Please look again."
                            : "Nothing was done: requests and decisions are for operators and approvers.");
        }
    }

    /**
     * True while Faces processes a post: a decision form must then exist in every row, so that the
     * one posted is found even if its request's status changed meanwhile; the service then says
     * why it cannot be decided. When rendering, only pending requests get the form.
     */
    public boolean isPosting() {
        return faces.isPostback() && faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE;
    }

    public boolean isOperator() {
        return faces.getExternalContext().isUserInRole("operator");
    }

    public boolean isApprover() {
        return faces.getExternalContext().isUserInRole("approver");
    }

    /** The caller's own request (the service compares names in lower case, so does this). */
    public boolean mine(RequestView request) {
        var user = faces.getExternalContext().getRemoteUser();
        return user != null && user.toLowerCase(Locale.ROOT).equals(request.requestedBy());
    }

    /** The message ids of a group, as one hidden field carries them. */
    public String ids(DeadLetterGroup group) {
        return String.join(" ", group.messages().stream().map(DeadLetter::id).toList());
    }

    public int getMaxMessages() {
        return ActionRequests.MAX_MESSAGES;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    /** A field of the form that was posted (its id is posted as a field named and valued alike). */
    private java.util.Optional<String> submitted(String field) {
        var posted = faces.getExternalContext().getRequestParameterMap();
        return posted.entrySet().stream()
                .filter(e -> e.getKey().equals(e.getValue())
                        && (e.getKey().endsWith(":group")
                                || e.getKey().endsWith(":letter")
                                || e.getKey().endsWith(":decision")))
                .map(e -> posted.get(e.getKey() + ":" + field))
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    private String parameter(String name) {
        var value = faces.getExternalContext().getRequestParameterMap().get(name);
        return value == null ? "" : value;
    }

    private static String count(int messages) {
        return messages == 1 ? "1 dead letter" : messages + " dead letters";
    }

    /** After a change, the page again by GET, with this request's messages carried over. */
    private String redirect() {
        faces.getExternalContext().getFlash().setKeepMessages(true);
        return PAGE;
    }

    private void info(String text) {
        message(FacesMessage.SEVERITY_INFO, text);
    }

    private void message(FacesMessage.Severity severity, String text) {
        faces.addMessage(null, new FacesMessage(severity, text, text));
    }
}
