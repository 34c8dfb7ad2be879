package org.switchboard.web.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.switchboard.operations.FlatJson;

/**
 * The API's JSON-B: the defaults, and the Operations views that are written flat (see
 * {@link FlatJson}), wherever they occur — also in the lists the resources return, which JAX-RS
 * hands to JSON-B without their element type.
 */
@Provider
public class OperationsJson implements ContextResolver<Jsonb> {

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withSerializers(FlatJson.views()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSON;
    }
}
