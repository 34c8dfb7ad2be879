package org.switchboard.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API under /api; its OpenAPI info and security scheme are in META-INF/openapi.yaml. */
@ApplicationPath("api")
public class RestApplication extends Application {

    /** The OpenAPI security scheme (HTTP Basic) that the paths behind a login require. */
    public static final String LOGIN = "login";
}
