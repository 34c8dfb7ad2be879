package org.switchboard.web.faces;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.render.ResponseStateManager;
import java.io.IOException;

/**
 * A form whose view the server cannot restore is not an error of ours: the user is sent to a page
 * that says so, instead of the generic error page, and the log gets one line, no stack trace.
 * Nothing of the post was applied. Two ways to get there: the server-side view state is gone (the
 * session ended, or the value never was one of ours), or the post claims a stateless view ({@value
 * #STATELESS}) for a page that keeps its state on the server, which only a forged request does.
 * Registered in WEB-INF/faces-config.xml.
 */
public class ExpiredViews extends ExceptionHandlerFactory {

    /** The view state a stateless (transient) view writes into its forms. */
    static final String STATELESS = "stateless";

    private static final System.Logger LOG = System.getLogger(ExpiredViews.class.getName());

    public ExpiredViews(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    /** Why a posted view could not be restored. */
    enum Unrestorable {
        EXPIRED,
        FORGED_STATELESS
    }

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            var faces = FacesContext.getCurrentInstance();
            var events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                var reason = unrestorable(faces, events.next().getContext());
                if (reason != null) {
                    events.remove();
                    sendToExpiredPage(faces, reason);
                }
            }
            getWrapped().handle();
        }

        private static void sendToExpiredPage(FacesContext faces, Unrestorable reason) {
            var external = faces.getExternalContext();
            var path = external.getRequestServletPath();
            switch (reason) {
                case EXPIRED ->
                    LOG.log(
                            System.Logger.Level.INFO,
                            "Form posted to {0} with a view state the server does not hold (session ended or"
                                    + " never ours): sent to the expired page",
                            path);
                case FORGED_STATELESS ->
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "Form posted to {0} with a forged stateless view state (the page keeps its state"
                                    + " on the server): refused, sent to the expired page",
                            path);
            }
            if (faces.getResponseComplete()) {
                return;
            }
            try {
                external.redirect(external.getRequestContextPath() + "/expired");
            } catch (IOException e) {
                throw new FacesException(e);
            }
            faces.responseComplete();
        }

        /**
         * Null when the failure is something else. A view that fails to restore from the view state
         * a request posted (or put in its query) is the request's doing: the state is unknown, not
         * an id at all, or claims a stateless view for one that is not. Only a stateless view that
         * fails to build is ours, and goes on to the error page.
         */
        private static Unrestorable unrestorable(FacesContext faces, ExceptionQueuedEventContext event) {
            for (var cause = event.getException(); cause != null; cause = cause.getCause()) {
                if (cause instanceof ViewExpiredException) {
                    return Unrestorable.EXPIRED;
                }
            }
            var phase = event.getPhaseId() != null ? event.getPhaseId() : faces.getCurrentPhaseId();
            var claimed =
                    faces.getExternalContext().getRequestParameterMap().get(ResponseStateManager.VIEW_STATE_PARAM);
            if (phase != PhaseId.RESTORE_VIEW || claimed == null) {
                return null;
            }
            if (!STATELESS.equals(claimed)) {
                return Unrestorable.EXPIRED;
            }
            var view = faces.getViewRoot();
            return view != null && view.isTransient() ? null : Unrestorable.FORGED_STATELESS;
        }
    }
}
