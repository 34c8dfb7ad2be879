package org.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.operations.deadletters.boundary.ActionRequests;
import org.switchboard.operations.deadletters.boundary.DeadLetterTriage;
import org.switchboard.operations.journeys.boundary.Journeys;
import org.switchboard.operations.monitoring.boundary.Operations;

/** Who may call what is said on the boundary the webapp calls, for every business method. */
class BoundaryRolesTest {

    static final List<Class<?>> ENTRY_POINTS =
            List.of(Operations.class, DeadLetterTriage.class, ActionRequests.class, Journeys.class);
    static final List<String> EVERY_ROLE = List.of("viewer", "operator", "approver");

    @Test
    void everyEntryPointNamesItsRoles() {
        for (var type : ENTRY_POINTS) {
            assertThat(type.getAnnotation(PermitAll.class))
                    .as(type.getSimpleName())
                    .isNull();
            for (var method : businessMethods(type)) {
                assertThat(roles(method))
                        .as(type.getSimpleName() + "." + method.getName())
                        .isNotEmpty();
            }
        }
    }

    @Test
    void everyRoleReadsOnlyOperatorsRequestAndRevealOnlyApproversDecide() throws Exception {
        assertThat(roles(Operations.class.getMethod("queues"))).containsExactlyElementsOf(EVERY_ROLE);
        assertThat(roles(DeadLetterTriage.class.getMethod("message", String.class, String.class)))
                .containsExactlyElementsOf(EVERY_ROLE);
        assertThat(roles(DeadLetterTriage.class.getMethod("reveal", String.class, String.class)))
                .containsExactly("operator", "approver");
        assertThat(roles(ActionRequests.class.getMethod("requests"))).containsExactlyElementsOf(EVERY_ROLE);
        assertThat(roles(ActionRequests.class.getMethod(
                        "request", String.class, String.class, List.class, String.class)))
                .containsExactly("operator");
        assertThat(roles(ActionRequests.class.getMethod("approve", java.util.UUID.class, String.class)))
                .containsExactly("approver");
        assertThat(roles(ActionRequests.class.getMethod("reject", java.util.UUID.class, String.class)))
                .containsExactly("approver");
        assertThat(roles(Journeys.class.getMethod("of", java.util.UUID.class))).containsExactlyElementsOf(EVERY_ROLE);
    }

    private static List<Method> businessMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .toList();
    }

    private static List<String> roles(Method method) {
        var own = method.getAnnotation(RolesAllowed.class);
        var declared = own != null ? own : method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        return declared == null ? List.of() : List.of(declared.value());
    }
}
