package org.switchboard.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.webstore.boundary.IdempotencyKey;
import org.switchboard.webstore.boundary.InvalidRegistration;
import org.switchboard.webstore.boundary.NewCustomer;
import org.switchboard.webstore.boundary.RegisteredCustomer;
import org.switchboard.webstore.boundary.Registration;
import org.switchboard.webstore.boundary.Registrations;

@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Web Store")
public class CustomersResource {

    @Inject
    Registrations registrations;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register a customer",
            description = "Stores the customer and its CustomerRegistered event in one transaction; the event is"
                    + " published right after the commit. With an Idempotency-Key, a retry of the same request"
                    + " (same key, same body) answers the original 201 again and registers nothing more.")
    @APIResponse(
            responseCode = "400",
            description = "Body is not exactly one JSON object in UTF-8 (not JSON, an array, trailing content, a"
                    + " key twice), X-Correlation-ID is not a UUID, or Idempotency-Key is not 1 to 200 printable"
                    + " ASCII characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The e-mail address is already registered (email-already-registered), the"
                    + " X-Correlation-ID already started another registration's flow (correlation-id-in-use),"
                    + " or another request with this Idempotency-Key is still in progress"
                    + " (idempotency-key-in-progress, with Retry-After)",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "With idempotency-key-in-progress: seconds to wait",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "413",
            description = "Body larger than 16 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "415",
            description = "Body not sent as application/json, or with a charset other than UTF-8",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "422",
            description = "A field of the wrong JSON type, an unknown field, or fullName together with givenName"
                    + " or familyName (invalid-request-body); fields that break the registration rules, names"
                    + " included (invalid-registration); both with errors[]. Or the Idempotency-Key was used for"
                    + " a different request (idempotency-key-reused)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "503",
            description = "The database is unavailable; nothing was registered, or (if the connection was lost"
                    + " during the commit) it may have been: retry after Retry-After seconds with the same"
                    + " Idempotency-Key",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait before retrying",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "201",
            description = "Registered (or registered before under this Idempotency-Key: the same answer again);"
                    + " Location points at the customer",
            content = @Content(schema = @Schema(ref = "RegisteredCustomer")))
    public Response register(
            @RequestBody(required = true, content = @Content(schema = @Schema(ref = "NewCustomer"))) JsonBody body,
            @Parameter(
                            description = "Optional UUID to correlate this registration's messages. It starts one"
                                    + " flow only: an id another registration already used is refused (409"
                                    + " correlation-id-in-use); a retry with the same Idempotency-Key is not a"
                                    + " second registration.")
                    @HeaderParam(CorrelationIds.HEADER)
                    String correlationHeader,
            @Parameter(
                            description = "Optional key (1 to 200 printable ASCII characters, e.g. a UUID) that"
                                    + " makes a retry safe: the same key with the same body within 24 hours answers"
                                    + " the first registration's 201 again (same Location and X-Correlation-ID)"
                                    + " without registering again; with a different body, 422"
                                    + " idempotency-key-reused. Refusals (409, 422) are not remembered: the same"
                                    + " request is evaluated again and refused the same way.")
                    @HeaderParam(IdempotencyKey.HEADER)
                    String idempotencyHeader) {
        var correlationId = CorrelationIds.fromHeader(correlationHeader);
        var key = IdempotencyKey.fromHeader(idempotencyHeader).orElse(null);
        var request = parse(body);
        var customer = register(request, correlationId, key).customer();
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(customer.id().toString())
                        .build())
                .header(CorrelationIds.HEADER, customer.correlationId())
                .entity(customer)
                .build();
    }

    private Registration register(RegistrationRequest request, UUID correlationId, IdempotencyKey key) {
        var customer = request.toNewCustomer();
        try {
            return registrations.register(customer, correlationId, key);
        } catch (InvalidRegistration e) {
            throw request.usesFullName() ? e.renamed("givenName", "fullName") : e;
        } catch (IdempotencyKey.InProgress e) {
            // This request waited on the key until the other one finished: its outcome is ours.
            return registrations.replay(key, customer).orElseThrow(() -> e);
        }
    }

    /** The registration's fields, by name and JSON type; any other field is refused. */
    private static RegistrationRequest parse(JsonBody body) {
        if (body == null) {
            throw new MalformedRequestBody("The request body is empty; send a JSON object.");
        }
        var fields = body.fields("email", "givenName", "familyName", "fullName", "marketingConsent");
        var request = new RegistrationRequest(
                fields.string("email"),
                fields.string("givenName"),
                fields.string("familyName"),
                fields.string("fullName"),
                fields.bool("marketingConsent"));
        fields.verify();
        if (request.fullName() != null && (request.givenName() != null || request.familyName() != null)) {
            throw new InvalidRequestBody(java.util.Map.of(
                    "fullName", "Send either fullName (deprecated) or givenName and familyName, not both"));
        }
        return request;
    }

    /**
     * The request body. {@code fullName} is the first API version's single name field, still
     * accepted: without a given name it becomes the given name.
     */
    public record RegistrationRequest(
            String email, String givenName, String familyName, String fullName, Boolean marketingConsent) {

        boolean usesFullName() {
            return givenName == null && familyName == null && fullName != null;
        }

        NewCustomer toNewCustomer() {
            return usesFullName()
                    ? NewCustomer.withFullName(email, fullName, marketingConsent)
                    : new NewCustomer(email, givenName, familyName, marketingConsent);
        }
    }

    @GET
    @SecurityRequirement(name = RestApplication.LOGIN)
    @Operation(
            summary = "List customers, newest first, a page at a time",
            description = "Personal data: staff and operators only. The body is one page; X-Total-Count says how"
                    + " many customers there are and the Link header points at the next and previous pages.")
    @APIResponse(
            responseCode = "200",
            headers = {
                @Header(
                        name = Paging.TOTAL_HEADER,
                        description = "How many customers there are",
                        schema = @Schema(type = SchemaType.INTEGER)),
                @Header(
                        name = "Link",
                        description = "RFC 8288 links with rel=\"next\" and rel=\"prev\" where they exist",
                        schema = @Schema(type = SchemaType.STRING))
            },
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "RegisteredCustomer")))
    @APIResponse(
            responseCode = "400",
            description = "offset or limit is not a whole number in range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "401",
            description = "Not logged in (HTTP Basic)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "Logged in without the staff or operator role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response list(
            @Parameter(
                            description = "How many customers to skip, from 0",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
                    @QueryParam("offset")
                    String offset,
            @Parameter(
                            description = "Page size, 1 to " + Registrations.MAX_PAGE_SIZE,
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "" + Registrations.MAX_PAGE_SIZE,
                                            defaultValue = "" + Paging.DEFAULT_LIMIT))
                    @QueryParam("limit")
                    String limit) {
        var paging = Paging.of(offset, limit, Registrations.MAX_PAGE_SIZE);
        return paging.respond(registrations.list(paging.offset(), paging.limit()), registrations.count(), uri);
    }

    @GET
    @Path("{id}")
    @SecurityRequirement(name = RestApplication.LOGIN)
    @Operation(summary = "One customer", description = "Personal data: staff and operators only.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "RegisteredCustomer")))
    @APIResponse(
            responseCode = "404",
            description = "No such customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "401",
            description = "Not logged in (HTTP Basic)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "Logged in without the staff or operator role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public RegisteredCustomer find(@PathParam("id") UUID id) {
        return registrations.find(id).orElseThrow(() -> new NotFoundException("No customer " + id));
    }

    @Provider
    public static class InvalidCorrelationIdMapper implements ExceptionMapper<CorrelationIds.InvalidCorrelationId> {
        @Override
        public Response toResponse(CorrelationIds.InvalidCorrelationId e) {
            return Problem.of(Response.Status.BAD_REQUEST, "invalid-correlation-id", e.getMessage())
                    .toResponse();
        }
    }
}
