package org.switchboard.web.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/** Switches on Faces' CDI integration (injectable FacesContext, EL resolution through CDI). */
@FacesConfig
@ApplicationScoped
public class FacesActivation {}
