package org.switchboard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.interceptor.ExcludeDefaultInterceptors;
import jakarta.interceptor.Interceptors;
import org.switchboard.messaging.ConsumerInterceptor;
import org.switchboard.messaging.DeadLetters;

/**
 * Every message-driven bean gets Switchboard's consumer behaviour from {@link ConsumerInterceptor},
 * bound once per EJB module as its default interceptor, and none writes that behaviour again: no
 * bean catches, dead-letters or rolls back by itself, so a new context cannot forget any of it. The
 * interceptor sends dead letters and journey notes under the consuming context's broker identity
 * (ADR 0010), so each such module maps {@link ConsumerInterceptor#CONNECTIONS} to its own
 * connection factory: without the mapping the interceptor cannot be injected and every delivery fails.
 */
@AnalyzeClasses(packages = "org.switchboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ConsumerInterceptorCoverageTest {

    @ArchTest
    static final ArchRule everyMessageDrivenBeanIsIntercepted = classes()
            .that()
            .areAnnotatedWith(MessageDriven.class)
            .should(
                    new ArchCondition<>("be in an EJB module whose META-INF/ejb-jar.xml binds "
                            + ConsumerInterceptor.class.getSimpleName() + " as default interceptor") {
                        @Override
                        public void check(JavaClass bean, ConditionEvents events) {
                            var bound = DefaultInterceptors.of(bean.reflect());
                            events.add(
                                    new SimpleConditionEvent(
                                            bean,
                                            bound.contains(ConsumerInterceptor.class.getName()),
                                            bean.getName() + "'s module binds " + bound
                                                    + " as default interceptors; copy META-INF/ejb-jar.xml from modules/marketing/src/main/resources"));
                        }
                    })
            .andShould()
            .notBeAnnotatedWith(ExcludeDefaultInterceptors.class)
            .andShould()
            .notBeAnnotatedWith(Interceptors.class);

    @ArchTest
    static final ArchRule everyMessageDrivenBeanSendsUnderItsContextsIdentity = classes()
            .that()
            .areAnnotatedWith(MessageDriven.class)
            .should(
                    new ArchCondition<>("be in an EJB module whose META-INF/ejb-jar.xml maps "
                            + ConsumerInterceptor.CONNECTIONS + " to its context's own connection factory") {
                        @Override
                        public void check(JavaClass bean, ConditionEvents events) {
                            var expected = ownConnectionFactory(bean.getPackageName());
                            var mapped = DefaultInterceptors.resource(
                                    bean.reflect(),
                                    ConsumerInterceptor.class.getName(),
                                    ConsumerInterceptor.CONNECTIONS);
                            events.add(new SimpleConditionEvent(
                                    bean,
                                    mapped.filter(expected::equals).isPresent(),
                                    bean.getName() + "'s module maps " + ConsumerInterceptor.CONNECTIONS + " to "
                                            + mapped.orElse("nothing") + ", not to " + expected
                                            + "; see META-INF/ejb-jar.xml in modules/marketing/src/main/resources"));
                        }
                    });

    /** {@code java:/jms/<context>/JmsXA}, the context being the package segment after org.switchboard. */
    static String ownConnectionFactory(String packageName) {
        var context = packageName.split("\\.")[2];
        return "java:/jms/" + context + "/JmsXA";
    }

    @ArchTest
    static final ArchRule noMessageDrivenBeanHandlesItsOwnFailures = noClasses()
            .that()
            .areAnnotatedWith(MessageDriven.class)
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(DeadLetters.class, MessageDrivenContext.class)
            .because("dead-lettering and rollback are the ConsumerInterceptor's job");

    @ArchTest
    static final ArchRule noMessageDrivenBeanCatches = classes()
            .that()
            .areAnnotatedWith(MessageDriven.class)
            .should(new ArchCondition<>("have no try/catch in any method") {
                @Override
                public void check(JavaClass bean, ConditionEvents events) {
                    for (var method : bean.getCodeUnits()) {
                        var catches = method.getTryCatchBlocks().stream()
                                .filter(block -> !block.getCaughtThrowables().isEmpty())
                                .count();
                        if (catches > 0) {
                            events.add(SimpleConditionEvent.violated(
                                    bean,
                                    method.getFullName() + " catches exceptions; let ConsumerInterceptor handle them"));
                        }
                    }
                }
            });
}
