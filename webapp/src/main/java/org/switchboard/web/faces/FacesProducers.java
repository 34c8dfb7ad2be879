package org.switchboard.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.faces.annotation.FacesConfig;
import jakarta.faces.context.FacesContext;

/** Activates Faces' CDI integration and makes the request's FacesContext injectable. */
@FacesConfig
public class FacesProducers {

    @Produces
    @RequestScoped
    FacesContext facesContext() {
        return FacesContext.getCurrentInstance();
    }
}
