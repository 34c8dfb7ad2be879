package org.switchboard.marketing.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Contacts are personal data: Marketing and operators read them, nobody else, by every method. */
class ContactsRolesTest {

    @Test
    void onlyMarketingAndOperatorsReadContacts() {
        assertThat(Contacts.class.getAnnotation(RolesAllowed.class).value()).containsExactly("marketing", "operator");
        Arrays.stream(Contacts.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .forEach(m -> assertThat(
                                m.isAnnotationPresent(PermitAll.class) || m.isAnnotationPresent(RolesAllowed.class))
                        .as(m.getName() + " keeps the class's roles")
                        .isFalse());
    }
}
