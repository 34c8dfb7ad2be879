package org.switchboard.webstore.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names are stored normalized, and refused with a message that names the field and the flaw. */
class NewCustomerNamesTest {

    @Test
    void namesAreStoredInNfcWithoutSpacesOrZeroWidthCharactersAroundThem() {
        var normalized =
                new NewCustomer("a@example.org", "\u00A0Jose\u0301\u200B", "\u3000Ma\u0308rz ", null).normalized();

        assertThat(normalized.givenName()).isEqualTo("José");
        assertThat(normalized.familyName()).isEqualTo("März");
    }

    @Test
    void aGivenNameOfOnlyInvisibleCharactersIsAbsentSoItIsReportedAsRequired() {
        assertThat(new NewCustomer("a@example.org", "\u200B\uFEFF", null, null)
                        .normalized()
                        .givenName())
                .isNull();
    }

    @Test
    void aBlankFamilyNameIsAbsentButOneOfInvisibleCharactersIsKeptToBeRefused() {
        assertThat(new NewCustomer("a@example.org", "Ada", "   ", null)
                        .normalized()
                        .familyName())
                .isNull();
        var invisible = new NewCustomer("a@example.org", "Ada", "\u00A0\u200B", null)
                .normalized()
                .familyName();
        assertThat(invisible).isEmpty();
        assertThat(PersonName.Check.message("Family name", invisible))
                .contains("Family name must contain at least one letter");
    }

    @Test
    void theMessageStartsWithTheFieldsLabel() {
        assertThat(PersonName.Check.message("Given name", "Bad\u0000Name"))
                .contains("Given name contains control characters");
        assertThat(PersonName.Check.message("Given name", "\u202Eecila"))
                .contains("Given name contains bidirectional override or isolate characters");
        assertThat(PersonName.Check.message("Family name", "Ada\uD800"))
                .hasValueSatisfying(m -> assertThat(m).startsWith("Family name contains an unpaired surrogate"));
        assertThat(PersonName.Check.message("Given name", "Ada")).isEmpty();
        assertThat(PersonName.Check.message("Given name", null))
                .as("required is @NotBlank's call")
                .isEmpty();
    }

    @Test
    void theSameNameInAnotherNormalizationFormIsTheSameRegistration() {
        assertThat(new NewCustomer("a@example.org", "Jose\u0301", null, true).fingerprint())
                .isEqualTo(new NewCustomer("a@example.org", "José", null, true).fingerprint());
    }
}
