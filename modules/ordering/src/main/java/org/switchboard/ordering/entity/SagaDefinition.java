package org.switchboard.ordering.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The order saga's definition as data, read from the code that runs it rather than written down a
 * second time: starting from a new saga, every trigger the saga knows (each reply, a timeout that
 * retries, a last timeout, each step command's expiry, each operator re-drive) is applied to a saga
 * in every state it can reach, and each trigger that changes it is one {@link Edge}. Whatever
 * {@link OrderSaga} decides, this says — so a diagram drawn from it cannot fall behind the code.
 */
public record SagaDefinition(SagaState start, List<SagaState> states, List<Edge> edges) {

    /** One transition: in state {@code from}, {@code trigger} moves the saga to {@code to} and sends {@code actions}. */
    public record Edge(SagaState from, String trigger, SagaState to, List<SagaAction> actions) {}

    /** Something that can happen to a saga, by the name the diagram gives it. */
    public record Trigger(String name, Function<OrderSaga, Transition> apply) {}

    private static final Instant EPOCH = Instant.EPOCH;
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    /** The order saga as {@link OrderSaga} defines it. */
    public static SagaDefinition orderSaga() {
        return explore(triggers());
    }

    /** Every trigger {@link OrderSaga} knows. */
    public static List<Trigger> triggers() {
        var triggers = new ArrayList<Trigger>();
        for (var event : SagaEvent.values()) {
            triggers.add(new Trigger(event.name(), saga -> saga.on(event, "", EPOCH, TIMEOUT)));
        }
        // A timeout with attempts left retries; the same timeout on the last attempt gives up.
        triggers.add(new Trigger(
                "TIMEOUT (attempts left)",
                saga -> saga.onTimeout(saga.state(), saga.attempt(), saga.attempt() + 1, EPOCH, TIMEOUT)));
        triggers.add(new Trigger(
                "TIMEOUT (last attempt)",
                saga -> saga.onTimeout(saga.state(), saga.attempt(), saga.attempt(), EPOCH, TIMEOUT)));
        for (var action : SagaAction.values()) {
            if (action.forward()) {
                triggers.add(new Trigger("EXPIRED " + action, saga -> saga.onExpired(action, EPOCH)));
            }
        }
        for (var redrive : SagaRedrive.values()) {
            triggers.add(new Trigger("OPERATOR " + redrive, saga -> saga.redrive(redrive, "", EPOCH, TIMEOUT)));
        }
        return List.copyOf(triggers);
    }

    /**
     * Explores the states a new saga reaches under these triggers, breadth first. A saga in a state
     * is made by replaying, on a new saga, the triggers that first led there.
     */
    public static SagaDefinition explore(List<Trigger> triggers) {
        var start = fresh().state();
        var paths = new LinkedHashMap<SagaState, List<Trigger>>();
        paths.put(start, List.of());
        var edges = new ArrayList<Edge>();
        var queue = new ArrayDeque<SagaState>(List.of(start));
        while (!queue.isEmpty()) {
            var from = queue.poll();
            for (var trigger : triggers) {
                var saga = replay(paths.get(from));
                var transition = trigger.apply().apply(saga);
                if (!transition.changed()) {
                    continue;
                }
                var to = saga.state();
                edges.add(new Edge(from, trigger.name(), to, transition.actions()));
                if (!paths.containsKey(to)) {
                    var path = new ArrayList<>(paths.get(from));
                    path.add(trigger);
                    paths.put(to, List.copyOf(path));
                    queue.add(to);
                }
            }
        }
        return new SagaDefinition(start, List.copyOf(paths.keySet()), List.copyOf(edges));
    }

    /** The edges grouped by where they lead from and to, in the order they were found. */
    public Map<List<SagaState>, List<Edge>> byEnds() {
        var grouped = new LinkedHashMap<List<SagaState>, List<Edge>>();
        for (var edge : edges) {
            grouped.computeIfAbsent(List.of(edge.from(), edge.to()), ends -> new ArrayList<>())
                    .add(edge);
        }
        return grouped;
    }

    private static OrderSaga replay(List<Trigger> path) {
        var saga = fresh();
        path.forEach(trigger -> trigger.apply().apply(saga));
        return saga;
    }

    private static OrderSaga fresh() {
        return new OrderSaga(new UUID(0, 1), new UUID(0, 2), EPOCH, TIMEOUT);
    }
}
