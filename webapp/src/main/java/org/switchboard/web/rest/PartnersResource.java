package org.switchboard.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.partners.boundary.Backlog;
import org.switchboard.partners.boundary.DeliveryView;
import org.switchboard.partners.boundary.EndpointView;
import org.switchboard.partners.boundary.InvalidWebhookRequest;
import org.switchboard.partners.boundary.NewEndpoint;
import org.switchboard.partners.boundary.NotReplayable;
import org.switchboard.partners.boundary.Partners;
import org.switchboard.partners.boundary.UnknownWebhook;

/**
 * Partners' webhook endpoints and deliveries for operators (docs/adr/0015-partner-webhooks-outbox.md):
 * register an endpoint, enable one that was disabled, replay a FAILED delivery; read them and the
 * backlog. Roles are checked by {@link Partners}; refusals become problems in {@link ProblemMappers}.
 */
@Path("ops/partners")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = RestApplication.LOGIN)
@Tag(name = "Partner webhooks")
public class PartnersResource {

    @Inject
    Partners partners;

    @POST
    @Path("endpoints")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register a partner's webhook endpoint (operators)",
            description = "{partner, url (http or https), secret (16 to 200 characters), events: [order.confirmed,"
                    + " order.cancelled]}. Every later event of those types is posted to the URL, signed with the"
                    + " secret (Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 over \"<t>.<body>\">);"
                    + " the secret is never shown again.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "422", description = "Not a usable endpoint (problem+json says why)")
    public Response register(JsonBody body, @Context UriInfo uri) {
        if (body == null) {
            throw new MalformedRequestBody("The request body is empty; send a JSON object.");
        }
        var fields = body.fields("partner", "url", "secret", "events");
        var request = new NewEndpoint(
                fields.requiredString("partner"),
                fields.requiredString("url"),
                fields.requiredString("secret"),
                fields.requiredStrings("events"));
        fields.verify();
        var created = partners.register(request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Path("endpoints")
    @Operation(summary = "The registered endpoints, oldest first, without their secrets")
    public List<EndpointView> endpoints() {
        return partners.endpoints();
    }

    @GET
    @Path("endpoints/{id}")
    @Operation(summary = "One endpoint: its state and how it has been answering")
    public EndpointView endpoint(@PathParam("id") UUID id) {
        return partners.endpoint(id);
    }

    @POST
    @Path("endpoints/{id}/enable")
    @Operation(
            summary = "Enable an endpoint (operators)",
            description = "An endpoint disabled after failing too often in a row is enabled; its failures are"
                    + " forgotten and its pending deliveries go out.")
    public EndpointView enable(@PathParam("id") UUID id) {
        return partners.enable(id);
    }

    @GET
    @Path("deliveries")
    @Operation(summary = "The newest deliveries (at most 200), of one state or all")
    public List<DeliveryView> deliveries(
            @Parameter(description = "PENDING, DELIVERED or FAILED; all if absent") @QueryParam("state") String state) {
        return partners.deliveries(state);
    }

    @POST
    @Path("deliveries/{id}/replay")
    @Operation(
            summary = "Replay a FAILED delivery (operators)",
            description = "Back to PENDING with a fresh budget of attempts; the partner gets the same Webhook-Id.")
    @APIResponse(responseCode = "204", description = "Queued again")
    @APIResponse(responseCode = "409", description = "Not FAILED")
    public Response replay(@PathParam("id") long id) {
        partners.replay(id);
        return Response.noContent().build();
    }

    @GET
    @Path("backlog")
    @Operation(summary = "Deliveries pending and failed, endpoints disabled (as of the last five seconds)")
    public Backlog backlog() {
        return partners.backlog();
    }

    /** A webhook endpoint that cannot work as given (scheme, secret, event types): 422 with the reason. */
    @Provider
    public static class InvalidWebhookRequestMapper implements ExceptionMapper<InvalidWebhookRequest> {
        @Override
        public Response toResponse(InvalidWebhookRequest e) {
            return Problem.of(ProblemMappers.UNPROCESSABLE, "refused", e.getMessage())
                    .toResponse();
        }
    }

    /** No such webhook endpoint or delivery: 404. */
    @Provider
    public static class UnknownWebhookMapper implements ExceptionMapper<UnknownWebhook> {
        @Override
        public Response toResponse(UnknownWebhook e) {
            return Problem.of(Response.Status.NOT_FOUND, "not-found", e.getMessage())
                    .toResponse();
        }
    }

    /** A replay of a delivery that is not FAILED: 409, nothing changed. */
    @Provider
    public static class NotReplayableMapper implements ExceptionMapper<NotReplayable> {
        @Override
        public Response toResponse(NotReplayable e) {
            return Problem.of(Response.Status.CONFLICT, "conflict", e.getMessage())
                    .toResponse();
        }
    }
}
