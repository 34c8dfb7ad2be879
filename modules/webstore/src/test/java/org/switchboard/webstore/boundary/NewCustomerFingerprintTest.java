package org.switchboard.webstore.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NewCustomerFingerprintTest {

    static final NewCustomer ADA = new NewCustomer("ada@example.org", "Ada", "Lovelace", true);

    @Test
    void isASha256InHex() {
        assertThat(ADA.fingerprint()).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void theSameRegistrationWrittenDifferentlyHasTheSameFingerprint() {
        assertThat(new NewCustomer("  ADA@Example.org ", " Ada ", "Lovelace  ", true).fingerprint())
                .isEqualTo(ADA.fingerprint());
        assertThat(new NewCustomer("ada@example.org", "Ada", "  ", null).fingerprint())
                .isEqualTo(new NewCustomer("ada@example.org", "Ada", null, false).fingerprint());
        assertThat(NewCustomer.withFullName("ada@example.org", "Ada", false).fingerprint())
                .isEqualTo(new NewCustomer("ada@example.org", "Ada", null, false).fingerprint());
    }

    @Test
    void anyFieldThatChangesWhatIsStoredChangesTheFingerprint() {
        assertThat(new NewCustomer("ada2@example.org", "Ada", "Lovelace", true).fingerprint())
                .isNotEqualTo(ADA.fingerprint());
        assertThat(new NewCustomer("ada@example.org", "Ada", "Byron", true).fingerprint())
                .isNotEqualTo(ADA.fingerprint());
        assertThat(new NewCustomer("ada@example.org", "Ada", "Lovelace", false).fingerprint())
                .isNotEqualTo(ADA.fingerprint());
        // Fields do not run together: "Ada Love" + "lace" is not "Ada" + "Lovelace".
        assertThat(new NewCustomer("ada@example.org", "Ada|Love", "lace", true).fingerprint())
                .isNotEqualTo(new NewCustomer("ada@example.org", "Ada", "Love|lace", true).fingerprint());
        assertThat(new NewCustomer("ada@example.org", "Ada", null, true).fingerprint())
                .isNotEqualTo(new NewCustomer("ada@example.org", "Ada", "-", true).fingerprint());
    }
}
