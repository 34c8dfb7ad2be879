/**
 * The broker as Operations reads it: the embedded Artemis broker's queues (through their MBeans),
 * what each queue is for (from the address settings: an application queue, a topic subscription,
 * a dead-letter or an expiry queue), and the messages in a queue, read raw with a JMS browser. The
 * other components of Operations share it; it decides nothing beyond what a queue is for, and it
 * changes the broker only where a dead-letter request says so (one message moved back or removed).
 */
package org.switchboard.operations.broker;
