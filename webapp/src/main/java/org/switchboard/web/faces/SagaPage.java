package org.switchboard.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.operations.sagas.boundary.RedriveView;
import org.switchboard.operations.sagas.boundary.SagaRedrives;
import org.switchboard.ordering.boundary.SagaDetail;
import org.switchboard.ordering.boundary.SagaSummary;
import org.switchboard.ordering.boundary.Sagas;

/**
 * Backs ops/sagas.xhtml: the order sagas by state (counts, a page of them, overdue ones marked),
 * one saga's history with a link to its journey, the saga's definition drawn from its code, and the
 * four-eyes re-drive: operators request, a different approver decides. The address says what is
 * shown ({@code ?state=&offset=} or {@code ?id=}); refusals are the operations pages' messages
 * ({@link OperationsRefusals}).
 */
@Named
@RequestScoped
public class SagaPage {

    static final int PAGE = 25;

    @Inject
    Sagas sagas;

    @Inject
    SagaRedrives redrives;

    private Optional<SagaDetail> detail;
    private String reason;
    private String comment;

    public Map<String, Long> getCounts() {
        return sagas.counts();
    }

    /** The {@code state} parameter if it names a state, else null (all). */
    public String getState() {
        var state = parameter("state");
        return Sagas.STATES.contains(state) ? state : null;
    }

    public int getOffset() {
        try {
            return Math.max(0, Integer.parseInt(parameter("offset")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public List<SagaSummary> getSagas() {
        return sagas.list(getState(), getOffset(), PAGE);
    }

    public long getTotal() {
        return sagas.total(getState());
    }

    public int getPageSize() {
        return PAGE;
    }

    /** The saga named by {@code ?id=}, or null (with a message when the id is wrong). */
    public SagaDetail getDetail() {
        if (detail == null) {
            detail = Optional.empty();
            var id = parameter("id");
            if (!id.isEmpty()) {
                try {
                    detail = sagas.of(UUID.fromString(id));
                    if (detail.isEmpty()) {
                        say("No order saga " + id + ".");
                    }
                } catch (IllegalArgumentException e) {
                    say("A saga id is a UUID, such as 9a4c2e7b-6d1f-4a38-b5e0-1c7f3d9e2b64.");
                }
            }
        }
        return detail.orElse(null);
    }

    public List<RedriveView> getRedrives() {
        return getDetail() == null
                ? List.of()
                : redrives.ofSaga(getDetail().saga().sagaId());
    }

    public String getDiagram() {
        return sagas.diagramSvg();
    }

    public String resendPending() {
        return request("RESEND_PENDING");
    }

    public String forceCompensation() {
        return request("FORCE_COMPENSATION");
    }

    public String approve() {
        redrives.approve(UUID.fromString(parameter("requestId")), comment);
        return done("Approved: the re-drive is on its way to Ordering; the saga's history shows what it did.");
    }

    public String reject() {
        redrives.reject(UUID.fromString(parameter("requestId")), comment);
        return done("Rejected: nothing was sent.");
    }

    private String request(String action) {
        var saga = getDetail();
        if (saga == null) {
            return null;
        }
        redrives.request(saga.saga().sagaId(), saga.saga().correlationId(), action, reason);
        return done("Requested: a different approver decides.");
    }

    /** Post, redirect, get: the saga shown again, with what was done. */
    private String done(String text) {
        var faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
        return "/ops/sagas.xhtml?faces-redirect=true&id=" + parameter("id");
    }

    public boolean isOperator() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("operator");
    }

    public boolean isApprover() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("approver");
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

    private static String parameter(String name) {
        var value = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get(name);
        return value == null ? "" : value.strip();
    }

    private static void say(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text, text));
    }
}
