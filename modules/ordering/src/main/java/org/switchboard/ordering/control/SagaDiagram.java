package org.switchboard.ordering.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.switchboard.ordering.entity.SagaDefinition;
import org.switchboard.ordering.entity.SagaDefinition.Edge;
import org.switchboard.ordering.entity.SagaState;

/**
 * Draws a saga's definition: as Mermaid text for the docs, and as an inline SVG for the operations
 * page, laid out by ourselves (no script, no CDN). The layout is two columns: the states in the
 * order the saga reaches them on the left, and on the right the ends that many states lead to (a
 * cancellation), so that every failure reads as an arrow to the right and the happy path as the
 * way down.
 */
public final class SagaDiagram {

    static final int BOX_WIDTH = 210;
    static final int BOX_HEIGHT = 44;
    static final int ROW = 160;
    static final int LEFT = 400;
    static final int RIGHT = 1080;
    static final int TOP = 40;
    static final int LINE = 14;

    private final SagaDefinition definition;

    public SagaDiagram(SagaDefinition definition) {
        this.definition = definition;
    }

    /** A Mermaid state diagram: one line per transition, trigger and commands on the arrow. */
    public String mermaid() {
        var text = new StringBuilder("stateDiagram-v2\n");
        text.append("    [*] --> ").append(definition.start()).append('\n');
        for (var edge : definition.edges()) {
            text.append("    ")
                    .append(edge.from())
                    .append(" --> ")
                    .append(edge.to())
                    .append(" : ")
                    .append(label(edge))
                    .append('\n');
        }
        for (var state : definition.states()) {
            if (state.ended()) {
                text.append("    ").append(state).append(" --> [*]\n");
            }
        }
        return text.toString();
    }

    /** An SVG image: a box per state, an arrow per pair of states, a line of text per transition. */
    public String svg() {
        var right = definition.states().stream()
                .filter(state -> state.ended() && sources(state) > 1)
                .toList();
        var left = definition.states().stream().filter(s -> !right.contains(s)).toList();
        var height = TOP * 2 + (left.size() - 1) * ROW + BOX_HEIGHT;
        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"saga-diagram\" role=\"img\" viewBox=\"0 0 ")
                .append(RIGHT + BOX_WIDTH + 20)
                .append(' ')
                .append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">")
                .append("<title>The order saga's states and transitions, drawn from its code</title>")
                .append(
                        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
                                + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>");
        var boxes = new LinkedHashMap<SagaState, int[]>();
        for (var i = 0; i < left.size(); i++) {
            boxes.put(left.get(i), new int[] {LEFT, TOP + i * ROW, BOX_WIDTH, BOX_HEIGHT});
        }
        for (var i = 0; i < right.size(); i++) {
            boxes.put(right.get(i), new int[] {RIGHT, TOP + i * BOX_HEIGHT, BOX_WIDTH, height - 2 * TOP - i * BOX_HEIGHT
            });
        }
        definition.byEnds().forEach((ends, edges) -> arrow(svg, boxes.get(ends.get(0)), boxes.get(ends.get(1)), edges));
        boxes.forEach((state, box) -> box(svg, state, box));
        return svg.append("</svg>").toString();
    }

    private long sources(SagaState state) {
        return definition.edges().stream()
                .filter(edge -> edge.to() == state && edge.from() != state)
                .map(Edge::from)
                .distinct()
                .count();
    }

    private void box(StringBuilder svg, SagaState state, int[] box) {
        var kind = state == definition.start() ? "start" : state.ended() ? "end" : "step";
        svg.append("<g class=\"state ")
                .append(kind)
                .append("\" data-state=\"")
                .append(state)
                .append("\">");
        svg.append("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"8\" fill=\"#fff\" stroke=\"#333\"/>"
                .formatted(box[0], box[1], box[2], box[3]));
        svg.append("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">%s</text>"
                .formatted(box[0] + box[2] / 2, box[1] + Math.min(box[3], BOX_HEIGHT) / 2 + 5, state));
        svg.append("</g>");
    }

    /** One arrow between two boxes (or a loop on one), with a line per transition along it. */
    private static void arrow(StringBuilder svg, int[] from, int[] to, List<Edge> edges) {
        svg.append("<g class=\"transition\" data-from=\"")
                .append(edges.get(0).from())
                .append("\" data-to=\"")
                .append(edges.get(0).to())
                .append("\">");
        var labels = new ArrayList<int[]>();
        if (from == to) {
            var y = from[1] + from[3] / 2;
            svg.append(
                    "<path d=\"M%d,%d C%d,%d %d,%d %d,%d\" fill=\"none\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>"
                            .formatted(from[0], y - 12, from[0] - 40, y - 30, from[0] - 40, y + 30, from[0], y + 12));
            labels.add(new int[] {from[0] - 46, y - (edges.size() - 1) * LINE / 2 + 4, 1});
        } else if (from[0] == to[0]) {
            var x = from[0] + from[2] / 2;
            var y1 = from[1] + from[3];
            var y2 = to[1];
            svg.append("<path d=\"M%d,%d L%d,%d\" fill=\"none\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>"
                    .formatted(x, y1, x, y2));
            labels.add(new int[] {x + 8, (y1 + y2) / 2 - (edges.size() - 1) * LINE / 2 + 4, 0});
        } else {
            var y = from[1] + from[3] / 2;
            var x1 = from[0] + from[2];
            svg.append("<path d=\"M%d,%d L%d,%d\" fill=\"none\" stroke=\"#a33\" marker-end=\"url(#arrow)\"/>"
                    .formatted(x1, y, to[0], y));
            labels.add(new int[] {x1 + 10, y - 6 - (edges.size() - 1) * LINE, 0});
        }
        var at = labels.get(0);
        for (var i = 0; i < edges.size(); i++) {
            svg.append("<text class=\"trigger\" data-trigger=\"%s\" x=\"%d\" y=\"%d\"%s>%s</text>"
                    .formatted(
                            escape(edges.get(i).trigger()),
                            at[0],
                            at[1] + i * LINE,
                            at[2] == 1 ? " text-anchor=\"end\"" : "",
                            escape(label(edges.get(i)))));
        }
        svg.append("</g>");
    }

    /** "STOCK_RESERVED / AUTHORISE_PAYMENT": the trigger, then the commands it sends, in order. */
    static String label(Edge edge) {
        return edge.actions().isEmpty()
                ? edge.trigger()
                : edge.trigger() + " / "
                        + edge.actions().stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
