package org.switchboard.ordering.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.switchboard.ordering.entity.SagaAction;
import org.switchboard.ordering.entity.SagaDefinition;
import org.switchboard.ordering.entity.SagaEvent;
import org.switchboard.ordering.entity.SagaRedrive;
import org.switchboard.ordering.entity.SagaState;
import org.switchboard.ordering.entity.Transition;
import org.w3c.dom.Element;

/**
 * The saga's diagram is drawn from the code that runs it: every transition the saga makes is on
 * it, nothing else is, and a change of the definition changes the drawing. The docs' copy
 * (docs/order-saga.md) is checked to be the current one.
 */
class SagaDiagramTest {

    static final Path DOC = Path.of("../../docs/order-saga.md");

    /** "FROM -TRIGGER-> TO / ACTIONS": one transition as the definition has it. */
    static Set<String> defined(SagaDefinition definition) {
        var lines = new HashSet<String>();
        definition
                .edges()
                .forEach(edge ->
                        lines.add(edge.from() + " -" + edge.trigger() + "-> " + edge.to() + " / " + edge.actions()));
        return lines;
    }

    /** The same, read back from the SVG: each arrow's ends and each line of text along it. */
    static Set<String> drawn(String svg) throws Exception {
        var document = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        var lines = new HashSet<String>();
        var groups = document.getElementsByTagName("g");
        for (var i = 0; i < groups.getLength(); i++) {
            var group = (Element) groups.item(i);
            if (!group.getAttribute("class").equals("transition")) {
                continue;
            }
            var texts = group.getElementsByTagName("text");
            for (var j = 0; j < texts.getLength(); j++) {
                var text = (Element) texts.item(j);
                var trigger = text.getAttribute("data-trigger");
                var label = text.getTextContent();
                var actions = label.equals(trigger) ? "[]" : "[" + label.substring(trigger.length() + 3) + "]";
                lines.add(group.getAttribute("data-from") + " -" + trigger + "-> " + group.getAttribute("data-to")
                        + " / " + actions);
            }
        }
        return lines;
    }

    static List<String> states(String svg) throws Exception {
        var document = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        var states = new ArrayList<String>();
        var groups = document.getElementsByTagName("g");
        for (var i = 0; i < groups.getLength(); i++) {
            var group = (Element) groups.item(i);
            if (group.getAttribute("class").startsWith("state")) {
                states.add(group.getAttribute("data-state"));
            }
        }
        return states;
    }

    @Test
    void everyTransitionOfTheCodeIsDrawnAndNothingElse() throws Exception {
        var definition = SagaDefinition.orderSaga();
        var diagram = new SagaDiagram(definition);

        assertThat(drawn(diagram.svg())).isEqualTo(defined(definition));
        assertThat(states(diagram.svg()))
                .containsExactlyInAnyOrder(
                        Stream.of(SagaState.values()).map(Enum::name).toArray(String[]::new));
        assertThat(diagram.mermaid().lines().filter(line -> line.contains(" : ")))
                .hasSize(definition.edges().size());
    }

    @Test
    void everyReplyExpiryRedriveAndCommandOfTheCodeIsOnIt() {
        var svg = new SagaDiagram(SagaDefinition.orderSaga()).svg();

        Stream.of(SagaEvent.values()).forEach(event -> assertThat(svg).contains("data-trigger=\"" + event + "\""));
        Stream.of(SagaRedrive.values())
                .forEach(redrive -> assertThat(svg).contains("data-trigger=\"OPERATOR " + redrive + "\""));
        Stream.of(SagaAction.values())
                .filter(SagaAction::forward)
                .forEach(command -> assertThat(svg).contains("data-trigger=\"EXPIRED " + command + "\""));
        Stream.of(SagaAction.values()).forEach(action -> assertThat(svg).contains(action.name()));
        assertThat(svg).contains("TIMEOUT (attempts left)").contains("TIMEOUT (last attempt)");
    }

