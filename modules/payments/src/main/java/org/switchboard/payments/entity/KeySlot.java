package org.switchboard.payments.entity;

/** Which of the two webhook secrets verified a notification: during a rotation both are valid. */
public enum KeySlot {
    /** The secret the provider is meant to sign with now. */
    CURRENT,
    /** The secret before the last rotation, still accepted until the operator drops it. */
    PREVIOUS
}
