package org.switchboard.web.faces;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.switchboard.operations.boundary.ActionRequests;
import org.switchboard.operations.boundary.AuditView;
import org.switchboard.operations.boundary.DeadLetter;
import org.switchboard.operations.boundary.DeadLetterGroup;
import org.switchboard.operations.boundary.DeadLetterTriage;
import org.switchboard.operations.boundary.FourEyesViolation;
import org.switchboard.operations.boundary.InvalidRequest;
import org.switchboard.operations.boundary.RequestView;

/**
 * Backs ops/dead-letters.xhtml: dead letters by origin and reason, the requests, the audit trail;
 * and the forms with which operators request a replay or deletion and approvers decide. The rules
 * (four eyes, dead-letter queues only, a reason) live in {@link ActionRequests}; this bean turns
 * its verdicts into Faces messages and, after a change, redirects (post, redirect, get).
 *
 * <p>What a form acts on travels with the form as it was shown (hidden fields {@code queue},
 * {@code messageIds}, {@code requestId}), not as a row index: dead letters come and go between
 * showing the page and posting it, and a shifted row must not turn a request into one for another
 * message. The service checks those values as it checks the REST API's.
 */
@Named
@RequestScoped
public class DeadLetterPage {

    private static final System.Logger LOG = System.getLogger(DeadLetterPage.class.getName());
    private static final String PAGE = "/ops/dead-letters.xhtml?faces-redirect=true";

    @Inject
    DeadLetterTriage triage;

    @Inject
    ActionRequests requests;

    @Inject
    FacesContext faces;

    private List<DeadLetterGroup> groups;
    private List<RequestView> requestList;
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
        acted = true;
        var why = reason;
        reason = null; // not shown again in every other row's form
        var queue = parameter("queue");
        var ids = Arrays.stream(parameter("messageIds").split("\\s+"))
                .filter(id -> !id.isEmpty())
                .toList();
        try {
            var created = requests.request(action, queue, ids, why);
            info((action.equals("REPLAY") ? "Replay" : "Deletion") + " of " + count(ids.size())
                    + " requested: request " + created.id() + ", with its dry run under Requests."
                    + " A different approver decides.");
            return redirect();
        } catch (InvalidRequest e) {
            refused("Not requested", e);
        } catch (EJBAccessException e) {
            error("Not requested: replay and deletion are requested by operators.");
        } catch (RuntimeException e) {
            incident("request " + action + " of " + ids + " in " + queue, e);
        }
        forget();
        return null;
    }

    private String decide(boolean approve) {
        acted = true;
        var why = comment;
        comment = null; // not shown again in every other row's form
        UUID id;
        try {
            id = UUID.fromString(parameter("requestId"));
        } catch (IllegalArgumentException e) {
            error("Not decided: the form names no request.");
            return null;
        }
        try {
            var decided = requests.decide(id, approve, why);
            if (!approve) {
                info("Request " + id + " rejected by " + decided.decidedBy() + ": nothing was changed.");
                return redirect();
            }
        } catch (FourEyesViolation | InvalidRequest e) {
            refused("Not decided", e);
            forget();
            return null;
        } catch (EJBAccessException e) {
            error("Not decided: requests are decided by approvers.");
            return null;
        } catch (EJBException e) {
            if (causedBy(e, OptimisticLockException.class)) {
                error("Not decided: someone else decided on request " + id
                        + " at the same time; its status is under Requests.");
            } else {
                incident("decide on request " + id, e);
            }
            forget();
            return null;
        } catch (RuntimeException e) {
            incident("decide on request " + id, e);
            forget();
            return null;
        }
        try {
            var done = requests.carryOut(id);
            var outcome = "Request " + id + " approved and carried out: " + done.status() + " ("
                    + String.join("; ", done.outcome()) + ").";
            if ("DONE".equals(done.status())) {
                info(outcome);
            } else {
                message(FacesMessage.SEVERITY_WARN, outcome);
            }
        } catch (RuntimeException e) {
            // The approval is committed; what was moved is in the audit trail.
            incident("carry out approved request " + id, e);
        }
        return redirect();
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

    /** After a refusal the page is shown again: as it is now, not as it was read before acting. */
    private void forget() {
        groups = null;
        requestList = null;
        audit = null;
    }

    private String parameter(String name) {
        var value = faces.getExternalContext().getRequestParameterMap().get(name);
        return value == null ? "" : value;
    }

    private static String count(int messages) {
        return messages == 1 ? "1 dead letter" : messages + " dead letters";
    }

    private void incident(String what, RuntimeException e) {
        var incident = UUID.randomUUID();
        LOG.log(System.Logger.Level.ERROR, () -> "Incident " + incident + ": " + what + " failed", e);
        error("That could not be completed (incident " + incident + "). The audit trail shows what was done;"
                + " please look there before trying again.");
    }

    /** After a change, the page again by GET, with this request's messages carried over. */
    private String redirect() {
        faces.getExternalContext().getFlash().setKeepMessages(true);
        return PAGE;
    }

    /** The service's reason, as the end of a sentence. */
    private void refused(String what, RuntimeException e) {
        var reason = String.valueOf(e.getMessage());
        error(what + ": " + reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1) + ".");
    }

    private void info(String text) {
        message(FacesMessage.SEVERITY_INFO, text);
    }

    private void error(String text) {
        message(FacesMessage.SEVERITY_ERROR, text);
    }

    private void message(FacesMessage.Severity severity, String text) {
        faces.addMessage(null, new FacesMessage(severity, text, text));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause) || cause.getClass().getName().endsWith("StaleObjectStateException")) {
                return true;
            }
        }
        return false;
    }
}
