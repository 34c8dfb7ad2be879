package org.switchboard.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.webstore.boundary.RegisteredCustomer;

class ConfirmationsTest {

    private final MovableClock clock = new MovableClock();
    private final Confirmations confirmations = new Confirmations(clock);
    private final RegisteredCustomer ada = new RegisteredCustomer(
            UUID.randomUUID(),
            "ada@example.org",
            "Ada",
            "Lovelace",
            "Ada Lovelace",
            true,
            Instant.EPOCH,
            UUID.randomUUID());

    @Test
    void aSealedConfirmationOpensAgainAndHidesWhatItCarries() {
        var token = confirmations.seal(ada);

        assertThat(token).doesNotContain("ada").matches("[A-Za-z0-9_-]+");
        assertThat(confirmations.open(token))
                .contains(new Confirmations.Confirmation("Ada Lovelace", "ada@example.org"));
        assertThat(confirmations.open(token))
                .as("as often as the page is reloaded")
                .isPresent();
    }

    @Test
    void anAlteredForeignOrOldTokenOpensNothing() {
        var token = confirmations.seal(ada);
        var altered = (token.charAt(20) == 'A' ? "B" : "A");

        assertThat(confirmations.open(token.substring(0, 20) + altered + token.substring(21)))
                .isEmpty();
        assertThat(new Confirmations(clock).open(token))
                .as("another server's key")
                .isEmpty();
        assertThat(confirmations.open("not base64 !")).isEmpty();
        assertThat(confirmations.open("")).isEmpty();

        clock.now = clock.now.plus(Confirmations.VALID_FOR).plusSeconds(1);
        assertThat(confirmations.open(token)).as("older than an hour").isEmpty();
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
