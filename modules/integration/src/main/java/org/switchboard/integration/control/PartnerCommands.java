package org.switchboard.integration.control;

import java.util.List;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.messaging.UnreadableMessageException;
import org.switchboard.messaging.UnreadableMessageException.Reason;
import org.switchboard.messaging.schema.PersonNames;
import org.switchboard.messaging.schema.SchemaViolation;

/**
 * What a partner's command is held to at the door, beyond its schema: the name rule
 * ({@link PersonNames}) that the Web Store holds every registration to. CreateCustomer's schema only
 * documents that rule as {@code $defs/personName} (readers of v1 still accept every name its earlier
 * versions allowed, so the schema cannot require it); our own writers keep it, and a partner, a
 * writer from outside, is made to keep it here. A command that breaks it can never become valid by
 * redelivery, so it is unreadable: dead-lettered at once with the reason and the field.
 */
public final class PartnerCommands {

    /** Where the rule is written down, for the dead letter's violation. */
    static final String RULE = "$defs/personName";

    private PartnerCommands() {}

    /** The command, if its name keeps the rule; otherwise an {@link UnreadableMessageException}. */
    public static CreateCustomer admitted(CreateCustomer command) {
        var flaw = PersonNames.flaw(command.fullName());
        if (flaw.isPresent()) {
            var violation = new SchemaViolation(
                    "fullName", RULE, "fullName " + flaw.get().message());
            throw new UnreadableMessageException(
                    Reason.SCHEMA_VIOLATION, "Breaks the name rule (" + RULE + "): " + violation, List.of(violation));
        }
        return command;
    }
}
