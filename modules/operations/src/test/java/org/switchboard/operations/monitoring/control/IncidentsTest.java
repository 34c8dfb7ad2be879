package org.switchboard.operations.monitoring.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.switchboard.operations.monitoring.entity.AlertType;
import org.switchboard.operations.monitoring.entity.Incident;
import org.switchboard.operations.monitoring.entity.IncidentKind;

class IncidentsTest {

    static final String DLQ = "jms.queue.DLQ.marketing.commands";
    static final Duration REMINDER = Duration.ofMinutes(15);
    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    final Incidents incidents = new Incidents();
    final AtomicInteger peeks = new AtomicInteger();
    final Supplier<FirstDeadLetter> first = () -> {
        peeks.incrementAndGet();
        return new FirstDeadLetter("SCHEMA_VIOLATION", "jms.queue.marketing.commands");
    };

    @Test
    void anEmptyQueueIsNoIncident() {
        assertThat(incidents.observe(DLQ, 0, T0, REMINDER, first)).isEmpty();
        assertThat(incidents.open()).isEmpty();
        assertThat(peeks).hasValue(0);
    }

    @Test
    void oneIncidentFromTheFirstDeadLetterUntilTheQueueIsEmptyWithOneAlertEachWay() {
        var opened = incidents.observe(DLQ, 1, T0, REMINDER, first).orElseThrow();
        assertThat(opened.type()).isEqualTo(AlertType.OPENED);
        assertThat(opened.count()).isEqualTo(1);
        assertThat(opened.originalAddress()).isEqualTo("jms.queue.marketing.commands");
        assertThat(opened.incident().reason()).isEqualTo("SCHEMA_VIOLATION");
        assertThat(opened.incident().started()).isEqualTo(T0);

        assertThat(incidents.observe(DLQ, 5, T0.plusSeconds(5), REMINDER, first))
                .as("more dead letters: the same incident, no alert")
                .isEmpty();
        assertThat(incidents.open()).singleElement().satisfies(incident -> {
            assertThat(incident.id()).isEqualTo(opened.incident().id());
            assertThat(incident.count()).isEqualTo(5);
        });
        assertThat(peeks)
                .as("the first message is read once, when the incident opens")
                .hasValue(1);

        var resolved =
                incidents.observe(DLQ, 0, T0.plusSeconds(10), REMINDER, first).orElseThrow();
        assertThat(resolved.type()).isEqualTo(AlertType.RESOLVED);
        assertThat(resolved.count()).isZero();
        assertThat(resolved.incident().id()).isEqualTo(opened.incident().id());
        assertThat(incidents.open()).isEmpty();

        var next =
                incidents.observe(DLQ, 1, T0.plusSeconds(15), REMINDER, first).orElseThrow();
        assertThat(next.type()).isEqualTo(AlertType.OPENED);
        assertThat(next.incident().id())
                .as("a new incident")
                .isNotEqualTo(opened.incident().id());
    }

    @Test
    void anIncidentThatLastsIsRemindedOfEveryIntervalNotEverySample() {
        var opened = incidents.observe(DLQ, 2, T0, REMINDER, first).orElseThrow();

        assertThat(incidents.observe(DLQ, 2, T0.plus(REMINDER).minusSeconds(1), REMINDER, first))
                .isEmpty();
        var reminder =
                incidents.observe(DLQ, 3, T0.plus(REMINDER), REMINDER, first).orElseThrow();
        assertThat(reminder.type()).isEqualTo(AlertType.REMINDER);
        assertThat(reminder.count()).isEqualTo(3);
        assertThat(reminder.originalAddress()).isNull();
        assertThat(reminder.incident().id()).isEqualTo(opened.incident().id());
        assertThat(reminder.incident().started()).isEqualTo(T0);
        assertThat(reminder.incident().reason()).isEqualTo("SCHEMA_VIOLATION");

        assertThat(incidents.observe(DLQ, 3, T0.plus(REMINDER).plusSeconds(5), REMINDER, first))
                .as("the next reminder counts from the last")
                .isEmpty();
        assertThat(incidents.observe(DLQ, 3, T0.plus(REMINDER.multipliedBy(2)), REMINDER, first))
                .hasValueSatisfying(change -> assertThat(change.type()).isEqualTo(AlertType.REMINDER));
    }

    @Test
    void eachDeadLetterQueueHasItsOwnIncident() {
        incidents.observe(DLQ, 1, T0, REMINDER, first);
        incidents.observe("jms.queue.DLQ.webstore.events", 1, T0, REMINDER, first);

        assertThat(incidents.open()).hasSize(2);
    }

    @Test
    void theDatabaseDownIsOneIncidentBesideTheDeadLetterOnesWithOneAlertEachWay() {
        incidents.observe(DLQ, 1, T0, REMINDER, first);

        var opened = incidents
                .observe(IncidentKind.DATABASE_DOWN, 1, T0, REMINDER, () -> "no answer within 2 s")
                .orElseThrow();
        assertThat(opened.type()).isEqualTo(AlertType.OPENED);
        assertThat(opened.incident().kind()).isEqualTo(IncidentKind.DATABASE_DOWN);
        assertThat(opened.incident().queue()).isNull();
        assertThat(opened.incident().reason()).isEqualTo("no answer within 2 s");
        assertThat(incidents.observe(IncidentKind.DATABASE_DOWN, 1, T0.plusSeconds(10), REMINDER, () -> "again"))
                .as("one alert per incident, not per check")
                .isEmpty();
        assertThat(incidents.open(IncidentKind.DEAD_LETTERS))
                .singleElement()
                .satisfies(i -> assertThat(i.queue()).isEqualTo(DLQ));
        assertThat(incidents.open(IncidentKind.DATABASE_DOWN)).hasSize(1);

        var resolved = incidents
                .observe(IncidentKind.DATABASE_DOWN, 0, T0.plusSeconds(20), REMINDER, () -> "up")
                .orElseThrow();
        assertThat(resolved.type()).isEqualTo(AlertType.RESOLVED);
        assertThat(resolved.incident().id()).isEqualTo(opened.incident().id());
        assertThat(incidents.open()).extracting(Incident::kind).containsExactly(IncidentKind.DEAD_LETTERS);
    }
}
