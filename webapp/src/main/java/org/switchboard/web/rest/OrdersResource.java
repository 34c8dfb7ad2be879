package org.switchboard.web.rest;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.messaging.claims.ClaimCheck;
import org.switchboard.ordering.boundary.IdempotencyKeyReused;
import org.switchboard.ordering.boundary.InvalidOrder;
import org.switchboard.ordering.boundary.NewOrder;
import org.switchboard.ordering.boundary.OrderStatus;
import org.switchboard.ordering.boundary.Orders;
import org.switchboard.ordering.boundary.ReturnRefused;
import org.switchboard.webstore.boundary.IdempotencyKey;

/**
 * Orders over REST: placing one answers 202 Accepted as soon as the order, its saga and the saga's
 * first command are committed; the client follows the order at its {@code Location}. Returning a
 * confirmed order answers 202 as soon as the return is accepted and announced; the order then moves
 * to RETURNED or RETURN_REJECTED as the other contexts react.
 */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ordering")
public class OrdersResource {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Orders orders;

    @Context
    UriInfo uri;

    /** The request body. */
    public record OrderRequest(UUID customerId, List<LineRequest> lines, Boolean express, UUID attachment) {

        /** One line of the request. */
        public record LineRequest(String sku, Integer quantity) {}

        NewOrder toNewOrder() {
            return new NewOrder(
                    customerId,
                    lines == null
                            ? List.of()
                            : lines.stream()
                                    .map(line -> new NewOrder.Line(
                                            line == null ? null : line.sku(),
                                            line == null || line.quantity() == null ? 0 : line.quantity()))
                                    .toList(),
                    Boolean.TRUE.equals(express),
                    attachment);
        }
    }

    /** A stored document: what an order names as its attachment. */
    public record StoredAttachment(UUID attachment, String sha256, long size, String mediaType) {}

    @POST
    @Path("attachments")
    @Consumes(MediaType.WILDCARD)
    @LargePayload(maxBytes = Orders.MAX_ATTACHMENT_BYTES)
    @Operation(
            summary = "Store an order's document",
            description = "Stores a document of up to 10 MiB (any media type) in the claim store and answers"
                    + " its id, SHA-256 and size; an order then names it as \"attachment\". The order's messages"
                    + " carry only this reference (claim check); the document is deleted when the order's saga"
                    + " ends, or after a day if no order names it.")
    @APIResponse(
            responseCode = "201",
            description = "Stored",
            content = @Content(schema = @Schema(implementation = StoredAttachment.class)))
    @APIResponse(responseCode = "413", description = "Larger than 10 MiB")
    @APIResponse(responseCode = "503", description = "The claim store (the database) is not answering")
    public Response storeAttachment(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        var mediaType = contentType == null || contentType.isBlank() ? MediaType.APPLICATION_OCTET_STREAM : contentType;
        try {
            var stored =
                    orders.storeAttachment(body, mediaType.length() > 200 ? mediaType.substring(0, 200) : mediaType);
            return Response.status(Response.Status.CREATED)
                    .entity(new StoredAttachment(stored.claimId(), stored.sha256(), stored.size(), stored.mediaType()))
                    .build();
        } catch (ClaimCheck.TooLarge e) {
            return PayloadLimit.tooLarge(Orders.MAX_ATTACHMENT_BYTES);
        }
    }

