package org.switchboard.payments.boundary;

import jakarta.ejb.ApplicationException;
import java.util.Locale;
import org.switchboard.payments.entity.Refusal;

/**
 * A provider notification refused before anything was stored: how the caller should take it
 * ({@link Why}), the reason's code ({@code bad-signature}, {@code stale}, {@code malformed},
 * {@code not-configured}) and, in words, why.
 */
@ApplicationException(rollback = true)
public class WebhookRefused extends RuntimeException {

    /** What kind of refusal it is for the sender. */
    public enum Why {
        /** Not shown to come from the provider, or not now: a bad signature or a timestamp outside the window. */
        UNAUTHENTICATED,
        /** Verified or not, it cannot be read as a notification. */
        UNREADABLE,
        /** Nothing can be verified here now (no secret configured): send again later. */
        UNAVAILABLE
    }

    private final Refusal refusal;

    WebhookRefused(Refusal refusal, String detail) {
        super(detail);
        this.refusal = refusal;
    }

    public Why why() {
        return switch (refusal) {
            case BAD_SIGNATURE, STALE -> Why.UNAUTHENTICATED;
            case MALFORMED -> Why.UNREADABLE;
            case NOT_CONFIGURED -> Why.UNAVAILABLE;
        };
    }

    public String code() {
        return refusal.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
