package org.switchboard.messaging.contract;

import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.core.model.V4Interaction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test a message consumer's contract inherits: every message of its pact with one provider,
 * read as its listener reads it, is the example it was declared from. The subclass adds
 * {@code @PactTestFor(providerName = …, providerType = ASYNCH, pactVersion = V4)}, rewrites its pact
 * file before all ({@link ExpectedMessages#rewrite}) and declares the pact in a {@code @Pact(consumer
 * = …)} method with {@link ExpectedMessages#pact}.
 */
@ExtendWith(PactConsumerTestExt.class)
public abstract class MessageConsumerContract {

    /** What the consumer expects of the provider, by description. */
    protected abstract List<ExpectedMessages.Expected> expected();

    @Test
    void everyMessageReadsAsItsExample(List<V4Interaction.AsynchronousMessage> messages) {
        ExpectedMessages.assertReadBack(messages, expected());
    }
}
