/**
 * The front end: JSF pages ({@code faces}) and the REST API ({@code rest}) in front of the
 * contexts' boundary facades. It holds no business rule: it translates HTTP and form input into
 * facade calls and facade outcomes into status codes, problem details and Faces messages.
 */
package org.switchboard.web;
