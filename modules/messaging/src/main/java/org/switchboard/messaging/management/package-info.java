/**
 * The brokers a node manages: in the default mode the embedded broker, read in-process; in cluster
 * mode the remote brokers named by {@code switchboard.operations.brokers}, read over JMX
 * (docs/scale-out.md, "Operations against remote brokers"). Which of them is active, which waits
 * as backup, which is down; the active one's MBeans for whoever reads queues or address settings.
 */
package org.switchboard.messaging.management;