    @Test
    void theTransitionsAreTheOnesTheSagaMakes() {
        var edges = defined(SagaDefinition.orderSaga());

        assertThat(edges)
                .contains(
                        "RESERVING_STOCK -STOCK_RESERVED-> AUTHORISING_PAYMENT / [AUTHORISE_PAYMENT]",
                        "RESERVING_STOCK -STOCK_UNAVAILABLE-> CANCELLED / []",
                        "AUTHORISING_PAYMENT -PAYMENT_DECLINED-> CANCELLED / [RELEASE_STOCK]",
                        "ARRANGING_SHIPMENT -SHIPMENT_FAILED-> CANCELLED / [REFUND_PAYMENT, RELEASE_STOCK]",
                        "ARRANGING_SHIPMENT -SHIPMENT_ARRANGED-> CONFIRMED / []",
                        "AUTHORISING_PAYMENT -TIMEOUT (attempts left)-> AUTHORISING_PAYMENT / [AUTHORISE_PAYMENT]",
                        "ARRANGING_SHIPMENT -OPERATOR RESEND_PENDING-> ARRANGING_SHIPMENT / [ARRANGE_SHIPMENT]",
                        "ARRANGING_SHIPMENT -OPERATOR FORCE_COMPENSATION-> CANCELLED / [REFUND_PAYMENT, RELEASE_STOCK]")
                .noneMatch(edge -> edge.startsWith("CONFIRMED") || edge.startsWith("CANCELLED"))
                // Each of the three steps: its two replies, two timeouts, its own command's expiry, two re-drives.
                .hasSize(3 * 7);
    }

    @Test
    void aChangedDefinitionIsDrawnChanged() throws Exception {
        var withoutShortStock = SagaDefinition.explore(SagaDefinition.triggers().stream()
                .filter(trigger -> !trigger.name().equals("STOCK_UNAVAILABLE"))
                .toList());
        var extra = new ArrayList<>(SagaDefinition.triggers());
        extra.add(new SagaDefinition.Trigger(
                "AUDITOR HALT",
                saga -> saga.state() == SagaState.AUTHORISING_PAYMENT
                        ? saga.redrive(SagaRedrive.FORCE_COMPENSATION, "halt", java.time.Instant.EPOCH, null)
                        : Transition.ignored("not here")));
        var withAHalt = SagaDefinition.explore(extra);

        var before = drawn(new SagaDiagram(SagaDefinition.orderSaga()).svg());
        var shorter = drawn(new SagaDiagram(withoutShortStock).svg());
        var longer = drawn(new SagaDiagram(withAHalt).svg());

        assertThat(before).contains("RESERVING_STOCK -STOCK_UNAVAILABLE-> CANCELLED / []");
        assertThat(shorter).doesNotContain("RESERVING_STOCK -STOCK_UNAVAILABLE-> CANCELLED / []");
        assertThat(before).containsAll(shorter).hasSize(shorter.size() + 1);
        assertThat(longer)
                .containsAll(before)
                .contains("AUTHORISING_PAYMENT -AUDITOR HALT-> CANCELLED / [REFUND_PAYMENT, RELEASE_STOCK]")
                .hasSize(before.size() + 1);
        assertThat(new SagaDiagram(withAHalt).mermaid())
                .contains("AUTHORISING_PAYMENT --> CANCELLED : AUDITOR HALT / REFUND_PAYMENT, RELEASE_STOCK");
    }

    /**
     * The docs draw the saga with the same generated Mermaid text. Run with
     * {@code -Dswitchboard.write-docs=true} to write it after a change of the saga.
     */
    @Test
    void theDocsShowTheCurrentDefinition() throws Exception {
        var expected = OrderSagaDocument.of(new SagaDiagram(SagaDefinition.orderSaga()).mermaid());
        if (Boolean.getBoolean("switchboard.write-docs")) {
            Files.writeString(DOC, expected);
        }
        assertThat(Files.readString(DOC))
                .as("docs/order-saga.md is generated from the saga's code; run this test with"
                        + " -Dswitchboard.write-docs=true to bring it up to date")
                .isEqualTo(expected);
    }
}
