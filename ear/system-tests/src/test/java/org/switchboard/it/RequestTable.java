package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hostile and ordinary requests as a table: each with the statuses it may get. Every row is tried
 * before anything is asserted, so one run shows all that is wrong; the counts (tried, wrongly
 * accepted, answered 5xx) go to the output.
 */
final class RequestTable {

    private record Row(String request, List<Integer> expected, int actual) {

        boolean matches() {
            return expected.contains(actual);
        }

        /** Let through where it should have been refused. */
        boolean wronglyAccepted() {
            return expected.stream().allMatch(s -> s >= 400) && actual < 400;
        }
    }

    private final String name;
    private final List<Row> rows = new ArrayList<>();

    RequestTable(String name) {
        this.name = name;
    }

    /** Records what {@code request} got; it should have got one of {@code expected}. */
    void expect(String request, int actual, Integer... expected) {
        rows.add(new Row(request, Arrays.asList(expected), actual));
    }

    /** Prints the counts, then fails on the first row that did not get what it should have. */
    void verify() {
        var wrong = rows.stream().filter(r -> !r.matches()).toList();
        System.out.printf(
                "%s: %d requests tried, %d wrongly accepted, %d answered 5xx, %d other mismatches%n",
                name,
                rows.size(),
                rows.stream().filter(Row::wronglyAccepted).count(),
                rows.stream().filter(r -> r.actual() >= 500).count(),
                wrong.stream()
                        .filter(r -> !r.wronglyAccepted() && r.actual() < 500)
                        .count());
        assertThat(wrong)
                .as("%s: requests that did not get the expected status", name)
                .isEmpty();
    }
}
