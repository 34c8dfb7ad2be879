package org.switchboard.web.faces;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import java.util.Locale;
import java.util.UUID;
import org.switchboard.operations.foureyes.boundary.InvalidDecision;
import org.switchboard.operations.foureyes.boundary.InvalidRequest;

/**
 * What the operations pages' actions cannot do becomes a message on the page, in one place: the
 * page is shown again with the service's reason ("Not requested: …", "Not decided: …"), a role that
 * does not allow the action says so, and anything unexpected gets an incident id that is also in
 * the log — never the error page, and nothing of the refused action was applied. Only failures of
 * actions (invoke application) on pages under {@code /ops/}; everything else goes on to the next
 * handler (see {@link ExpiredViews}). Registered in WEB-INF/faces-config.xml.
 */
public class OperationsRefusals extends ExceptionHandlerFactory {

    public OperationsRefusals(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {

        private static final System.Logger LOG = System.getLogger(OperationsRefusals.class.getName());

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            var faces = FacesContext.getCurrentInstance();
            var events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                var event = events.next().getContext();
                var phase = event.getPhaseId() != null ? event.getPhaseId() : faces.getCurrentPhaseId();
                if (phase == PhaseId.INVOKE_APPLICATION && onOperationsPage(faces)) {
                    events.remove();
                    var text = sentence(event.getException());
                    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
                }
            }
            getWrapped().handle();
        }

        private static boolean onOperationsPage(FacesContext faces) {
            return faces.getViewRoot() != null
                    && faces.getViewRoot().getViewId().startsWith("/ops/");
        }

        static String sentence(Throwable failure) {
            for (var cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidRequest refused) {
                    return "Not requested: " + reason(refused);
                }
                if (cause instanceof InvalidDecision refused) {
                    return "Not decided: " + reason(refused);
                }
                if (cause instanceof EJBAccessException) {
                    return "Not done: replay and deletion are requested by operators and decided by approvers.";
                }
            }
            var incident = UUID.randomUUID();
            LOG.log(System.Logger.Level.ERROR, () -> "Incident " + incident + ": an operations action failed", failure);
            return "That could not be completed (incident " + incident + "). The audit trail shows what was done;"
                    + " please look there before trying again.";
        }

        /** The service's reason, as the end of a sentence. */
        private static String reason(RuntimeException refused) {
            var reason = String.valueOf(refused.getMessage());
            return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1) + ".";
        }
    }
}
