package org.switchboard.schemacompat;

import static org.switchboard.schemacompat.IncompatibilityRules.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.switchboard.schemacompat.JsonValues.Kind;

/**
 * The limits a schema puts on a value it allows: string length, {@code pattern} and {@code format}, numeric ranges
 * and {@code multipleOf}, and the size limits of arrays and objects. A reader may be looser than its writer,
 * never tighter. Part of one {@link ReaderWriterComparison}.
 */
final class LimitComparison {

    private LimitComparison() {}

    // ---- strings ----------------------------------------------------------------------------------------------

    static void compareStrings(Node r, Node w, String field, List<Incompatibility> out) {
        upperLimit(r, w, "maxLength", MAX_LENGTH_ADDED, MAX_LENGTH_DECREASED, field, out);
        lowerLimit(r, w, "minLength", MIN_LENGTH_ADDED, MIN_LENGTH_INCREASED, field, out);
        sameText(r, w, "pattern", PATTERN_ADDED, PATTERN_CHANGED, field, out);
        sameText(r, w, "format", FORMAT_ADDED, FORMAT_CHANGED, field, out);
    }

    private static void sameText(
            Node r, Node w, String keyword, String added, String changed, String field, List<Incompatibility> out) {
        String reader = Keywords.string(r, keyword);
        if (reader == null) {
            return;
        }
        String writer = Keywords.string(w, keyword);
        if (writer == null) {
            out.add(new Incompatibility(
                    added,
                    r.pointer(),
                    field,
                    keyword + " \"" + reader + "\" added in the reader; the writer had none"));
        } else if (!writer.equals(reader)) {
            out.add(new Incompatibility(
                    changed,
                    r.pointer(),
                    field,
                    keyword + " changed from \"" + writer + "\" in the writer to \"" + reader + "\" in the reader"));
        }
    }

    /** A maximum-style limit (maxLength, maxItems, maxProperties): the reader's may not be below the writer's. */
    static void upperLimit(
            Node r, Node w, String keyword, String added, String decreased, String field, List<Incompatibility> out) {
        BigDecimal reader = Keywords.number(r, keyword);
        if (reader == null) {
            return;
        }
        BigDecimal writer = Keywords.number(w, keyword);
        if (writer == null) {
            out.add(new Incompatibility(
                    added,
                    r.pointer(),
                    field,
                    keyword + " " + plain(reader) + " added in the reader; the writer had none"));
        } else if (reader.compareTo(writer) < 0) {
            out.add(new Incompatibility(
                    decreased,
                    r.pointer(),
                    field,
                    keyword + " decreased from " + plain(writer) + " in the writer to " + plain(reader)
                            + " in the reader"));
        }
    }

