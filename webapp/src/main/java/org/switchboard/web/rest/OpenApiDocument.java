package org.switchboard.web.rest;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Tidies the generated OpenAPI document (registered as {@code mp.openapi.filter} in
 * META-INF/microprofile-config.properties): the annotations' unset {@code license} and
 * {@code externalDocs} come out as empty objects, which the OpenAPI 3.1 schema refuses (a license
 * needs a name, external docs a url). This API states neither, so they are left out.
 */
public class OpenApiDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        var info = openAPI.getInfo();
        if (info != null && info.getLicense() != null && blank(info.getLicense().getName())) {
            info.setLicense(null);
        }
        if (openAPI.getExternalDocs() != null && blank(openAPI.getExternalDocs().getUrl())) {
            openAPI.setExternalDocs(null);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
