package org.switchboard.integration.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.messaging.UnreadableMessageException;
import org.switchboard.messaging.schema.SchemaViolation;

class PartnerCommandsTest {

    static CreateCustomer named(String fullName) {
        var id = UUID.randomUUID();
        return new CreateCustomer(
                id, Instant.now(), id, id, UUID.randomUUID(), "partner@example.org", fullName, Instant.now(), true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada Lovelace", "Zoë Ñúñez", "李小龍", "O'Brien-Smith", "Ada 2", "محمد"})
    void aNameThatKeepsTheRuleIsAdmittedAsItIs(String name) {
        var command = named(name);

        assertThat(PartnerCommands.admitted(command)).isSameAs(command);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Ada\\u0000Lovelace | contains control characters",
                "Ada\\u0085Lovelace | contains control characters",
                "\\u202Eecalevol adA | contains bidirectional override or isolate characters",
                "Ada \\u2067Lovelace | contains bidirectional override or isolate characters",
                "\\u200B\\u200B\\u3000 | must contain at least one letter",
                "' - ' | must contain at least one letter",
                "Zoe\\u0308 | is not in Unicode normalization form C",
                "Ada\\uD800 | contains an unpaired surrogate (not valid Unicode)"
            })
    void aNameThatBreaksItIsUnreadableWithTheFieldAndTheRule(String escaped, String why) {
        var thrown = catchThrowableOfType(
                UnreadableMessageException.class, () -> PartnerCommands.admitted(named(unescape(escaped))));

        assertThat(thrown.reason()).isEqualTo(UnreadableMessageException.Reason.SCHEMA_VIOLATION);
        assertThat(thrown.violations())
                .containsExactly(new SchemaViolation("fullName", "$defs/personName", "fullName " + why));
        assertThat(thrown.getMessage()).contains("name rule");
    }

    /** The CSV's \\uXXXX escapes as the characters they name. */
    private static String unescape(String escaped) {
        var out = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            if (escaped.startsWith("\\u", i)) {
                out.append((char) Integer.parseInt(escaped.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(escaped.charAt(i));
            }
        }
        return out.toString();
    }
}
