package org.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import org.junit.jupiter.api.Test;

class ConsumerTest {

    @MessageDriven(
            name = "FromAQueue",
            activationConfig = {
                @ActivationConfigProperty(
                        propertyName = "destinationLookup",
                        propertyValue = "java:/jms/queue/ordering.customers"),
                @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
            })
    static class FromAQueue {}

    @MessageDriven(
            name = "FromATopic",
            activationConfig = {
                @ActivationConfigProperty(
                        propertyName = "destinationLookup",
                        propertyValue = "java:/jms/topic/webstore.events"),
                @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
                @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "integration")
            })
    static class FromATopic {}

    @Test
    void aQueueConsumerKnowsItsQueueWhateverTheMessageSaysItsDestinationIs() {
        var consumer = Consumer.of(FromAQueue.class, "ordering");

        assertThat(consumer.label()).isEqualTo("ordering/FromAQueue");
        assertThat(consumer.queueLookup()).isEqualTo("java:/jms/queue/ordering.customers");
        assertThat(consumer.subscription()).isNull();
    }

    @Test
    void aSubscriberHasItsSubscriptionAndNoQueue() {
        var consumer = Consumer.of(FromATopic.class, "integration");

        assertThat(consumer.subscription()).isEqualTo("integration");
        assertThat(consumer.queueLookup()).isNull();
    }
}
