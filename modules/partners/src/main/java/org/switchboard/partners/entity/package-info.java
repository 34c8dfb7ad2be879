/** Partners' endpoints and the states, event types and outcomes of their deliveries. */
package org.switchboard.partners.entity;
