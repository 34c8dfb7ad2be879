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
    void withoutAConsumersReasonTheBrokerExhaustedTheRedeliveries() {
        var message = Json.createObjectBuilder()
                .add(
                        "properties",
                        Json.createObjectBuilder()
                                .add("_AMQ_ORIG_QUEUE", "integration")
                                .add("_AMQ_ORIG_ADDRESS", "jms.topic.webstore.events"))
                .build();

        var first = FirstDeadLetter.of(Optional.of(message));

        assertThat(first.reason()).isEqualTo("redelivery exhausted on integration");
        assertThat(first.originalAddress()).as("nested properties are read too").isEqualTo("jms.topic.webstore.events");
        assertThat(FirstDeadLetter.of(Optional.of(Json.createObjectBuilder().build()))
                        .reason())
                .isEqualTo("redelivery exhausted");
    }

    @Test
    void aMessageGoneBeforeItWasReadIsSaidToBe() {
        assertThat(FirstDeadLetter.of(Optional.empty())).isEqualTo(FirstDeadLetter.GONE);
        assertThat(FirstDeadLetter.GONE.reason()).contains("already gone");
    }
}
