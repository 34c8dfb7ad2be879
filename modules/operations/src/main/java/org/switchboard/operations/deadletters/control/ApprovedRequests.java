package org.switchboard.operations.deadletters.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.switchboard.operations.foureyes.entity.AuditAction;

/**
 * Carries out approved requests off the request thread: once an approval is committed, on a
 * managed thread, one message per transaction, at most {@link #PER_SECOND} a second (each next
 * message is a task scheduled after the previous one, never a sleeping thread). Progress is in
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

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RequestSteps steps;

    void onApproved(@Observes(during = TransactionPhase.AFTER_SUCCESS) RequestApproved approved) {
        executor.execute(() -> carryOut(approved));
    }

    void carryOut(RequestApproved approved) {
        try {
            steps.start(approved.requestId(), approved.approver())
                    .ifPresent(plan -> new Progress(plan, approved.approver()).step(0));
        } catch (RuntimeException e) {
            brokeOff(approved.requestId(), e);
        }
    }

    private static void brokeOff(java.util.UUID requestId, RuntimeException e) {
        LOG.log(
                System.Logger.Level.ERROR,
                () -> "Carrying out request " + requestId
                        + " broke off; it stays APPROVED, and the audit trail shows what was done",
                e);
    }

    /** One request being carried out, a message at a time. */
    private final class Progress {
        private final RequestSteps.Plan plan;
        private final String actor;
        private final List<String> outcome = new ArrayList<>();
        private int found;
        private int notFound;

        Progress(RequestSteps.Plan plan, String actor) {
            this.plan = plan;
            this.actor = actor;
        }

        /** Carries out message {@code index} (skipping those already done), then schedules the next. */
        void step(int index) {
            try {
                var next = index;
                while (next < plan.messageIds().size()
                        && plan.done().contains(plan.messageIds().get(next))) {
                    outcome.add(plan.messageIds().get(next) + ": already done");
                    next++;
                }
                if (next == plan.messageIds().size()) {
                    finish();
                    return;
                }
                var messageId = plan.messageIds().get(next);
                var result = steps.carryOut(plan, messageId, actor);
                outcome.add(messageId + ": " + words(result));
                if (result == AuditAction.NOT_FOUND) {
                    notFound++;
                } else {
                    found++;
                }
                var following = next + 1;
                scheduler.schedule(() -> step(following), 1000 / PER_SECOND, TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                brokeOff(plan.requestId(), e);
            }
        }

        private void finish() {
            var counts = found + " " + words(plan.action().done()) + ", " + notFound + " not found"
                    + (plan.done().isEmpty() ? "" : ", " + plan.done().size() + " already done");
            steps.finish(plan, notFound == 0, outcome, counts, actor);
        }
    }

    /** REPLAYED is "replayed", NOT_FOUND "not found": how the outcome of a request reads. */
    static String words(AuditAction action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
