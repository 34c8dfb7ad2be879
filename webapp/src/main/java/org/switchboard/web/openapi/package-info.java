/**
 * The served OpenAPI document, completed from the code: the schemas of the bodies the API writes
 * come from the records the resource methods return (most of them live in the contexts' EJB
 * modules, outside the annotation index WildFly's OpenAPI scan reads), and every operation behind
 * a login documents its 401 and 403. Hand-written descriptions stay in META-INF/openapi.yaml.
 */
package org.switchboard.web.openapi;
