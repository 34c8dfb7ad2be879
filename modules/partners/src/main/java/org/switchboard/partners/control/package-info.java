/** The delivery outbox, its relay, the signature, the retry schedule and the metrics. */
package org.switchboard.partners.control;
