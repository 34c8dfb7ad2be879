package org.switchboard.operations.journeys.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;
import org.switchboard.operations.journeys.control.JourneyJournal;

/** Forgets journey notes older than the retention, every hour. The container's timer calls it, as nobody. */
@Stateless
@PermitAll
public class JourneyRetention {

    private static final System.Logger LOG = System.getLogger(JourneyRetention.class.getName());

    /** Days journey notes are kept (MicroProfile Config, e.g. SWITCHBOARD_OPS_JOURNEY_RETENTION_DAYS). */
    public static final String RETENTION_DAYS = "switchboard.ops.journey-retention-days";

    @Inject
    JourneyJournal journal;

    /** Forgets journey notes older than the retention (14 days unless configured). */
    @Schedule(hour = "*", minute = "17", persistent = false)
    public void forgetOldNotes() {
        var days = ConfigProvider.getConfig()
                .getOptionalValue(RETENTION_DAYS, Integer.class)
                .orElse(14);
        var forgotten = journal.forgetBefore(Instant.now().minus(Duration.ofDays(days)));
        if (forgotten > 0) {
            LOG.log(System.Logger.Level.INFO, "Forgot {0} journey notes older than {1} days", forgotten, days);
        }
    }
}
