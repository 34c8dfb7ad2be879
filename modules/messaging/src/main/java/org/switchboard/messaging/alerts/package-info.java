/**
 * The alert webhook: a signed, retried JSON post to the operators' receiver, shared by the contexts
 * that raise alerts.
 */
package org.switchboard.messaging.alerts;
