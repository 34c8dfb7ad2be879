package org.switchboard.web.faces;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.io.IOException;

/**
 * A form posted after its session ended (its server-side view state is gone) is not an error of
 * ours: the user is sent to a page that says so, instead of the generic error page. Nothing of the
 * post was applied. Registered in WEB-INF/faces-config.xml.
 */
public class ExpiredViews extends ExceptionHandlerFactory {

    public ExpiredViews(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            var events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                if (expired(events.next().getContext().getException())) {
                    events.remove();
                    var faces = FacesContext.getCurrentInstance();
                    var external = faces.getExternalContext();
                    try {
                        external.redirect(external.getRequestContextPath() + "/expired.html");
                    } catch (IOException e) {
                        throw new FacesException(e);
                    }
                    faces.responseComplete();
                }
            }
            getWrapped().handle();
        }

        private static boolean expired(Throwable failure) {
            for (var cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }
    }
}
