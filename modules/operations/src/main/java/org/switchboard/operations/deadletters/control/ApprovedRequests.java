package org.switchboard.operations.deadletters.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.switchboard.operations.deadletters.entity.AuditAction;

/**
 * Carries out approved requests off the request thread: once an approval is committed, on a
 * managed thread, one message per transaction, at most {@link #PER_SECOND} a second. Progress is in
 * the audit trail (started, each message, finished with the counts); the request ends DONE when
 * every message was found, FAILED when one was not. If carrying out breaks off, the request stays
 * APPROVED and the audit trail shows how far it got.
 */
@ApplicationScoped
public class ApprovedRequests {

    private static final System.Logger LOG = System.getLogger(ApprovedRequests.class.getName());

    public static final int PER_SECOND = 20;

    @Resource
    ManagedExecutorService executor;

    @Inject
    RequestSteps steps;

    void onApproved(@Observes(during = TransactionPhase.AFTER_SUCCESS) RequestApproved approved) {
        executor.execute(() -> carryOut(approved));
    }

    void carryOut(RequestApproved approved) {
        try {
            steps.start(approved.requestId(), approved.approver()).ifPresent(plan -> run(plan, approved.approver()));
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    () -> "Carrying out request " + approved.requestId()
                            + " broke off; it stays APPROVED, and the audit trail shows what was done",
                    e);
        }
    }

    private void run(RequestSteps.Plan plan, String actor) {
        var outcome = new ArrayList<String>();
        int found = 0;
        int notFound = 0;
        for (var messageId : plan.messageIds()) {
            if (plan.done().contains(messageId)) {
                outcome.add(messageId + ": already done");
                continue;
            }
            var result = steps.carryOut(plan, messageId, actor);
            outcome.add(messageId + ": " + words(result));
            if (result == AuditAction.NOT_FOUND) {
                notFound++;
            } else {
                found++;
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1) / PER_SECOND);
        }
        var counts = found + " " + words(AuditAction.done(plan.action())) + ", " + notFound + " not found"
                + (plan.done().isEmpty() ? "" : ", " + plan.done().size() + " already done");
        steps.finish(plan, notFound == 0, outcome, counts, actor);
    }

    /** REPLAYED is "replayed", NOT_FOUND "not found": how the outcome of a request reads. */
    static String words(AuditAction action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
