/**
 * Monitoring: how the broker's queues are doing. It samples every queue on a timer (depth, in
 * flight, scheduled, consumers, counters, the age of the oldest message), derives rates from
 * consecutive samples, publishes Switchboard's own metrics, and turns dead-letter queues that stop
 * being empty into incidents: one alert when an incident opens, reminders while it lasts, one when
 * it is resolved — logged, fired as a CDI event and posted to the alert webhook. It decides what
 * counts as an incident and when to remind; it never changes the broker.
 */
package org.switchboard.operations.monitoring;
