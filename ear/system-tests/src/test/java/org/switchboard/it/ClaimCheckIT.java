package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An order's document travels by claim check on the real broker and database: stored once (up to
 * 10 MiB), the saga's messages carry only its reference, Shipping fetches and verifies it, and it
 * is gone from the claim store when the saga ends. A document that is missing or altered when
 * Shipping fetches it dead-letters the command with the reason.
 */
class ClaimCheckIT extends InContainerTest {

    static final int TEN_MIB = 10 * 1024 * 1024;

    String sku;
    UUID customerId;

    @BeforeEach
    void aCustomerAndAProduct() throws Exception {
        var registered = api.register(Api.uniqueEmail("claims"), "Ada", "Lovelace", false, UUID.randomUUID());
        assertThat(registered.status()).isEqualTo(201);
        customerId = UUID.fromString(registered.json().getString("id"));
        await("Ordering learns the customer")
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        tables.count("select count(*) from ordering.customer where customer_id = ?", customerId) == 1);
        sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        tables.update("insert into ordering.product (sku, unit_price, currency) values (?, 100, 'EUR')", sku);
        tables.update("insert into inventory.stock (sku, available) values (?, 10)", sku);
    }

    @Test
    void aTenMibDocumentTravelsByReferenceIsVerifiedAndIsGoneWhenTheSagaEnds() throws Exception {
        var document = new byte[TEN_MIB];
        new Random(42).nextBytes(document);
        var sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document));

        var stored = api.postBytes("api/orders/attachments", document, "application/pdf");

        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.json().getString("sha256")).isEqualTo(sha256);
        assertThat(stored.json().getJsonNumber("size").longValue()).isEqualTo(TEN_MIB);
        var claim = UUID.fromString(stored.json().getString("attachment"));
        assertThat(tables.count("select count(*) from claims.claim where id = ?", claim))
                .isOne();

        var placed = place(claim);
        assertThat(placed.status()).isEqualTo(202);
        await("the order is confirmed")
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        "CONFIRMED".equals(api.get(placed.location()).json().getString("state")));

        var sagaId = sagaOf(placed);
        assertThat(tables.count(
                        "select count(*) from shipping.shipment where saga_id = ? and document_sha256 = '" + sha256
                                + "' and document_size = " + TEN_MIB,
                        sagaId))
                .as("Shipping fetched the document and verified it")
                .isOne();
        assertThat(tables.count("select count(*) from claims.claim where id = ?", claim))
                .as("the claim is deleted when the saga ends")
                .isZero();
    }

    @Test
    void aDocumentOneByteOverTenMibIsRefusedWith413() {
        var refused = api.postBytes("api/orders/attachments", new byte[TEN_MIB + 1], "application/pdf");

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anOrderNamingNoStoredDocumentIsRefused() {
        var refused = place(UUID.randomUUID());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("attachment");
    }

    @Test
    void anAlteredDocumentDeadLettersTheCommandWithTheReason() throws Exception {
        var stored = api.postBytes("api/orders/attachments", "the original".getBytes(), "text/plain");
        var claim = UUID.fromString(stored.json().getString("attachment"));
        tables.update("update claims.claim set content = convert_to('tampered', 'UTF8') where id = ?", claim);

        var placed = place(claim);

        assertThat(placed.status()).isEqualTo(202);
        var flow = UUID.fromString(placed.json().getString("correlationId"));
        await("ArrangeShipment is dead-lettered with CLAIM_CORRUPT")
                .atMost(Duration.ofSeconds(30))
                .until(() -> Broker.messageCount("jms.queue.DLQ.shipping.commands") > 0
                        && Broker.remove(
                                        "jms.queue.DLQ.shipping.commands",
                                        "correlationId = '" + flow + "' AND deadLetterReason = 'CLAIM_CORRUPT'")
                                > 0);
        await("the saga gives up on the shipment and compensates")
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        "CANCELLED".equals(api.get(placed.location()).json().getString("state")));
        assertThat(tables.count("select count(*) from claims.claim where id = ?", claim))
                .as("the claim is deleted when the saga ends, cancelled too")
                .isZero();
        // The retried command was dead-lettered the same way; leave the queue as found.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Broker.remove("jms.queue.DLQ.shipping.commands", "correlationId = '" + flow + "'");
            return Broker.messageCount("jms.queue.DLQ.shipping.commands") == 0;
        });
    }

    private Api.Reply place(UUID attachment) {
        var body = "{\"customerId\":\"" + customerId + "\",\"express\":false,\"attachment\":\"" + attachment
                + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}";
        return api.post("api/orders", body, UUID.randomUUID(), "claim-" + UUID.randomUUID());
    }

    private UUID sagaOf(Api.Reply placed) {
        return UUID.fromString(
                api.get(placed.location()).json().getJsonObject("saga").getString("sagaId"));
    }
}
