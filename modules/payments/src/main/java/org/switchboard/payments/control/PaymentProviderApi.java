package org.switchboard.payments.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * The payment provider's HTTP API as Payments uses it (docs/payment-provider.openapi.yaml), a
 * MicroProfile Rest Client built by {@link PaymentProvider}. A payment is known there by our
 * reference, the saga's id; every call carries an {@code Idempotency-Key}.
 */
@Path("/payments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RegisterProvider(ProviderErrors.class)
public interface PaymentProviderApi {

    String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** The amount we ask the provider to authorise. */
    record PaymentRequest(String reference, long amount, String currency) {}

    /** Why we give money back (the provider voids what is not captured yet, and refunds the rest). */
    record RefundRequest(String reason) {}

    /** The provider's view of one payment. */
    record ProviderPayment(String reference, long amount, String currency, ProviderStatus status, String reason) {}

    @POST
    ProviderPayment authorise(@HeaderParam(IDEMPOTENCY_KEY) String key, PaymentRequest request);

    @POST
    @Path("{reference}/refund")
    ProviderPayment refund(
            @HeaderParam(IDEMPOTENCY_KEY) String key, @PathParam("reference") String reference, RefundRequest request);
}
