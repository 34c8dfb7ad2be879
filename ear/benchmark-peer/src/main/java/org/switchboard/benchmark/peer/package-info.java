/**
 * The benchmark's peer: Switchboard's registration flow as a user would write it from the WildFly
 * quickstarts (cmt, helloworld-mdb), with none of Switchboard's extra work (no contract validation,
 * no idempotent consumer, no outbox, no journey notes). REST inserts a customer and sends a message in
 * one JTA transaction; one MDB forwards it; another inserts the contact. Its queues, its broker user and
 * its tables are created by ear/benchmark at bench time. Also a raw-broker probe (persistent send and
 * receive on the same embedded broker) that gives the benchmark its broker baseline.
 */
package org.switchboard.benchmark.peer;
