package org.switchboard.messaging;

import jakarta.ejb.MessageDriven;

/**
 * Who consumed a message: the context (the EJB module's name), the message-driven bean, and the
 * durable subscription when it reads a topic. Derived here and nowhere else from the bean's
 * {@code @MessageDriven} annotation, so dead letters and journey notes name a consumer the same way.
 */
public record Consumer(String context, String bean, String subscription) {

    static Consumer of(Class<?> beanClass, String module) {
        var driven = messageDriven(beanClass);
        var name = driven != null && !driven.name().isEmpty() ? driven.name() : beanClass.getSimpleName();
        return new Consumer(module, name, driven != null ? subscription(driven) : null);
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

    private static String subscription(MessageDriven bean) {
        for (var property : bean.activationConfig()) {
            if ("subscriptionName".equals(property.propertyName())) {
                return property.propertyValue();
            }
        }
        return null;
    }
}
