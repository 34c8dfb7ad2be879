package org.switchboard.webstore.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Anyone may register; customers are read by staff and operators only. Every business method says
 * which, because the container denies one that says nothing.
 */
class RegistrationsRolesTest {

    @Test
    void registeringIsOpenReadingNeedsStaffOrOperator() throws Exception {
        assertThat(Registrations.class
                        .getMethod("register", NewCustomer.class, UUID.class)
                        .isAnnotationPresent(PermitAll.class))
                .isTrue();
        assertThat(Registrations.class
                        .getMethod("register", NewCustomer.class, UUID.class, IdempotencyKey.class)
                        .isAnnotationPresent(PermitAll.class))
                .isTrue();
        assertThat(Registrations.class
                        .getMethod("replay", IdempotencyKey.class, NewCustomer.class)
                        .isAnnotationPresent(PermitAll.class))
                .isTrue();
        for (var reading : List.of(
                Registrations.class.getMethod("list", int.class, int.class),
                Registrations.class.getMethod("count"),
                Registrations.class.getMethod("find", UUID.class))) {
            assertThat(reading.getAnnotation(RolesAllowed.class).value())
                    .as(reading.getName())
                    .containsExactly("staff", "operator");
        }
    }

    @Test
    void everyBusinessMethodNamesWhoMayCallIt() {
        assertThat(Registrations.class.getAnnotation(PermitAll.class)).isNull();
        for (Method method : Registrations.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())) {
                assertThat(method.isAnnotationPresent(PermitAll.class)
                                || method.isAnnotationPresent(RolesAllowed.class))
                        .as(method.getName() + Arrays.toString(method.getParameterTypes()))
                        .isTrue();
            }
        }
    }
}
