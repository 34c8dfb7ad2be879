package org.switchboard.messaging;

import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Named places in the flows where a test can make processing fail, to prove that failures roll
 * back, redeliver and wait out outages as designed. Each context names its own points (a constant
 * next to the code that passes it, e.g. {@code ContactOnboarding.FAULT_AFTER_STORE}). The product
 * holds only this hook, which does nothing: the harness that arms points and throws lives with the
 * in-container tests and is never part of {@code switchboard.ear}. It can be installed only when
 * the configuration property {@code switchboard.fault-injection.enabled} is true (the test server
 * sets it; the run command and the image do not).
 */
public final class FaultPoints {

    /** What the tests install: told of every pass through a point, it may throw. */
    @FunctionalInterface
    public interface Harness {
        void pass(String point, UUID correlationId);
    }

    private static volatile Harness harness;

    private FaultPoints() {}

    /** Passes a point; a no-op unless a test installed a harness. */
    public static void pass(String point, UUID correlationId) {
        var installed = harness;
        if (installed != null && correlationId != null) {
            installed.pass(point, correlationId);
        }
    }

    /** Installs the tests' harness; refused unless fault injection is enabled for this server. */
    public static void install(Harness testHarness) {
        if (!ConfigProvider.getConfig()
                .getOptionalValue("switchboard.fault-injection.enabled", Boolean.class)
                .orElse(false)) {
            throw new IllegalStateException("Fault injection is off (switchboard.fault-injection.enabled)");
        }
        harness = testHarness;
    }
}
