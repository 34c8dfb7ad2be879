package org.switchboard.operations.monitoring.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirstDeadLetterTest {

    @Test
    void theConsumersReasonCodeOnlyNeverItsDetail() {
        var message = Json.createObjectBuilder()
                .add("deadLetterReason", "SCHEMA_VIOLATION")
                .add("deadLetterDetail", "email a@example.org is not allowed")
                .add("_AMQ_ORIG_ADDRESS", "jms.queue.marketing.commands")
                .build();

        var first = FirstDeadLetter.of(Optional.of(message));

        assertThat(first.reason()).isEqualTo("SCHEMA_VIOLATION");
        assertThat(first.originalAddress()).isEqualTo("jms.queue.marketing.commands");
    }

    @Test
    void withoutAConsumersReasonItSaysOnlyThatTheBrokerMovedIt() {
        var message = Json.createObjectBuilder()
                .add(
                        "properties",
                        Json.createObjectBuilder()
                                .add("_AMQ_ORIG_QUEUE", "integration")
                                .add("_AMQ_ORIG_ADDRESS", "jms.topic.webstore.events"))
                .build();

        var first = FirstDeadLetter.of(Optional.of(message));

        assertThat(first.reason())
                .as("exhausted attempts and a move by hand leave the same properties")
                .isEqualTo("MOVED_BY_BROKER from integration");
        assertThat(first.originalAddress()).as("nested properties are read too").isEqualTo("jms.topic.webstore.events");
        assertThat(FirstDeadLetter.of(Optional.of(Json.createObjectBuilder().build()))
                        .reason())
                .as("never on another queue: sent to the dead-letter queue directly")
                .isEqualTo("SENT_DIRECTLY");
    }

    @Test
    void aMessageGoneBeforeItWasReadIsSaidToBe() {
        assertThat(FirstDeadLetter.of(Optional.empty())).isEqualTo(FirstDeadLetter.GONE);
        assertThat(FirstDeadLetter.GONE.reason()).contains("already gone");
    }
}
