package org.switchboard.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.marketing.boundary.Contacts;
import org.switchboard.marketing.boundary.MarketingContact;

@Path("marketing/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Marketing")
public class MarketingContactsResource {

    @Inject
    Contacts contacts;

    @GET
    @Operation(summary = "List Marketing's contacts, newest first; filter by customerId")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "MarketingContact")))
    public List<MarketingContact> list(
            @QueryParam("customerId") UUID customerId,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (customerId != null) {
            return contacts.forCustomer(customerId).stream().toList();
        }
        return contacts.list(offset, limit);
    }
}
