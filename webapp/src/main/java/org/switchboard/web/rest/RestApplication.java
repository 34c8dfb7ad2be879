package org.switchboard.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath("api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Switchboard",
                        version = "1",
                        description =
                                "Web Store registration and Marketing contacts. Errors are RFC 9457 problem details."))
@SecurityScheme(
        securitySchemeName = RestApplication.LOGIN,
        type = SecuritySchemeType.HTTP,
        scheme = "basic",
        description = "HTTP Basic against the server's ApplicationRealm; the roles each path needs are in its"
                + " description (demo users in the README).")
public class RestApplication extends Application {

    /** The name of the security scheme the paths behind a login require. */
    public static final String LOGIN = "login";
}
