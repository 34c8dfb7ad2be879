package org.switchboard.operations.sagas.control;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Queue;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.switchboard.contracts.ordering.RedriveSaga;
import org.switchboard.messaging.outbox.Delivery;
import org.switchboard.operations.OperationsOutbox;
import org.switchboard.operations.sagas.entity.RedriveRequest;

/**
 * Sends an approved re-drive to Ordering: the {@code RedriveSaga} command goes into Operations'
 * outbox in the approval's transaction, so the approval and the command are committed together or
 * not at all (no XA with PostgreSQL, ADR 0009). Its message id is the request's id: Ordering's
 * idempotent consumer applies it once, however often the relay sends it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RedriveCommands {

    @EJB
    OperationsOutbox outbox;

    @Resource(lookup = "java:/jms/queue/ordering.redrives")
    Queue redrives;

    public RedriveSaga send(RedriveRequest request) {
        var command = new RedriveSaga(
                request.id(),
                Instant.now(),
                request.correlationId(),
                request.id(),
                request.sagaId(),
                request.action().name(),
                request.requestedBy(),
                request.decidedBy(),
                request.reason());
        outbox.add(command, redrives, Delivery.standard());
        return command;
    }
}