    /** The answer to a placed order. */
    public record Accepted(UUID orderId, UUID correlationId, String status) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Place an order",
            description = "Stores the order and starts its saga (reserve stock, authorise payment, arrange"
                    + " shipment) in one transaction and answers 202; follow the order at Location. With an"
                    + " Idempotency-Key, a retry of the same order answers the same 202 and places nothing more.")
    @APIResponse(
            responseCode = "202",
            description = "Accepted; Location points at the order",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, X-Correlation-ID or Idempotency-Key")
    @APIResponse(responseCode = "413", description = "A body larger than 16 KiB")
    @APIResponse(responseCode = "415", description = "A body that is not application/json")
    @APIResponse(responseCode = "422", description = "Invalid order, or Idempotency-Key used for another order")
    @APIResponse(responseCode = "503", description = "The database is not answering; nothing was placed")
    public Response place(
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = OrderRequest.class)))
                    String body,
            @HeaderParam(CorrelationIds.HEADER) String correlationHeader,
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyHeader) {
        var correlationId = CorrelationIds.fromHeader(correlationHeader);
        var key = IdempotencyKey.fromHeader(idempotencyHeader)
                .map(IdempotencyKey::value)
                .orElse(null);
        var placed = orders.place(parse(body).toNewOrder(), key, correlationId);
        return Response.accepted(new Accepted(placed.orderId(), placed.correlationId(), "PENDING"))
                .location(uri.getAbsolutePathBuilder()
                        .path(placed.orderId().toString())
                        .build())
                .header(CorrelationIds.HEADER, placed.correlationId())
                .build();
    }

    /** The answer to an accepted return. */
    public record ReturnAccepted(UUID orderId, UUID returnId, UUID correlationId, String status) {}

    @POST
    @Path("{id}/return")
    @Operation(
            summary = "Return a confirmed order",
            description = "Marks the order RETURN_REQUESTED and announces ReturnRequested in one transaction,"
                    + " and answers 202; Inventory restocks, Payments refunds, and the order becomes RETURNED, or"
                    + " RETURN_REJECTED if the refund fails (the restock is then reversed). An order is returned"
                    + " once: a second request answers 409 with the state the first one left.")
    @APIResponse(
            responseCode = "202",
            description = "Accepted; Location points at the order",
            content = @Content(schema = @Schema(implementation = ReturnAccepted.class)))
    @APIResponse(responseCode = "400", description = "Malformed X-Correlation-ID")
    @APIResponse(responseCode = "404", description = "No such order (also for an id that is not a UUID)")
    @APIResponse(
            responseCode = "409",
            description = "The order is not confirmed (order-not-returnable), or its return was requested before"
                    + " (return-already-requested)")
    public Response requestReturn(
            @PathParam("id") UUID id, @HeaderParam(CorrelationIds.HEADER) String correlationHeader) {
        var accepted = orders.requestReturn(id, CorrelationIds.fromHeader(correlationHeader))
                .orElseThrow(() -> new NotFoundException("No order " + id));
        return Response.accepted(new ReturnAccepted(
                        accepted.orderId(), accepted.returnId(), accepted.correlationId(), "RETURN_REQUESTED"))
                .location(uri.getBaseUriBuilder()
                        .path(OrdersResource.class)
                        .path(id.toString())
                        .build())
                .header(CorrelationIds.HEADER, accepted.correlationId())
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An order: its state, and its saga's state and steps")
    @APIResponse(responseCode = "200", description = "The order")
    @APIResponse(responseCode = "404", description = "No such order (also for an id that is not a UUID)")
    public OrderStatus find(@PathParam("id") UUID id) {
        return orders.find(id).orElseThrow(() -> new NotFoundException("No order " + id));
    }

    private static OrderRequest parse(String body) {
        if (body == null || body.isBlank()) {
            return new OrderRequest(null, null, null, null);
        }
        try {
            var request = JSON.fromJson(body, OrderRequest.class);
            return request == null ? new OrderRequest(null, null, null, null) : request;
        } catch (JsonbException e) {
            throw new MalformedRequestBody(
                    "The request body is not a JSON object with customerId, lines (sku, quantity), express and"
                            + " optionally attachment (the id of a stored document).");
        }
    }

    @Provider
    public static class InvalidOrderMapper implements ExceptionMapper<InvalidOrder> {
        @Override
        public Response toResponse(InvalidOrder e) {
            return Problem.of(ProblemMappers.UNPROCESSABLE, "invalid-order", "The order breaks the rules")
                    .withErrors(e.violations().stream()
                            .map(violation -> new Problem.FieldError(violation.field(), violation.message()))
                            .toList())
                    .toResponse();
        }
    }

    @Provider
    public static class IdempotencyKeyReusedMapper implements ExceptionMapper<IdempotencyKeyReused> {
        @Override
        public Response toResponse(IdempotencyKeyReused e) {
            return Problem.of(ProblemMappers.UNPROCESSABLE, "idempotency-key-reused", e.getMessage())
                    .toResponse();
        }
    }

    /** 409: a second return, or an order that was never confirmed; the detail names the order's state. */
    @Provider
    public static class ReturnRefusedMapper implements ExceptionMapper<ReturnRefused> {
        @Override
        public Response toResponse(ReturnRefused e) {
            return Problem.of(
                            Response.Status.CONFLICT,
                            e.returnId() == null ? "order-not-returnable" : "return-already-requested",
                            e.getMessage())
                    .toResponse();
        }
    }
}
