package org.switchboard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.ejb.MessageDriven;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConnectionFactory;

/**
 * The module boundaries, checked on the compiled classes of every module. The same boundaries are
 * held by maven-enforcer (modules/pom.xml) and by isolated EAR sub-deployments
 * (jboss-deployment-structure.xml).
 */
@AnalyzeClasses(packages = "org.switchboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    static final String[] CONTEXTS = {
        "org.switchboard.webstore..",
        "org.switchboard.integration..",
        "org.switchboard.marketing..",
        "org.switchboard.operations..",
        "org.switchboard.ordering..",
        "org.switchboard.inventory..",
        "org.switchboard.payments..",
        "org.switchboard.shipping..",
        "org.switchboard.partners.."
    };

    @ArchTest
    static final ArchRule contextsDoNotKnowEachOther = slices().matching(
                    "org.switchboard.(webstore|integration|marketing|operations|ordering|inventory|payments|shipping|partners)..")
            .should()
            .notDependOnEachOther()
            .because("bounded contexts talk only through messages in org.switchboard.contracts");

    @ArchTest
    static final ArchRule operationsComponentsShareOnlyTheBrokerReader = slices().matching(
                    "org.switchboard.operations.(monitoring|deadletters|journeys|sagas)..")
            .should()
            .notDependOnEachOther()
            .because(
                    "Operations' business components share only what reads the broker (operations.broker) and four-eyes"
                            + " deciding and auditing (operations.foureyes)");

    @ArchTest
    static final ArchRule entitiesCarryNoBeanValidation = noClasses()
            .that()
            .areAnnotatedWith(jakarta.persistence.Entity.class)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("jakarta.validation..")
            .because("every persistence unit sets validation-mode NONE: a constraint on an entity would never be"
                    + " checked (validate requests and messages at the boundary; the tables hold their own"
                    + " constraints)");

    @ArchTest
    static final ArchRule outboxesAreInjectedAsEjbs = fields().that()
            .haveRawType(com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                    org.switchboard.messaging.outbox.TransactionalOutbox.class))
            .should()
            .notBeAnnotatedWith(jakarta.inject.Inject.class)
            .because("an outbox is a singleton EJB: through a CDI proxy every call locks one reference all callers"
                    + " share (SessionObjectReferenceImpl.getBusinessObject); inject it with @EJB");

    @ArchTest
    static final ArchRule noCyclesBetweenModules =
            slices().matching("org.switchboard.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule contractsArePlainData = classes()
            .that()
            .resideInAPackage("org.switchboard.contracts..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.switchboard.contracts..")
            .because(
                    "the published language carries primitives, String, UUID, Instant, BigDecimal and enums, never a domain type");

    @ArchTest
    static final ArchRule buildingBlockHasNoBusiness = noClasses()
            .that()
            .resideInAPackage("org.switchboard.messaging..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CONTEXTS)
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("org.switchboard.web..");

    @ArchTest
    static final ArchRule contextsDoNotKnowTheFrontEnd = noClasses()
            .that()
            .resideInAnyPackage(CONTEXTS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.switchboard.web..");

    @ArchTest
    static final ArchRule frontEndUsesOnlyBoundaries = noClasses()
            .that()
            .resideInAPackage("org.switchboard.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.switchboard.*.control..",
                    "org.switchboard.*.entity..",
                    // a context's business components (operations.deadletters.boundary, ...)
                    "org.switchboard.*.*.control..",
                    "org.switchboard.*.*.entity..",
                    "org.switchboard.integration..")
            .because("the webapp calls a context's boundary facade, nothing behind it");

    @ArchTest
    static final ArchRule entitiesKnowNoMessaging = noClasses()
            .that()
            .resideInAPackage("..entity..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta.jms..",
                    "org.switchboard.messaging..",
                    "org.switchboard.contracts..",
                    "..boundary..",
                    "..control..");

    @ArchTest
    static final ArchRule controlDoesNotCallBoundary = noClasses()
            .that()
            .resideInAPackage("..control..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..boundary..");

    @ArchTest
    static final ArchRule messageDrivenBeansAreBoundaries =
            classes().that().areAnnotatedWith(MessageDriven.class).should().resideInAPackage("..boundary..");

    @ArchTest
    static final ArchRule producersSendThroughTheXaConnectionFactory = fields().that()
            .areAnnotatedWith(JMSConnectionFactory.class)
            .should(new ArchCondition<JavaField>("name their own context's java:/jms/<context>/JmsXA") {
                @Override
                public void check(JavaField field, ConditionEvents events) {
                    var factory = field.getAnnotationOfType(JMSConnectionFactory.class)
                            .value();
                    var context = field.getOwner().getPackageName().split("\\.")[2];
                    if (!("java:/jms/" + context + "/JmsXA").equals(factory)) {
                        events.add(SimpleConditionEvent.violated(
                                field, field.getFullName() + " sends through " + factory));
                    }
                }
            })
            .because("sends go through the context's own resource adapter (a pooled factory): inside a transaction"
                    + " a send joins it (Integration's consume-and-send is one broker-only XA transaction), outside one"
                    + " it is sent at once (the Web Store's outbox relay); and it connects under the context's own"
                    + " broker identity (ADR 0010)");

    @ArchTest
    static final ArchRule contextsUseNoRawConnectionFactory = noClasses()
            .that()
            .resideInAnyPackage(CONTEXTS)
            // Operations' recovery scan asks the broker for its prepared branches on Narayana's
            // behalf: the one connection that must not be enlisted in a transaction.
            .and()
            .resideOutsideOfPackage("org.switchboard.operations.recovery..")
            .should()
            .dependOnClassesThat()
            .areAssignableTo(ConnectionFactory.class)
            .because("a connection from a plain factory would not be enlisted in the transaction");

    @ArchTest
    static final ArchRule noObjectMessages = noClasses()
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("jakarta.jms.ObjectMessage")
            .because("messages are JSON TextMessages: Java serialization couples contexts to classes and is unsafe");

    @ArchTest
    static final ArchRule contextsBuildMessagesOnlyThroughTheValidatingEnvelope = noClasses()
            .that()
            .resideInAnyPackage(CONTEXTS)
            .should()
            .callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "a JMS message factory or a send of a raw body",
                    call -> call.getTarget().getOwner().isAssignableTo(jakarta.jms.JMSContext.class)
                                    && call.getName().startsWith("create")
                                    && call.getName().endsWith("Message")
                            || call.getTarget().getOwner().isAssignableTo(jakarta.jms.JMSProducer.class)
                                    && call.getName().equals("send")
                                    && !call.getTarget()
                                            .getRawParameterTypes()
                                            .get(1)
                                            .isAssignableTo(jakarta.jms.Message.class)))
            .because("every outgoing message is built by JsonMessages, which validates it against its schema"
                    + " (egress); a hand-built message or a raw String body would skip that");

    @ArchTest
    static final ArchRule contextsReadBodiesOnlyThroughTheValidatingReader = noClasses()
            .that()
            // Not operations: dead-letter triage must show the raw body of exactly the messages
            // that failed validation.
            .resideInAnyPackage(
                    "org.switchboard.webstore..",
                    "org.switchboard.integration..",
                    "org.switchboard.marketing..",
                    "org.switchboard.ordering..",
                    "org.switchboard.inventory..",
                    "org.switchboard.payments..",
                    "org.switchboard.shipping..",
                    "org.switchboard.partners..")
            .should()
            .callMethod(org.switchboard.messaging.IncomingMessage.class, "body")
            .orShould()
            .callMethod(jakarta.jms.TextMessage.class, "getText")
            .because("a body is read only through IncomingMessage.expect/expectOneOf, which validates it (ingress)");
}
