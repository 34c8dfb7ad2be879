package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.devserver.BrokerIdentities;
import org.switchboard.messaging.Headers;

/**
 * The broker as seen from outside, with Artemis' own JMS client over the HTTP acceptor (port 8080):
 * nobody is guest; a partner may send to partner.inbound and do nothing else; what a partner sends
 * is read like any message, so a valid command is processed once and anything else is
 * dead-lettered with its reason, never deserialised.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class BrokerIdentitiesIT {

    private static final String PARTNER_INBOUND = "partner.inbound";
    private static final String PARTNER_DEAD_LETTERS = "DLQ.partner.inbound";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    URL base;

    @Test
    void anonymousAndWrongPasswordsCannotEvenConnect() {
        assertRefused(() -> Outside.broker(base, null, null).close());
        assertRefused(
                () -> Outside.broker(base, BrokerIdentities.PARTNER, "guessed").close());
        assertRefused(() -> Outside.broker(base, "operations", "guessed").close());
        assertRefused(() -> Outside.broker(base, "guest", "guest").close());
    }

    @Test
    void aUserWithoutARoleMayDoNothing() {
        try (var jms = Outside.broker(base, BrokerIdentities.NOBODY, BrokerIdentities.NOBODY_PASSWORD)) {
            everythingButSendingToItsQueueIsRefused(jms);
            assertRefused(() -> send(jms, PARTNER_INBOUND, j -> j.createTextMessage("{}")));
        }
    }

    @Test
    void aPartnerMaySendToItsQueueAndDoNothingElse() {
        try (var jms = Outside.broker(base, BrokerIdentities.PARTNER, BrokerIdentities.PARTNER_PASSWORD)) {
            everythingButSendingToItsQueueIsRefused(jms);
        }
    }

    @Test
    void aPartnersValidCommandIsProcessedOnce() throws Exception {
        var command = InvalidMessagesIT.command(UUID.randomUUID());
        try (var jms = Outside.broker(base, BrokerIdentities.PARTNER, BrokerIdentities.PARTNER_PASSWORD)) {
            send(
                    jms,
                    PARTNER_INBOUND,
                    j -> InvalidMessagesIT.raw(
                            j,
                            CreateCustomer.TYPE,
                            CreateCustomer.VERSION,
                            command.messageId(),
                            command.correlationId(),
                            json(command)));
        }
        var tables = new Tables(Outside.database());
        await().atMost(Duration.ofSeconds(30)).until(() -> tables.contactsOfCustomer(command.customerId()) == 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> tables.contactsOfCustomer(command.customerId()) == 1);
        assertThat(deadLetterReasons(command.correlationId())).isEmpty();
    }

    /**
     * HTTPS with the development key (jms-config/server.cli): generated at the first handshake, kept
     * in the server's data directory. The pages answer over it, and a partner's JMS client that
     * trusts exactly that certificate connects through the TLS acceptor as the partner and gets a
     * command processed; without a password it cannot connect there either.
     */
    @Test
    void overTlsThePagesAnswerAndAPartnerSendsItsCommands() throws Exception {
        var https = java.net.http.HttpClient.newBuilder()
                .sslContext(TrustFirstUse.context())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var page = https.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("https://localhost:" + Outside.httpsPort(base) + "/register.xhtml"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        var session = page.sslSession().orElseThrow();
        assertThat(session.getProtocol()).isIn("TLSv1.3", "TLSv1.2");
        var presented = (java.security.cert.X509Certificate) session.getPeerCertificates()[0];
        assertThat(presented.getSubjectX500Principal().getName()).contains("CN=localhost");

        var keyStore =
                java.nio.file.Path.of(System.getProperty("jboss.home"), "standalone", "data", "switchboard-tls.p12");
        var stored = java.security.KeyStore.getInstance(keyStore.toFile(), DEVELOPMENT_PASSWORD.toCharArray());
        assertThat(java.util.Collections.list(stored.aliases()))
                .as("the generated key store holds the certificate the server presented")
                .anySatisfy(alias -> assertThat(stored.getCertificate(alias)).isEqualTo(presented));

        assertRefused(() -> Outside.brokerOverTls(base, null, null, keyStore, DEVELOPMENT_PASSWORD)
                .close());
        var command = InvalidMessagesIT.command(UUID.randomUUID());
        try (var jms = Outside.brokerOverTls(
                base, BrokerIdentities.PARTNER, BrokerIdentities.PARTNER_PASSWORD, keyStore, DEVELOPMENT_PASSWORD)) {
            send(
                    jms,
                    PARTNER_INBOUND,
                    j -> InvalidMessagesIT.raw(
                            j,
                            CreateCustomer.TYPE,
                            CreateCustomer.VERSION,
                            command.messageId(),
                            command.correlationId(),
                            json(command)));
            assertRefused(
                    () -> jms.createConsumer(jms.createQueue(PARTNER_INBOUND)).receiveNoWait());
        }
        var tables = new Tables(Outside.database());
        await().atMost(Duration.ofSeconds(30)).until(() -> tables.contactsOfCustomer(command.customerId()) == 1);
    }

    /** The development key store's password (jms-config/server.cli's default). */
    private static final String DEVELOPMENT_PASSWORD = "switchboard";

    /**
     * Trusts whatever certificate the server presents, once, to fetch it: the generated key does not
     * exist before the first handshake. The test then checks that certificate against the key store.
     */
    static final class TrustFirstUse extends javax.net.ssl.X509ExtendedTrustManager {

        static javax.net.ssl.SSLContext context() throws java.security.GeneralSecurityException {
            var context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {new TrustFirstUse()}, null);
            return context;
        }

        @Override
        public void checkServerTrusted(
                java.security.cert.X509Certificate[] chain, String authType, java.net.Socket socket) {}

        @Override
        public void checkServerTrusted(
                java.security.cert.X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {}

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(
                java.security.cert.X509Certificate[] chain, String authType, java.net.Socket socket) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkClientTrusted(
                java.security.cert.X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }

    @Test
    void whatAPartnerSendsThatCannotBeReadIsDeadLetteredWithItsReasonAndNeverDeserialised() {
        var malformed = UUID.randomUUID();
        var object = UUID.randomUUID();
        var bytes = UUID.randomUUID();
        try (var jms = Outside.broker(base, BrokerIdentities.PARTNER, BrokerIdentities.PARTNER_PASSWORD)) {
            send(
                    jms,
                    PARTNER_INBOUND,
                    j -> InvalidMessagesIT.raw(
                            j, "marketing.CreateCustomer", 1, UUID.randomUUID(), malformed, "{\"email\": oops"));
            send(jms, PARTNER_INBOUND, j -> {
                // A class Integration cannot see: deserialising it there would fail loudly.
                var message = j.createObjectMessage(new PartnerPayload("not for the server"));
                return labelled(message, object);
            });
            send(jms, PARTNER_INBOUND, j -> {
                var message = j.createBytesMessage();
                try {
                    message.writeBytes(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5});
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
                return labelled(message, bytes);
            });
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(deadLetterReasons(malformed)).containsExactly("MALFORMED_JSON");
            assertThat(deadLetterReasons(object)).containsExactly("NOT_TEXT");
            assertThat(deadLetterReasons(bytes)).containsExactly("NOT_TEXT");
        });
    }

    @Test
    void aPartnersCommandWhoseNameBreaksTheNameRuleIsDeadLetteredWithItsReason() {
        var names = java.util.Map.of(
                "control character", "Ada\u0007Lovelace",
                "bidi override", "\u202Eecalevol adA",
                "only invisible and space characters", "\u200B\u3000\u00A0",
                "not in NFC", "Zoe\u0308 Lovelace");
        var sent = new java.util.LinkedHashMap<String, CreateCustomer>();
        try (var jms = Outside.broker(base, BrokerIdentities.PARTNER, BrokerIdentities.PARTNER_PASSWORD)) {
            names.forEach((what, name) -> {
                var valid = InvalidMessagesIT.command(UUID.randomUUID());
                var command = new CreateCustomer(
                        valid.messageId(),
                        valid.occurredAt(),
                        valid.correlationId(),
                        valid.causationId(),
                        valid.customerId(),
                        valid.email(),
                        name,
                        valid.customerSince(),
                        valid.marketingConsent());
                sent.put(what, command);
                send(
                        jms,
                        PARTNER_INBOUND,
                        j -> InvalidMessagesIT.raw(
                                j,
                                CreateCustomer.TYPE,
                                CreateCustomer.VERSION,
                                command.messageId(),
                                command.correlationId(),
                                json(command)));
            });
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> sent.forEach((what, command) -> {
                    try {
                        assertThat(deadLetterReasons(command.correlationId()))
                                .as(what)
                                .containsExactly("SCHEMA_VIOLATION");
                    } catch (JMSException e) {
                        throw new IllegalStateException(e);
                    }
                }));
        var tables = new Tables(Outside.database());
        sent.forEach((what, command) -> assertThat(tables.contactsOfCustomer(command.customerId()))
                .as(what + ": no contact")
                .isZero());
    }

    /** Sending to its own queue aside, a partner (or a user without a role) is refused everything. */
    private void everythingButSendingToItsQueueIsRefused(JMSContext jms) {
        assertRefused(() -> send(jms, "marketing.commands", j -> j.createTextMessage("{}")));
        assertRefused(() -> send(jms, PARTNER_DEAD_LETTERS, j -> j.createTextMessage("{}")));
        assertRefused(() -> jms.createProducer().send(jms.createTopic("webstore.events"), "{}"));
        assertRefused(() -> jms.createConsumer(jms.createQueue(PARTNER_INBOUND)).receiveNoWait());
        assertRefused(
                () -> jms.createConsumer(jms.createQueue("marketing.commands")).receiveNoWait());
        assertRefused(() -> Collections.list(
                jms.createBrowser(jms.createQueue(PARTNER_INBOUND)).getEnumeration()));
        assertRefused(() -> Collections.list(
                jms.createBrowser(jms.createQueue(PARTNER_DEAD_LETTERS)).getEnumeration()));
        assertRefused(() -> jms.createSharedDurableConsumer(jms.createTopic("webstore.events"), "eavesdropper"));
        assertRefused(() -> jms.createTemporaryQueue());
        assertRefused(() -> send(jms, "partner.invented-" + UUID.randomUUID(), j -> j.createTextMessage("{}")));
    }

    private static void send(JMSContext jms, String queue, java.util.function.Function<JMSContext, Message> message) {
        jms.createProducer().send(jms.createQueue(queue), message.apply(jms));
    }

    /**
     * The command as a partner writes it, by hand: this client has no JSON binding, and a partner
     * has none of our classes either.
     */
    private static String json(CreateCustomer command) {
        return """
                {"messageId":"%s","occurredAt":"%s","correlationId":"%s","causationId":"%s","customerId":"%s",\
                "email":"%s","fullName":"%s","customerSince":"%s","marketingConsent":%s}""".formatted(
                        command.messageId(),
                        command.occurredAt(),
                        command.correlationId(),
                        // the partner's command starts its flow: caused by nothing before it (as raw(...) says)
                        command.correlationId(),
                        command.customerId(),
                        command.email(),
                        jsonString(command.fullName()),
                        command.customerSince(),
                        command.marketingConsent());
    }

    /** A string's JSON text without its quotes: anything but printable ASCII escaped by its UTF-16 code. */
    private static String jsonString(String value) {
        var out = new StringBuilder();
        value.chars().forEach(c -> {
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                out.append("\\u%04x".formatted(c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    private static Message labelled(Message message, UUID correlationId) {
        try {
            message.setJMSCorrelationID(correlationId.toString());
            message.setJMSType("marketing.CreateCustomer");
            return message;
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reasons of this flow's dead letters in DLQ.partner.inbound, browsed as Operations. */
    private java.util.List<String> deadLetterReasons(UUID correlationId) throws JMSException {
        try (var jms = Outside.broker(base, "operations", Outside.operationsPassword())) {
            var reasons = new ArrayList<String>();
            var browser = jms.createBrowser(
                    jms.createQueue(PARTNER_DEAD_LETTERS), "JMSCorrelationID = '" + correlationId + "'");
            for (var message : Collections.list(browser.getEnumeration())) {
                reasons.add(((Message) message).getStringProperty(Headers.DEAD_LETTER_REASON));
            }
            return reasons;
        }
    }

    /** Refused by the broker: a security exception, in either of JMS' two shapes. */
    private static void assertRefused(ThrowingCallable attempt) {
        assertThatThrownBy(attempt).isInstanceOfAny(JMSRuntimeException.class, JMSException.class);
    }

    /** Something only the partner has. */
    record PartnerPayload(String note) implements java.io.Serializable {}
}
