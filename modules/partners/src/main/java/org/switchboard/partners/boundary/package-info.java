/** The listener of Ordering's events and the facade the webapp's REST resource and dashboard call. */
package org.switchboard.partners.boundary;
