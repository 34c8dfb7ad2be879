/**
 * The build's gate on {@code schema/registry.json}: {@link org.switchboard.schemacompat.gate.CompatibilityGate}
 * checks every version of every subject against the ones before it under the subject's compatibility mode,
 * the registry's own rules (names, {@code $id}s, lifecycles, frozen snapshots), and that the mode fits the
 * subject's {@link org.switchboard.schemacompat.gate.SubjectKind}. {@code SchemaRegistryGateTest} fails the build
 * on any problem it reports. Build-only: nothing here runs in the server.
 */
package org.switchboard.schemacompat.gate;
