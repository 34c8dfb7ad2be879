package org.switchboard.operations.deadletters.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void eMailAddressesKeepTheirFirstLetterAndDomainNamesTheirFirstLetter() {
        var masked = PersonalData.mask(
                "{\"email\":\"ada@example.org\",\"fullName\":\"Ada Lovelace\",\"customerId\":\"c1\",\"count\":3}");

        assertThat(masked)
                .isEqualTo("{\"email\":\"a***@example.org\",\"fullName\":\"A***\",\"customerId\":\"c1\",\"count\":3}");
    }

    @Test
    void atAnyDepthAndInArrays() {
        var masked = PersonalData.mask("{\"customer\":{\"givenName\":\"Grace\",\"familyName\":\"Hopper\","
                + "\"contactEmails\":[\"g@example.org\",\"h@example.org\"]},\"name\":\"\"}");

        assertThat(masked)
                .isEqualTo("{\"customer\":{\"givenName\":\"G***\",\"familyName\":\"H***\","
                        + "\"contactEmails\":[\"g***@example.org\",\"h***@example.org\"]},\"name\":\"\"}");
    }

    @Test
    void anAddressWithoutAtIsMaskedLikeAName() {
        assertThat(PersonalData.email("nobody")).isEqualTo("n***");
        assertThat(PersonalData.email("@example.org")).isEqualTo("@***");
    }

    @Test
    void aBodyThatIsNotJsonIsMaskedCompletely() {
        assertThat(PersonalData.mask("Ada Lovelace, ada@example.org"))
                .isEqualTo("(29 characters, not JSON; reveal to see them)");
        assertThat(PersonalData.mask(null)).isNull();
    }
}
