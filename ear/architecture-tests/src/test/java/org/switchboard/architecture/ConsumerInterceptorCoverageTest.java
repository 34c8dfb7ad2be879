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
 * bean catches, dead-letters or rolls back by itself, so a new context cannot forget any of it.
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
