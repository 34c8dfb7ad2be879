package org.switchboard.schemacompat;

/**
 * Which readers a new schema version has to keep working for, in the sense Confluent Schema Registry and
 * Apicurio Registry give these names.
 *
 * <ul>
 *   <li>{@link #BACKWARD}: consumers on the new version can read what producers on the latest earlier version
 *       wrote (upgrade consumers first).
 *   <li>{@link #FORWARD}: consumers still on the latest earlier version can read what producers on the new
 *       version write (upgrade producers first).
 *   <li>{@link #FULL}: both of the above.
 *   <li>The {@code _TRANSITIVE} variants apply the same test against every earlier version, not just the latest.
 *   <li>{@link #NONE}: nothing is checked.
 * </ul>
 */
public enum CompatibilityMode {
    NONE,
    BACKWARD,
    BACKWARD_TRANSITIVE,
    FORWARD,
    FORWARD_TRANSITIVE,
    FULL,
    FULL_TRANSITIVE;

    /** True when the candidate is checked against every earlier version, not only the latest. */
    public boolean isTransitive() {
        return this == BACKWARD_TRANSITIVE || this == FORWARD_TRANSITIVE || this == FULL_TRANSITIVE;
    }

    /** True when the candidate (as reader) must accept what earlier versions (as writers) allowed. */
    public boolean checksBackward() {
        return this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** True when earlier versions (as readers) must accept what the candidate (as writer) allows. */
    public boolean checksForward() {
        return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }
}
