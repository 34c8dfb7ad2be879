package org.switchboard.partners.boundary;

import java.util.List;

/** What an operator registers: the partner's name, its URL (http or https), its secret and the event types it wants. */
public record NewEndpoint(String partner, String url, String secret, List<String> events) {}
