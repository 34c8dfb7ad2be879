package org.switchboard.arquillian;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Deploys switchboard.ear once for the whole in-container suite instead of once per test class.
 *
 * <p>Every test class asks for the same archive (Deployments.switchboard(): the real EAR with every
 * test class of org.switchboard.it in its webapp), and deploying it cost 4 to 6 s a class on the
 * 2-core CI machine, about 4 minutes of the build in all. The first testable deployment is deployed
 * for real and kept; every later class, testable or not, is handed the same protocol metadata (the
 * webapp's address, the servlet the in-container runner calls), and its undeploy is skipped. The
 * kept deployment is undeployed when the container stops, so the server's configuration is left as
 * the build found it.
 *
 * <p>What this changes for the tests: the application is not restarted between classes, so
 * in-memory state (circuit breakers, login lockouts, caches) carries over from one class to the
 * next, as it already did between the tests of one class and as the database and the broker
 * always did. A test must set up what it relies on. {@code -Dswitchboard.it.deploy-per-class=true}
 * restores one deployment per class, to tell whether a failure comes from a neighbour.
 */
public class SharedDeployment implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        if (!Boolean.getBoolean("switchboard.it.deploy-per-class")) {
            builder.observer(Deployer.class);
        }
    }

    /** The deployment kept for the suite, once one testable class deployed it. */
    private record Kept(DeployableContainer<?> container, Archive<?> archive, ProtocolMetaData metaData) {}

    public static final class Deployer {

        private static Kept kept;

        /** The class deployments answered from the kept one: their undeploy is skipped. */
        private static final Set<Deployment> shared = Collections.newSetFromMap(new IdentityHashMap<>());

        @Inject
        @DeploymentScoped
        private InstanceProducer<DeploymentDescription> description;

        @Inject
        @DeploymentScoped
        private InstanceProducer<Deployment> deployment;

        @Inject
        @DeploymentScoped
        private InstanceProducer<ProtocolMetaData> protocolMetaData;

        /** Runs inside the deployment context Arquillian activates for the event (precedence below it). */
        public void deploy(@Observes(precedence = -10) EventContext<DeployDeployment> context) {
            var event = context.getEvent();
            var target = event.getDeployment();
            var described = target.getDescription();
            if (kept == null) {
                context.proceed();
                if (described.testable() && described.isArchiveDeployment() && target.isDeployed()) {
                    kept = new Kept(
                            event.getDeployableContainer(), described.getTestableArchive(), protocolMetaData.get());
                    shared.add(target);
                }
                return;
            }
            description.set(described);
            deployment.set(target);
            protocolMetaData.set(kept.metaData());
            target.deployed();
            shared.add(target);
        }

        public void undeploy(@Observes(precedence = -10) EventContext<UnDeployDeployment> context) {
            var target = context.getEvent().getDeployment();
            if (shared.remove(target)) {
                target.undeployed();
            } else {
                context.proceed();
            }
        }

        public void undeployKept(@Observes BeforeStop event) throws Exception {
            if (kept != null) {
                var last = kept;
                kept = null;
                last.container().undeploy(last.archive());
            }
        }
    }
}