    /** A minimum-style limit (minLength, minItems, minProperties): the reader's may not be above the writer's. */
    static void lowerLimit(
            Node r, Node w, String keyword, String added, String increased, String field, List<Incompatibility> out) {
        BigDecimal reader = Keywords.number(r, keyword);
        if (reader == null || reader.signum() <= 0) {
            return;
        }
        BigDecimal writer = Keywords.number(w, keyword);
        if (writer == null) {
            out.add(new Incompatibility(
                    added,
                    r.pointer(),
                    field,
                    keyword + " " + plain(reader) + " added in the reader; the writer had none"));
        } else if (reader.compareTo(writer) > 0) {
            out.add(new Incompatibility(
                    increased,
                    r.pointer(),
                    field,
                    keyword + " increased from " + plain(writer) + " in the writer to " + plain(reader)
                            + " in the reader"));
        }
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    // ---- numbers ----------------------------------------------------------------------------------------------

    /** One side of a numeric range: the value, whether it is excluded, and the keyword it comes from. */
    private record Bound(BigDecimal value, boolean exclusive, String keyword) {

        String describe(boolean upper) {
            return (upper ? (exclusive ? "< " : "<= ") : (exclusive ? "> " : ">= ")) + plain(value) + " (" + keyword
                    + ")";
        }
    }

    private static Bound bound(Node node, boolean upper) {
        String inclusiveKeyword = upper ? "maximum" : "minimum";
        String exclusiveKeyword = upper ? "exclusiveMaximum" : "exclusiveMinimum";
        BigDecimal inclusive = Keywords.number(node, inclusiveKeyword);
        BigDecimal exclusive = Keywords.number(node, exclusiveKeyword);
        if (exclusive == null) {
            return inclusive == null ? null : new Bound(inclusive, false, inclusiveKeyword);
        }
        if (inclusive == null) {
            return new Bound(exclusive, true, exclusiveKeyword);
        }
        int order = exclusive.compareTo(inclusive);
        boolean exclusiveBinds = upper ? order <= 0 : order >= 0;
        return exclusiveBinds
                ? new Bound(exclusive, true, exclusiveKeyword)
                : new Bound(inclusive, false, inclusiveKeyword);
    }

    /** Whether the reader's bound cuts off values inside the writer's bound (ignoring integer granularity). */
    private static boolean tighter(Bound reader, Bound writer, boolean upper) {
        int order = reader.value().compareTo(writer.value());
        if (order == 0) {
            return reader.exclusive() && !writer.exclusive();
        }
        return upper ? order < 0 : order > 0;
    }

    static void compareNumbers(Node r, Node w, Set<Kind> relevant, String field, List<Incompatibility> out) {
        for (boolean upper : new boolean[] {true, false}) {
            Bound reader = bound(r, upper);
            if (reader == null) {
                continue;
            }
            Bound writer = bound(w, upper);
            if (writer != null && !tighter(reader, writer, upper)) {
                continue;
            }
            boolean added = Keywords.number(w, reader.keyword()) == null;
            String rule = switch (reader.keyword()) {
                case "maximum" -> added ? MAXIMUM_ADDED : MAXIMUM_DECREASED;
                case "exclusiveMaximum" -> added ? EXCLUSIVE_MAXIMUM_ADDED : EXCLUSIVE_MAXIMUM_DECREASED;
                case "minimum" -> added ? MINIMUM_ADDED : MINIMUM_INCREASED;
                default -> added ? EXCLUSIVE_MINIMUM_ADDED : EXCLUSIVE_MINIMUM_INCREASED;
            };
            String detail = writer == null
                    ? (upper ? "upper" : "lower") + " bound " + reader.describe(upper)
                            + " added in the reader; the writer had none"
                    : (upper ? "upper" : "lower") + " bound tightened from " + writer.describe(upper)
                            + " in the writer to " + reader.describe(upper) + " in the reader";
            out.add(new Incompatibility(rule, r.pointer(), field, detail));
        }
        BigDecimal readerStep = Keywords.number(r, "multipleOf");
        if (readerStep != null) {
            BigDecimal writerStep = Keywords.number(w, "multipleOf");
            // Without multipleOf, an integer-only writer still steps by 1: a reader step dividing 1 is fine.
            boolean writerHadNone = writerStep == null;
            if (writerHadNone && !relevant.contains(Kind.FRACTION)) {
                writerStep = BigDecimal.ONE;
            }
            if (writerStep == null
                    || writerHadNone && writerStep.remainder(readerStep).signum() != 0) {
                out.add(new Incompatibility(
                        MULTIPLE_OF_ADDED,
                        r.pointer(),
                        field,
                        "multipleOf " + plain(readerStep) + " added in the reader; the writer had none"));
            } else if (writerStep.remainder(readerStep).signum() != 0) {
                out.add(new Incompatibility(
                        MULTIPLE_OF_CHANGED,
                        r.pointer(),
                        field,
                        "multipleOf changed from " + plain(writerStep) + " in the writer to " + plain(readerStep)
                                + " in the reader, which does not divide it"));
            }
        }
    }
}
