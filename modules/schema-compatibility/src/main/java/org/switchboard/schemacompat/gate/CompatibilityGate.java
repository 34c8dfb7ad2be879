package org.switchboard.schemacompat.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.switchboard.messaging.schema.SchemaRegistry;
import org.switchboard.schemacompat.CompatibilityMode;
import org.switchboard.schemacompat.SchemaCompatibility;
import org.switchboard.schemacompat.Violation;

/**
 * The build's guard on the schema registry: every version of every subject must keep the
 * subject's compatibility mode towards the versions before it, including the current schema when
 * it is an unregistered change. A breaking change therefore needs a new major version (a new
 * subject), never an edit in place. Also checks the registry's own consistency (names, lifecycles,
 * {@code $id}s, frozen snapshots) and that each subject's mode fits its {@link SubjectKind}: an event
 * {@code FULL_TRANSITIVE}, a command or note {@code BACKWARD_TRANSITIVE} or {@code FULL_TRANSITIVE}.
 *
 * <p>Each failure is one line that names the subject, the two versions, the field and the rule,
 * e.g. {@code webstore.CustomerRegistered.v2 (BACKWARD_TRANSITIVE): version 2 (unregistered current
 * schema webstore/CustomerRegistered.v2.schema.json) cannot read version 1 at field 'email':
 * TYPE_CHANGED: ...}.
 */
public final class CompatibilityGate {

    static final Set<String> LIFECYCLES = Set.of("ACTIVE", "DEPRECATED", "RETIRED");

    private CompatibilityGate() {}

    /** Every problem found; empty when the registry may be published as it is. */
    public static List<String> check(SchemaRegistry registry) {
        var failures = new ArrayList<String>();
        for (var subject : registry.subjects()) {
            failures.addAll(consistency(registry, subject));
            CompatibilityMode mode;
            try {
                mode = CompatibilityMode.valueOf(subject.compatibility());
            } catch (IllegalArgumentException e) {
                failures.add(subject.name() + ": unknown compatibility mode '" + subject.compatibility() + "'");
                continue;
            }
            failures.addAll(modeFitsKind(subject, mode));
            var versions = registry.versions(subject);
            for (int i = 1; i < versions.size(); i++) {
                var candidate = versions.get(i);
                var history = versions.subList(0, i).stream()
                        .map(SchemaRegistry.Version::schema)
                        .toList();
                for (var violation : SchemaCompatibility.check(mode, history, candidate.schema())) {
                    failures.add(describe(subject, mode, candidate, violation));
                }
            }
        }
        return failures;
    }

    static String describe(
            SchemaRegistry.Subject subject, CompatibilityMode mode, SchemaRegistry.Version candidate, Violation v) {
        var version = "version " + candidate.number()
                + (candidate.registered()
                        ? " (" + candidate.location() + ")"
                        : " (unregistered current schema " + candidate.location() + ")");
        var relation = Violation.BACKWARD.equals(v.direction())
                ? version + " cannot read what version " + v.againstVersion() + " allowed"
                : "version " + v.againstVersion() + " cannot read what " + version + " allows";
        var problem = v.incompatibility();
        return subject.name() + " (" + mode + "): " + relation + ", at field '" + problem.field() + "': "
                + problem.rule() + ": " + problem.detail()
                + ". Keep the change compatible, or publish it as a new major version (a new subject).";
    }

    /** The mode must protect every reader the subject's kind has; see {@link SubjectKind}. */
    static List<String> modeFitsKind(SchemaRegistry.Subject subject, CompatibilityMode mode) {
        SubjectKind kind;
        try {
            kind = SubjectKind.valueOf(subject.kind());
        } catch (IllegalArgumentException e) {
            return List.of(subject.name() + ": kind must be one of " + List.of(SubjectKind.values()) + ", not '"
                    + subject.kind() + "'. EVENT for what its producer announces, COMMAND for an instruction"
                    + " its consumer owns, NOTE for a report to the context that owns it.");
        }
        if (kind.modes().contains(mode)) {
            return List.of();
        }
        return List.of(subject.name() + ": mode " + mode + " does not fit kind " + kind + "; it must be "
                + String.join(" or ", kind.modes().stream().map(Enum::name).toList()) + ", because "
                + kind.reason() + ".");
    }

    private static List<String> consistency(SchemaRegistry registry, SchemaRegistry.Subject subject) {
        var failures = new ArrayList<String>();
        var expectedName = subject.messageType() + ".v" + subject.majorVersion();
        if (!subject.name().equals(expectedName)) {
            failures.add(subject.name() + ": a subject is named <type>.v<major>, here " + expectedName);
        }
        var context = subject.messageType()
                .substring(0, Math.max(0, subject.messageType().indexOf('.')));
        var message = subject.messageType().substring(subject.messageType().indexOf('.') + 1);
        var expectedFile = context + "/" + message + ".v" + subject.majorVersion() + ".schema.json";
        if (!subject.current().equals(expectedFile)) {
            failures.add(subject.name() + ": its current schema belongs at schema/" + expectedFile + ", not schema/"
                    + subject.current());
        }
        if (!LIFECYCLES.contains(subject.lifecycle())) {
            failures.add(subject.name() + ": lifecycle must be one of " + LIFECYCLES + ", not " + subject.lifecycle());
        }
        if (subject.snapshots().isEmpty()) {
            failures.add(subject.name() + ": no registered version; register the current schema as version 1");
        }
        for (var snapshot : subject.snapshots()) {
            var actual = registry.sha256Of(snapshot.file());
            if (!actual.equals(snapshot.sha256())) {
                failures.add(subject.name() + ": " + snapshot.file() + " was changed after it was registered (sha256 "
                        + actual + ", registered " + snapshot.sha256() + "). Registered versions are frozen: restore"
                        + " the file and put the change in the current schema, which becomes the next version.");
            }
        }
        var id = registry.current(subject).getString("$id", "");
        if (!id.endsWith("/" + expectedFile)) {
            failures.add(subject.name() + ": $id must end with /" + expectedFile + ", not '" + id + "'");
        }
        for (var version : registry.versions(subject)) {
            if (!id.equals(version.schema().getString("$id", ""))) {
                failures.add(subject.name() + ": version " + version.number() + " has $id '"
                        + version.schema().getString("$id", "") + "'; all versions of a subject share '" + id + "'");
            }
        }
        return failures;
    }
}
