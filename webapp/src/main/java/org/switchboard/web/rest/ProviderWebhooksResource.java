package org.switchboard.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.payments.boundary.ProviderWebhooks;
import org.switchboard.payments.boundary.WebhookReceipt;
import org.switchboard.payments.boundary.WebhookRefused;

/**
 * Where the payment provider posts its notifications. No login: the HMAC signature says who sent
 * it. The raw bytes are handed on unparsed, because the signature covers exactly them; bodies are
 * limited like every other (16 KiB, 413).
 */
@Path("webhooks/payment-provider")
@Tag(name = "Payment provider webhooks")
public class ProviderWebhooksResource {

    static final String EVENT_ID = "X-Provider-Event-Id";
    static final String TIMESTAMP = "X-Provider-Timestamp";
    static final String SIGNATURE = "X-Provider-Signature";

    @Inject
    ProviderWebhooks webhooks;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Receive a payment provider notification (settlement, chargeback)",
            description = "Body: {eventId, type (payment.settled | payment.charged_back; other types are"
                    + " acknowledged and ignored), occurredAt, payment: {reference (our saga id), status,"
                    + " reason?}}. Verified first: X-Provider-Signature is sha256=<hex HMAC-SHA256 of"
                    + " \"<X-Provider-Timestamp>.<raw body>\"> under the current or, during a rotation, the"
                    + " previous secret, and the timestamp lies within 5 minutes of now. Then stored and queued"
                    + " in one transaction before the answer (store and forward); processed later over JMS."
                    + " A notification received again (same eventId) is answered DUPLICATE and changes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "Stored and queued (ACCEPTED), received before (DUPLICATE), or not acted on (IGNORED)")
    @APIResponse(responseCode = "400", description = "No readable timestamp, not JSON, or a field missing or malformed")
    @APIResponse(
            responseCode = "401",
            description = "Bad or missing signature (a wrong or rotated-out secret), or a timestamp outside the window")
    @APIResponse(responseCode = "413", description = "Larger than 16 KiB")
    @APIResponse(
            responseCode = "503",
            description = "No webhook secret configured, or the database is not answering: send again later")
    public WebhookReceipt receive(
            InputStream body,
            @Parameter(description = "The provider's id of the event, the same for every attempt")
                    @HeaderParam(EVENT_ID)
                    String eventId,
            @Parameter(description = "When it was signed, seconds since the epoch") @HeaderParam(TIMESTAMP)
                    String timestamp,
            @Parameter(description = "sha256=<hex HMAC>") @HeaderParam(SIGNATURE) String signature)
            throws IOException {
        return webhooks.receive(eventId, timestamp, signature, body.readAllBytes());
    }

    /** A refused notification: 401 (signature, window), 400 (unreadable) or 503 (no secret here). */
    @Provider
    public static class WebhookRefusedMapper implements ExceptionMapper<WebhookRefused> {
        @Override
        public Response toResponse(WebhookRefused e) {
            return switch (e.why()) {
                case UNAUTHENTICATED ->
                    Response.fromResponse(
                                    Problem.of(Response.Status.UNAUTHORIZED, "webhook-" + e.code(), e.getMessage())
                                            .toResponse())
                            .header("WWW-Authenticate", "HMAC-SHA256 realm=\"payment-provider\"")
                            .build();
                case UNREADABLE ->
                    Problem.of(Response.Status.BAD_REQUEST, "webhook-" + e.code(), e.getMessage())
                            .toResponse();
                case UNAVAILABLE ->
                    Problem.of(Response.Status.SERVICE_UNAVAILABLE, "webhook-" + e.code(), e.getMessage())
                            .toResponse();
            };
        }
    }
}
