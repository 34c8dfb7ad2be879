/**
 * The door in front of the container's HTTP Basic login: a credential that is not well-formed
 * Basic is refused with 401 before WildFly Elytron reads it (Elytron answers such a header with a
 * 500 and a stack trace); a client address that keeps presenting wrong passwords is slowed down
 * with 429 for a while, instead of the user being locked out for everyone; and every failed login is
 * logged on one line and counted. It decides nothing about roles: web.xml and the boundaries do.
 */
package org.switchboard.web.login;
