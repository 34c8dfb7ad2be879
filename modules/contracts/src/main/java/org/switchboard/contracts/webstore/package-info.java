/** Events the Web Store publishes on topic {@code webstore.events}. */
package org.switchboard.contracts.webstore;
