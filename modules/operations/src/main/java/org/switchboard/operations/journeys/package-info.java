/**
 * Journeys: "where is my registration?" — every message of one flow (one correlation id) across the
 * contexts, from two sources that together cover its life. The journey notes every consumer sends
 * to {@code ops.journey} say how each delivery that committed ended (processed, duplicate,
 * dead-lettered by its consumer); the broker says which messages of the flow are in a queue right
 * now. It owns the notes (table {@code operations.journey_step}, kept for a retention period) and
 * decides where a flow stands: done, in progress, stuck, abandoned, or uncertain when a source could
 * not see everything — which it says rather than hides.
 */
package org.switchboard.operations.journeys;
