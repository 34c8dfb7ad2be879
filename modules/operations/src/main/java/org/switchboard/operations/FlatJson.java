package org.switchboard.operations;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.switchboard.operations.deadletters.boundary.DeadLetter;
import org.switchboard.operations.journeys.entity.JourneyStep;
import org.switchboard.operations.monitoring.boundary.QueueStatus;

/**
 * The JSON of a view whose fields are grouped into small records (a dead letter's envelope, origin
 * and failure, say): every field of a part is written at the top level, as if the view were one flat
 * record. The API had that shape before the views were broken into parts, and scripts and the
 * dashboard's chart read it there. As JSON-B's defaults do, names are sorted and nulls left out;
 * values are written by JSON-B itself.
 *
 * <p>Registered in the JSON-B configuration ({@link #views()}), not by annotation: JSON-B (Yasson)
 * ignores a type's own serializer when it meets the type as an element of an untyped list, which is
 * how a JAX-RS resource's {@code List<QueueStatus>} reaches it.
 */
public abstract class FlatJson<T extends Record> implements JsonbSerializer<T> {

    /** One serializer per view of Operations that is shown flat. */
    public static JsonbSerializer<?>[] views() {
        return new JsonbSerializer<?>[] {new DeadLetters(), new QueueStatuses(), new JourneySteps()};
    }

    private static final class DeadLetters extends FlatJson<DeadLetter> {}

    private static final class QueueStatuses extends FlatJson<QueueStatus> {}

    private static final class JourneySteps extends FlatJson<JourneyStep> {}

    @Override
    public final void serialize(T view, JsonGenerator json, SerializationContext context) {
        var fields = new TreeMap<String, Object>();
        collect(view, fields, new HashSet<>());
        json.writeStartObject();
        fields.forEach((name, value) -> context.serialize(name, value, json));
        json.writeEnd();
    }

    /** Every component, a record's components in its place; two fields of one name would be a bug. */
    private static void collect(Record record, Map<String, Object> fields, Set<String> names) {
        for (var component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component, e);
            }
            if (value instanceof Record part) {
                collect(part, fields, names);
                continue;
            }
            if (!names.add(component.getName())) {
                throw new IllegalStateException(
                        record.getClass().getSimpleName() + " repeats field " + component.getName());
            }
            if (value != null) {
                fields.put(component.getName(), value);
            }
        }
    }
}
