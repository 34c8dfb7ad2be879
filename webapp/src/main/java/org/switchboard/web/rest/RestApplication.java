package org.switchboard.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Switchboard",
                        version = "1",
                        description =
                                "Web Store registration and Marketing contacts. Errors are RFC 9457 problem details."))
public class RestApplication extends Application {}
