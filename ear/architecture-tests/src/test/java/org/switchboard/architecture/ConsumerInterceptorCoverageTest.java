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
import org.switchboard.messaging.ContextConnections;
import org.switchboard.messaging.DeadLetters;

/**
 * Every message-driven bean gets Switchboard's consumer behaviour from {@link ConsumerInterceptor},
 * bound once per EJB module as its default interceptor, and none writes that behaviour again: no
 * bean catches, dead-letters or rolls back by itself, so a new context cannot forget any of it. The
 * interceptor sends dead letters and journey notes under the consuming context's broker identity
 * (ADR 0010): it looks up {@code java:/jms/<context>/JmsXA} by the module's name, so each
 * context with message-driven beans must have that factory, under its own user.
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
                    new ArchCondition<>("belong to a context whose own connection factory "
                            + "jms-config/messaging.cli declares, under the context's own broker user") {
                        @Override
                        public void check(JavaClass bean, ConditionEvents events) {
                            var context = contextOf(bean.getPackageName());
                            var expected = ContextConnections.jndiName(context);
                            var declared = FACTORIES.pooledConnectionFactories().values().stream()
                                    .filter(factory -> factory.entries().contains(expected))
                                    .findFirst();
                            events.add(new SimpleConditionEvent(
                                    bean,
                                    declared.filter(factory -> context.equals(factory.user()))
                                            .isPresent(),
                                    bean.getName() + " is consumed by " + ConsumerInterceptor.class.getSimpleName()
                                            + ", which sends as " + expected + "; messaging.cli declares "
                                            + declared.map(factory -> "it with user " + factory.user())
                                                    .orElse("no such factory")));
                        }
                    });

    /**
     * A {@code resource-ref} on the default interceptor in {@code ejb-jar.xml} is not applied by
     * WildFly (the field got the EE default factory, which bypasses ADR 0010's permissions): none may
     * come back and look as if it worked.
     */
    @ArchTest
    static final ArchRule noModuleMapsTheInterceptorsFactory = classes()
            .that()
            .areAnnotatedWith(MessageDriven.class)
            .should(
                    new ArchCondition<>("be in a module whose ejb-jar.xml maps no resource for "
                            + ConsumerInterceptor.class.getSimpleName()) {
                        @Override
                        public void check(JavaClass bean, ConditionEvents events) {
                            var mapped = DefaultInterceptors.resource(
                                    bean.reflect(), ConsumerInterceptor.class.getName(), "jms/consumerConnections");
                            events.add(new SimpleConditionEvent(
                                    bean,
                                    mapped.isEmpty(),
                                    bean.getName() + "'s module maps jms/consumerConnections to " + mapped.orElse("")
                                            + "; the interceptor looks its factory up itself"));
                        }
                    });

    private static final MessagingCli FACTORIES = MessagingCli.read(AsyncApiDocumentTest.CLI);

    /** The context: the package segment after org.switchboard, which is also the EJB module's name. */
    static String contextOf(String packageName) {
        return packageName.split("\\.")[2];
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
