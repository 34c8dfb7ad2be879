/** Meters with their description (the {@code # HELP} line in {@code /prometheus}), for every context. */
package org.switchboard.messaging.metrics;
