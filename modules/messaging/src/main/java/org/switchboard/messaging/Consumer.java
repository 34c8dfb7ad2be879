package org.switchboard.messaging;

import jakarta.ejb.MessageDriven;

/**
 * Who consumed a message: the context (the EJB module's name), the message-driven bean, the
 * durable subscription when it reads a topic, and the JNDI name of the queue when it reads one.
 * Derived here and nowhere else from the bean's {@code @MessageDriven} annotation, so dead letters
 * and journey notes name a consumer the same way.
 *
 * <p>The queue is the one the bean reads, which is not always the message's {@code JMSDestination}:
 * a message that a divert copied from a topic into a queue still names the topic there. A deferral
 * must go back to the queue it came from, and a dead letter to that queue's dead-letter queue.
 */
public record Consumer(String context, String bean, String subscription, String queueLookup) {

    public Consumer(String context, String bean, String subscription) {
        this(context, bean, subscription, null);
    }

    static Consumer of(Class<?> beanClass, String module) {
        var driven = messageDriven(beanClass);
        var name = driven != null && !driven.name().isEmpty() ? driven.name() : beanClass.getSimpleName();
        if (driven == null) {
            return new Consumer(module, name, null, null);
        }
        var queue = "jakarta.jms.Queue".equals(property(driven, "destinationType"))
                ? property(driven, "destinationLookup")
                : null;
        return new Consumer(module, name, property(driven, "subscriptionName"), queue);
    }

    /** How dead letters name their consumer, e.g. {@code marketing/CreateCustomerListener}. */
    public String label() {
        return context + '/' + bean;
    }

    private static MessageDriven messageDriven(Class<?> bean) {
        for (var type = bean; type != null; type = type.getSuperclass()) {
            var annotation = type.getAnnotation(MessageDriven.class);
            if (annotation != null) {
                return annotation;
            }
        }
        return null;
    }

    private static String property(MessageDriven bean, String name) {
        for (var property : bean.activationConfig()) {
            if (name.equals(property.propertyName())) {
                return property.propertyValue();
            }
        }
        return null;
    }
}
