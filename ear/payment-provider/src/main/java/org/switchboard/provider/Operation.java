package org.switchboard.provider;

/** What a caller asks the provider to do; each call names one, and each is counted. */
enum Operation {
    AUTHORISE,
    CAPTURE,
    REFUND
}
