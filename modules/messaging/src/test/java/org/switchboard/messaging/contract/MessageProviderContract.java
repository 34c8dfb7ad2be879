package org.switchboard.messaging.contract;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.messaging.JsonMessages;

/**
 * The Pact verification a message provider's contract test inherits: one test per interaction in
 * the consumers' pacts, answered by the subclass's {@code @PactVerifyProvider} methods. Only the
 * subclass's own package is scanned for them, so two providers' tests never answer for each other.
 * The subclass adds {@code @Provider} and {@code @PactFolder}.
 */
public abstract class MessageProviderContract {

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new MessageTestTarget(List.of(getClass().getPackageName())));
    }

    /** What Pact compares: the body and headers exactly as the producer's real code builds them. */
    protected static MessageAndMetadata message(JsonMessages.Envelope envelope) {
        return new MessageAndMetadata(envelope.body().getBytes(StandardCharsets.UTF_8), envelope.headers());
    }
}
