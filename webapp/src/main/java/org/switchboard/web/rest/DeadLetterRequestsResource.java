package org.switchboard.web.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.operations.boundary.ActionRequests;
import org.switchboard.operations.boundary.AuditView;
import org.switchboard.operations.boundary.FourEyesViolation;
import org.switchboard.operations.boundary.InvalidRequest;
import org.switchboard.operations.boundary.RequestView;

/**
 * Four-eyes replay and deletion of dead letters: operators request, a different approver decides,
 * everything is audited. Who is calling comes from the container, not from the request.
 */
@Path("ops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class DeadLetterRequestsResource {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final String SHAPE = "Expected {action: REPLAY|DELETE, queue, messageIds: [...], reason}.";

    /** What an operator asks for. */
    public record NewRequest(String action, String queue, List<String> messageIds, String reason) {}

    /** An approver's decision. */
    public record Decision(String reason) {}

    @Inject
    ActionRequests requests;

    @Context
    SecurityContext security;

    @POST
    @Path("requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Request a replay or deletion of dead letters (operators)",
            description = "Runs a dry run at once; nothing happens until a different approver approves.")
    public Response request(String body) {
        require("operator");
        NewRequest request;
        try {
            request = JSON.fromJson(body, NewRequest.class);
        } catch (JsonbException e) {
            throw new MalformedRequestBody(SHAPE);
        }
        if (request == null) {
            throw new MalformedRequestBody(SHAPE);
        }
        try {
            var created = requests.request(request.action(), request.queue(), request.messageIds(), request.reason());
            return Response.status(Response.Status.CREATED).entity(created).build();
        } catch (InvalidRequest e) {
            throw new Unprocessable(e.getMessage());
        } catch (EJBAccessException e) {
            throw new ForbiddenException("This needs the operator role");
        }
    }

    @POST
    @Path("requests/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve someone else's request and carry it out (approvers)")
    public RequestView approve(@PathParam("id") UUID id, String body) {
        return decide(id, true, body);
    }

    @POST
    @Path("requests/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject someone else's request (approvers)")
    public RequestView reject(@PathParam("id") UUID id, String body) {
        return decide(id, false, body);
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
    public RequestView one(@PathParam("id") UUID id) {
        return requests.request(id).orElseThrow(() -> new NotFoundException("No request " + id));
    }

    @GET
    @Path("audit")
    @Operation(summary = "The audit trail, newest first: who, when, what, why")
    public List<AuditView> audit() {
        return requests.audit();
    }

    private RequestView decide(UUID id, boolean approve, String body) {
        require("approver");
        Decision decision;
        try {
            decision = body == null || body.isBlank() ? null : JSON.fromJson(body, Decision.class);
        } catch (JsonbException e) {
            throw new MalformedRequestBody("Expected {reason}.");
        }
        if (decision == null) {
            throw new MalformedRequestBody("Expected {reason}.");
        }
        if (requests.request(id).isEmpty()) {
            throw new NotFoundException("No request " + id);
        }
        RequestView decided;
        try {
            decided = requests.decide(id, approve, decision.reason());
        } catch (FourEyesViolation e) {
            throw new ForbiddenException(e.getMessage());
        } catch (InvalidRequest e) {
            throw new Unprocessable(e.getMessage());
        } catch (EJBAccessException e) {
            throw new ForbiddenException("This needs the approver role");
        } catch (EJBException e) {
            if (causedBy(e, OptimisticLockException.class)) {
                throw new ClientErrorException(
                        "Someone else decided on request " + id + " at the same time", Response.Status.CONFLICT);
            }
            throw e;
        }
        return approve ? requests.carryOut(id) : decided;
    }

    private void require(String role) {
        if (!security.isUserInRole(role)) {
            throw new ForbiddenException("This needs the " + role + " role");
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause) || cause.getClass().getName().endsWith("StaleObjectStateException")) {
                return true;
            }
        }
        return false;
    }

    /** 422 with the service's reason: the request was understood and refused; nothing changed. */
    static class Unprocessable extends WebApplicationException {
        Unprocessable(String detail) {
            super(
                    detail,
                    Problem.of(ProblemMappers.UNPROCESSABLE, "refused", detail).toResponse());
        }
    }
}
