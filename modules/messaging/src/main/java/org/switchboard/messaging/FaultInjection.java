package org.switchboard.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named points in the flows where a test can make processing fail, for one correlation id, to
 * prove that failures roll back and redeliver as designed. Off unless the server runs with
 * {@code -Dswitchboard.fault-injection.enabled=true} (the in-container tests do; the run command and
 * the image do not): then {@link #check} is a no-op and {@link #arm} refuses.
 *
 * <p>State is static on purpose: this class lives in the EAR's {@code lib/}, loaded once, so a test
 * in one sub-deployment arms what a context in another one checks.
 */
public final class FaultInjection {

    /** After the Web Store has stored the customer and sent CustomerRegistered, before commit. */
    public static final String WEBSTORE_AFTER_PUBLISH = "webstore.registration.after-publish";

    /** After Integration has sent CreateCustomer for a consumed event, before commit. */
    public static final String INTEGRATION_AFTER_SEND = "integration.customer-registered.after-send";

    /** After Marketing has stored the contact and claimed the command, before commit. */
    public static final String MARKETING_AFTER_STORE = "marketing.create-customer.after-store";

    private static final boolean ENABLED = Boolean.getBoolean("switchboard.fault-injection.enabled");
    private static final Map<String, Fault> ARMED = new ConcurrentHashMap<>();

    private FaultInjection() {}

    /** Makes the next {@code failures} passes through {@code point} for this correlation id throw. */
    public static Fault arm(String point, UUID correlationId, int failures) {
        if (!ENABLED) {
            throw new IllegalStateException("Fault injection is off (switchboard.fault-injection.enabled)");
        }
        var fault = new Fault(point, correlationId, failures);
        ARMED.put(key(point, correlationId), fault);
        return fault;
    }

    public static void disarm(Fault fault) {
        ARMED.remove(key(fault.point(), fault.correlationId()));
    }

    public static void check(String point, UUID correlationId) {
        if (!ENABLED || correlationId == null) {
            return;
        }
        var fault = ARMED.get(key(point, correlationId));
        if (fault != null) {
            fault.pass();
        }
    }

    private static String key(String point, UUID correlationId) {
        return point + '|' + correlationId;
    }

    /** One armed fault: how often it still fires and when it was passed. */
    public static final class Fault {
        private final String point;
        private final UUID correlationId;
        private final AtomicInteger remaining;
        private final List<Instant> passes = new CopyOnWriteArrayList<>();

        Fault(String point, UUID correlationId, int failures) {
            this.point = point;
            this.correlationId = correlationId;
            this.remaining = new AtomicInteger(failures);
        }

        void pass() {
            passes.add(Instant.now());
            if (remaining.getAndDecrement() > 0) {
                throw new InjectedFault(point, correlationId, passes.size());
            }
        }

        public String point() {
            return point;
        }

        public UUID correlationId() {
            return correlationId;
        }

        /** When the flow reached this point, one entry per attempt, failed or not. */
        public List<Instant> passes() {
            return List.copyOf(passes);
        }
    }

    /** The failure a test asked for. */
    public static final class InjectedFault extends RuntimeException {
        InjectedFault(String point, UUID correlationId, int attempt) {
            super("Injected fault at " + point + " for correlation " + correlationId + " (attempt " + attempt + ")");
        }
    }
}
