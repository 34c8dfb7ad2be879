package org.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for an alert receiver (PagerDuty, Slack, a chat bot), deployed with the tests at
 * {@code /api/test/alert-webhook}: it records every delivery, and can be told to answer 503 to the
 * next few, to prove the sender retries.
 */
@Path("test/alert-webhook")
public class AlertWebhookReceiver {

    record Delivery(String id, int attempt, String signature, String body, Instant received) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    static final List<Delivery> DELIVERIES = new CopyOnWriteArrayList<>();
    /** Answer 503 to this many OPENED alerts for {@link #FAIL_QUEUE}, whatever else arrives. */
    static final AtomicInteger FAIL_NEXT = new AtomicInteger();

    static volatile String FAIL_QUEUE = "";

    @POST
    @Consumes("application/json")
    public Response receive(
            @HeaderParam("X-Switchboard-Delivery") String id,
            @HeaderParam("X-Switchboard-Attempt") int attempt,
            @HeaderParam("X-Switchboard-Signature") String signature,
            String body) {
        var delivery = new Delivery(id, attempt, signature, body, Instant.now());
        DELIVERIES.add(delivery);
        var json = delivery.json();
        var failThis = "OPENED".equals(json.getString("type")) && FAIL_QUEUE.equals(json.getString("queue"));
        return failThis && FAIL_NEXT.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                ? Response.status(503).build()
                : Response.noContent().build();
    }
}
