package org.switchboard.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.marketing.boundary.Contacts;

@Path("marketing/contacts")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = RestApplication.LOGIN)
@Tag(name = "Marketing")
public class MarketingContactsResource {

    @Inject
    Contacts contacts;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            summary = "List Marketing's contacts, newest first, a page at a time; or the one of a customer",
            description = "Personal data: Marketing and operators only. The body is one page; X-Total-Count says"
                    + " how many contacts there are and the Link header points at the next and previous pages."
                    + " With customerId, the customer's contact (none or one), without paging.")
    @APIResponse(
            responseCode = "200",
            headers = {
                @Header(
                        name = Paging.TOTAL_HEADER,
                        description = "How many contacts there are (matching customerId, if given)",
                        schema = @Schema(type = SchemaType.INTEGER)),
                @Header(
                        name = "Link",
                        description = "RFC 8288 links with rel=\"next\" and rel=\"prev\" where they exist",
                        schema = @Schema(type = SchemaType.STRING))
            },
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "MarketingContact")))
    @APIResponse(
            responseCode = "400",
            description = "offset or limit is not a whole number in range, or customerId is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "401",
            description = "Not logged in (HTTP Basic)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "Logged in without the marketing or operator role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response list(
            @Parameter(
                            description = "Only this customer's contact",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("customerId")
                    String customerId,
            @Parameter(
                            description = "How many contacts to skip, from 0",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
                    @QueryParam("offset")
                    String offset,
            @Parameter(
                            description = "Page size, 1 to " + Contacts.MAX_PAGE_SIZE,
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "" + Contacts.MAX_PAGE_SIZE,
                                            defaultValue = "" + Paging.DEFAULT_LIMIT))
                    @QueryParam("limit")
                    String limit) {
        var paging = Paging.of(offset, limit, Contacts.MAX_PAGE_SIZE);
        if (customerId != null) {
            var one = contacts.forCustomer(customer(customerId)).stream().toList();
            return paging.respond(one.stream().skip(paging.offset()).toList(), one.size(), uri);
        }
        return paging.respond(contacts.list(paging.offset(), paging.limit()), contacts.count(), uri);
    }

    private static UUID customer(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("customerId must be a UUID, such as the id a registration returns");
        }
    }
}
