package org.switchboard.ordering.control;

/** docs/order-saga.md as it must read: a fixed introduction and the diagram generated from the code. */
final class OrderSagaDocument {

    private OrderSagaDocument() {}

    static String of(String mermaid) {
        return """
                # The order saga, drawn from its code

                Generated from `OrderSaga` by `SagaDefinition` (every trigger applied to a saga in every
                state it reaches) and `SagaDiagram`; `SagaDiagramTest` fails when this file falls behind
                the code (run it with `-Dswitchboard.write-docs=true` to rewrite it). The operations page
                `ops/sagas.xhtml` shows the same definition as an SVG drawn by `SagaDiagram`.

                An arrow reads `TRIGGER / COMMANDS SENT, IN ORDER`. A forward command waits for its reply
                until the step timeout (`switchboard.ordering.step-timeout`); `TIMEOUT (attempts left)`
                retries the step, `TIMEOUT (last attempt)` gives up after
                `switchboard.ordering.step-attempts`. `OPERATOR …` are the four-eyes re-drives Operations
                sends as `RedriveSaga`.

                ```mermaid
                %s```
                """.formatted(mermaid);
    }
}
