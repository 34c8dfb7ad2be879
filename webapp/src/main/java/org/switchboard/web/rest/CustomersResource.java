package org.switchboard.web.rest;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.webstore.boundary.InvalidRegistration;
import org.switchboard.webstore.boundary.NewCustomer;
import org.switchboard.webstore.boundary.RegisteredCustomer;
import org.switchboard.webstore.boundary.Registrations;

@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Web Store")
public class CustomersResource {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Registrations registrations;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register a customer",
            description = "Stores the customer and publishes CustomerRegistered in one transaction.")
    @APIResponse(
            responseCode = "400",
            description = "Body is not valid JSON, or X-Correlation-ID is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The e-mail address is already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "413",
            description = "Body larger than 16 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "422",
            description = "Fields break the registration rules; see errors[]",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location points at the customer",
            content = @Content(schema = @Schema(ref = "RegisteredCustomer")))
    public Response register(
            @RequestBody(required = true, content = @Content(schema = @Schema(ref = "NewCustomer"))) String body,
            @Parameter(description = "Optional UUID to correlate this registration's messages")
                    @HeaderParam(CorrelationIds.HEADER)
                    String correlationHeader) {
        var correlationId = CorrelationIds.fromHeader(correlationHeader);
        var request = parse(body);
        RegisteredCustomer customer;
        try {
            customer = registrations.register(request.toNewCustomer(), correlationId);
        } catch (InvalidRegistration e) {
            throw request.usesFullName() ? e.renamed("givenName", "fullName") : e;
        }
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(customer.id().toString())
                        .build())
                .header(CorrelationIds.HEADER, correlationId)
                .entity(customer)
                .build();
    }

    /**
     * Parsed here rather than by the JSON-B provider, so that a body we cannot read is told apart
     * from every other processing failure (those are ours: 500, logged).
     */
    private static RegistrationRequest parse(String body) {
        var empty = new RegistrationRequest(null, null, null, null, null);
        if (body == null || body.isBlank()) {
            return empty;
        }
        try {
            var request = JSON.fromJson(body, RegistrationRequest.class);
            return request == null ? empty : request;
        } catch (JsonbException e) {
            throw new MalformedRequestBody(
                    "The request body is not a JSON object with email, givenName, familyName and marketingConsent.");
        }
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
    @Operation(summary = "List customers, newest first")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "RegisteredCustomer")))
    public List<RegisteredCustomer> list(
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        return registrations.list(offset, limit);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One customer")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "RegisteredCustomer")))
    @APIResponse(
            responseCode = "404",
            description = "No such customer",
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
