package org.switchboard.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.operations.sagas.boundary.RedriveView;
import org.switchboard.operations.sagas.boundary.SagaRedrives;
import org.switchboard.ordering.boundary.SagaDetail;
import org.switchboard.ordering.boundary.SagaSummary;
import org.switchboard.ordering.boundary.Sagas;

/**
 * The order sagas for operations: Ordering's read-only view of them (states, deadlines, history,
 * the definition drawn from its code) next to Operations' four-eyes re-drives. An operator
 * requests, a different approver decides; refusals become problems ({@link ProblemMappers}).
 */
@Path("ops")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = RestApplication.LOGIN)
@Tag(name = "Operations")
public class SagasResource {

    /** Sagas per page at most. */
    static final int MAX_PAGE = 100;

    /** One saga with its history and the re-drives requested for it. */
    public record SagaView(SagaDetail detail, List<RedriveView> redrives) {}

    /** What an operator asks for: {action: RESEND_PENDING|FORCE_COMPENSATION, reason}, both required. */
    public record NewRedrive(String action, String reason) {

        static NewRedrive of(JsonBody body) {
            var fields = present(body).fields("action", "reason");
            var request = new NewRedrive(fields.requiredString("action"), fields.requiredString("reason"));
            fields.verify();
            return request;
        }
    }

    @Inject
    Sagas sagas;

    @Inject
    SagaRedrives redrives;

    @Context
    UriInfo uri;

    @GET
    @Path("sagas")
    @Operation(
            summary = "Order sagas, the most recently changed first",
            description = "Filtered by state if asked; paged with offset and limit, X-Total-Count and Link.")
    @APIResponse(
            responseCode = "200",
            description = "One page of sagas; X-Total-Count and Link as for customers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SagaSummary.class)))
    @APIResponse(responseCode = "400", description = "An unknown state, or offset or limit out of range")
    public Response list(
            @Parameter(description = "RESERVING_STOCK, AUTHORISING_PAYMENT, ARRANGING_SHIPMENT, CONFIRMED or CANCELLED")
                    @QueryParam("state")
                    String state,
            @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        var filter = state(state);
        var paging = Paging.of(offset, limit, MAX_PAGE);
        return paging.respond(sagas.list(filter, paging.offset(), paging.limit()), sagas.total(filter), uri);
    }

    @GET
    @Path("sagas/states")
    @Operation(summary = "How many order sagas are in each state")
    public Map<String, Long> counts() {
        return sagas.counts();
    }

    @GET
    @Path("sagas/diagram")
    @Produces("image/svg+xml")
    @Operation(summary = "The order saga's definition as an SVG image, drawn from the code that runs it")
    public String diagram() {
        return sagas.diagramSvg();
    }

    @GET
    @Path("sagas/{id}")
    @Operation(summary = "One order saga with its history and the re-drives requested for it")
    @APIResponse(responseCode = "200", description = "The saga")
    @APIResponse(responseCode = "404", description = "No such saga (also for an id that is not a UUID)")
    public SagaView one(@PathParam("id") UUID id) {
        return new SagaView(found(id), redrives.ofSaga(id));
    }

    @POST
    @Path("sagas/{id}/redrives")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Request a re-drive of a stuck saga (operators)",
            description = "Resend its pending command or force its compensation; nothing happens until a different"
                    + " approver approves. Ordering applies it only if the saga still waits in a step.")
    @APIResponse(
            responseCode = "201",
            description = "Requested; a different approver decides",
            content = @Content(schema = @Schema(implementation = RedriveView.class)))
    @APIResponse(responseCode = "400", description = "A body that is not a JSON object")
    @APIResponse(responseCode = "413", description = "A body larger than 16 KiB")
    @APIResponse(responseCode = "415", description = "A body that is not application/json")
    @APIResponse(responseCode = "404", description = "No such saga")
    @APIResponse(responseCode = "422", description = "An unknown action, no reason, or a saga that waits in no step")
    public Response request(@PathParam("id") UUID id, JsonBody body) {
        var request = NewRedrive.of(body);
        var saga = found(id).saga();
        var created = redrives.request(id, saga.correlationId(), request.action(), request.reason());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @POST
    @Path("redrives/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Approve someone else's re-drive (approvers)",
            description =
                    "The command to Ordering is committed with the approval; the saga's history shows what it did.")
    @APIResponse(responseCode = "200", description = "Approved; the command to Ordering is committed")
    @APIResponse(responseCode = "400", description = "A body that is not a JSON object")
    @APIResponse(responseCode = "413", description = "A body larger than 16 KiB")
    @APIResponse(responseCode = "415", description = "A body that is not application/json")
    @APIResponse(responseCode = "403", description = "Not an approver, or the approver is the requester (four eyes)")
    @APIResponse(responseCode = "404", description = "No such re-drive request")
    @APIResponse(responseCode = "409", description = "Decided already")
    @APIResponse(responseCode = "422", description = "No reason given (refused)")
    public RedriveView approve(@PathParam("id") UUID id, JsonBody body) {
        return redrives.approve(id, DeadLetterRequestsResource.Decision.of(body).reason());
    }

    @POST
    @Path("redrives/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject someone else's re-drive (approvers)")
    @APIResponse(responseCode = "200", description = "Rejected; nothing is sent")
    @APIResponse(responseCode = "400", description = "A body that is not a JSON object")
    @APIResponse(responseCode = "413", description = "A body larger than 16 KiB")
    @APIResponse(responseCode = "415", description = "A body that is not application/json")
    @APIResponse(responseCode = "403", description = "Not an approver, or the approver is the requester (four eyes)")
    @APIResponse(responseCode = "404", description = "No such re-drive request")
    @APIResponse(responseCode = "409", description = "Decided already")
    @APIResponse(responseCode = "422", description = "No reason given (refused)")
    public RedriveView reject(@PathParam("id") UUID id, JsonBody body) {
        return redrives.reject(id, DeadLetterRequestsResource.Decision.of(body).reason());
    }

    @GET
    @Path("redrives/{id}")
    @Operation(summary = "One re-drive request")
    @APIResponse(responseCode = "200", description = "The request")
    @APIResponse(responseCode = "404", description = "No such re-drive request")
    public RedriveView redrive(@PathParam("id") UUID id) {
        return redrives.request(id).orElseThrow(() -> new NotFoundException("No re-drive request " + id));
    }

    private SagaDetail found(UUID id) {
        return sagas.of(id).orElseThrow(() -> new NotFoundException("No order saga " + id));
    }

    /** Null for all; otherwise one of the saga's states, or the client's mistake (400). */
    static String state(String state) {
        if (state == null || state.isEmpty()) {
            return null;
        }
        if (!Sagas.STATES.contains(state)) {
            throw new BadRequestException("state is one of " + Sagas.STATES + ", not " + state);
        }
        return state;
    }

    private static JsonBody present(JsonBody body) {
        if (body == null) {
            throw new MalformedRequestBody("The request body is empty; send a JSON object.");
        }
        return body;
    }
}
