package org.switchboard.ordering.entity;

import java.util.List;

/**
 * What a reply or a timeout did to a saga: the commands to send, in this order, and a note for the
 * saga's history; {@link #ignored} when it changed nothing (late, or a duplicate).
 */
public record Transition(boolean changed, List<SagaAction> actions, String note) {

    public static Transition ignored(String why) {
        return new Transition(false, List.of(), why);
    }

    public static Transition to(String note, SagaAction... actions) {
        return new Transition(true, List.of(actions), note);
    }
}
