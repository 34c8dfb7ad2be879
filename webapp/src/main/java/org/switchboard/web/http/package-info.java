/**
 * What every HTTP exchange of the webapp gets, whatever serves it: the browser hardening headers on
 * each response, and the methods a page accepts. Session and cookie rules are in WEB-INF/web.xml
 * and WEB-INF/undertow-handlers.conf; who may see what is in web.xml's security constraints and
 * the boundary beans' roles.
 */
package org.switchboard.web.http;
