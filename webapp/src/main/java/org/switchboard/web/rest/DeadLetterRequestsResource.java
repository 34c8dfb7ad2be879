package org.switchboard.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.operations.deadletters.boundary.ActionRequests;
import org.switchboard.operations.deadletters.boundary.RequestView;
import org.switchboard.operations.foureyes.boundary.AuditView;

/**
 * Four-eyes replay and deletion of dead letters: operators request, a different approver decides,
 * everything is audited. Who is calling comes from the container, not from the request; what they
 * may do, and every refusal, from {@link ActionRequests} (turned into problems by {@link ProblemMappers}).
 */
@Path("ops")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = RestApplication.LOGIN)
@Tag(name = "Operations")
public class DeadLetterRequestsResource {

    /** What an operator asks for: {action: REPLAY|DELETE, queue, messageIds: [...], reason}, all required. */
    public record NewRequest(String action, String queue, List<String> messageIds, String reason) {

        static NewRequest of(JsonBody body) {
            var fields = present(body).fields("action", "queue", "messageIds", "reason");
            var request = new NewRequest(
                    fields.requiredString("action"),
                    fields.requiredString("queue"),
                    fields.requiredStrings("messageIds"),
                    fields.requiredString("reason"));
            fields.verify();
            return request;
        }
    }

    /** An approver's decision: {reason}, required. */
    public record Decision(String reason) {

        static Decision of(JsonBody body) {
            var fields = present(body).fields("reason");
            var decision = new Decision(fields.requiredString("reason"));
            fields.verify();
            return decision;
        }
    }

    @Inject
    ActionRequests requests;

    @POST
    @Path("requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Request a replay or deletion of dead letters (operators)",
            description = "Runs a dry run at once; nothing happens until a different approver approves.")
    @APIResponse(
            responseCode = "201",
            description = "Requested, with its dry run",
            content = @Content(schema = @Schema(ref = "RequestView")))
    @APIResponse(responseCode = "400", description = "A body that is not a JSON object")
    @APIResponse(responseCode = "413", description = "A body larger than 16 KiB")
    @APIResponse(responseCode = "415", description = "A body that is not application/json")
    @APIResponse(responseCode = "422", description = "An unknown action or queue, no messages, or no reason (refused)")
    public Response request(JsonBody body) {
        var request = NewRequest.of(body);
        var created = requests.request(request.action(), request.queue(), request.messageIds(), request.reason());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @POST
    @Path("requests/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Approve someone else's request (approvers)",
            description = "Answers once the approval is committed; the request is then carried out, and its"
                    + " status, outcome and audit trail show the progress.")
    @APIResponse(responseCode = "200", description = "Approved; carried out next")
    @APIResponse(responseCode = "400", description = "A body that is not a JSON object")
    @APIResponse(responseCode = "413", description = "A body larger than 16 KiB")
    @APIResponse(responseCode = "415", description = "A body that is not application/json")
    @APIResponse(responseCode = "403", description = "Not an approver, or the approver is the requester (four eyes)")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Decided already, by someone else or before")
    @APIResponse(responseCode = "422", description = "No reason given (refused)")
    public RequestView approve(@PathParam("id") UUID id, JsonBody body) {
        return requests.approve(id, Decision.of(body).reason());
    }

    @POST
    @Path("requests/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject someone else's request (approvers)")
    @APIResponse(responseCode = "200", description = "Rejected; nothing is done")
    @APIResponse(responseCode = "400", description = "A body that is not a JSON object")
    @APIResponse(responseCode = "413", description = "A body larger than 16 KiB")
    @APIResponse(responseCode = "415", description = "A body that is not application/json")
    @APIResponse(responseCode = "403", description = "Not an approver, or the approver is the requester (four eyes)")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Decided already, by someone else or before")
    @APIResponse(responseCode = "422", description = "No reason given (refused)")
    public RequestView reject(@PathParam("id") UUID id, JsonBody body) {
        return requests.reject(id, Decision.of(body).reason());
    }

    @GET
    @Path("requests")
    @Operation(summary = "Replay and deletion requests, newest first")
    public List<RequestView> all() {
        return requests.requests();
    }

    @GET
    @Path("requests/{id}")
    @Operation(summary = "One request with its dry run and outcome")
    @APIResponse(responseCode = "200", description = "The request")
    @APIResponse(responseCode = "404", description = "No such request (also for an id that is not a UUID)")
    public RequestView one(@PathParam("id") UUID id) {
        return requests.request(id).orElseThrow(() -> new NotFoundException("No request " + id));
    }

    @GET
    @Path("audit")
    @Operation(summary = "The audit trail, newest first: who, when, what, why")
    public List<AuditView> audit() {
        return requests.audit();
    }

    private static JsonBody present(JsonBody body) {
        if (body == null) {
            throw new MalformedRequestBody("The request body is empty; send a JSON object.");
        }
        return body;
    }
}
