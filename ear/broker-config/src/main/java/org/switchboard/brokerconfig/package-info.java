/**
 * Cluster mode's configuration, generated from the embedded default's: {@link CliScript} reads the
 * subset of the WildFly CLI that {@code jms-config/messaging.cli} uses, {@link MessagingDeclarations}
 * turns it into what it declares (destinations, address settings, diverts, security settings, the
 * contexts' connection factories), and {@link BrokerXml} and {@link RemoteCli} write it out for the
 * standalone Artemis brokers and for WildFly with {@code remote-activemq}. A command it does not
 * understand fails the build: nothing declared in messaging.cli is dropped on the way.
 */
package org.switchboard.brokerconfig;
