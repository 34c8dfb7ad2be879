package org.switchboard.ordering.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of a saga's history: what happened and the state it left the saga in. */
@Entity
@Table(name = "saga_step")
@NamedQuery(name = SagaStep.OF_SAGA, query = "select s from SagaStep s where s.sagaId = :sagaId order by s.id")
public class SagaStep {

    public static final String OF_SAGA = "SagaStep.ofSaga";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "saga_id", nullable = false)
    private UUID sagaId;

    @Column(nullable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private SagaState state;

    @Column(nullable = false, length = 600)
    private String note;

    protected SagaStep() {}

    public SagaStep(UUID sagaId, Instant at, SagaState state, String note) {
        this.sagaId = sagaId;
        this.at = at;
        this.state = state;
        this.note = note.length() > 600 ? note.substring(0, 600) : note;
    }

    public UUID sagaId() {
        return sagaId;
    }

    public Instant at() {
        return at;
    }

    public SagaState state() {
        return state;
    }

    public String note() {
        return note;
    }
}
